/*
 * The collaboration network's endpoints (issue 17): agency pairs weighted by the tasks they share, the
 * tasks one pair shares with their evidence, and the filter choices every analysis view offers.
 */
import { Router } from 'express';
import { z } from 'zod';
import { analysisFilters, collaborationPairs, sharedTasks } from '../../graph/queries/analysis-collaboration.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { boolParam, entityId, NoQuery } from './params.ts';
import { analysisFilterShape, analysisLimit, analysisTimeoutMs } from './analysis-params.ts';
import { sendJsonAnswer } from './send-json-answer.ts';

export const CollaborationQuery = z.strictObject({
  ...analysisFilterShape,
  members: boolParam(true).describe('a group\'s tasks count for each of its members instead of the group'),
  limit: analysisLimit(50_000, 5000, 'at most this many pairs'),
});

export const SharedTasksQuery = z.strictObject({
  a: entityId.describe('one agency\'s id'),
  b: entityId.describe('the other agency\'s id'),
  plan: analysisFilterShape.plan,
  year: analysisFilterShape.year,
  members: CollaborationQuery.shape.members,
  limit: analysisLimit(1000, 200, 'at most this many tasks'),
});

export function analysisCollaborationRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = analysisTimeoutMs(deps.config.cypher.timeoutMs);

  registry.add({
    method: 'get', path: '/analysis/filters', tag: 'analysis', summary: 'What the analysis views can be filtered by: plans with tasks, their years, and agency jurisdictions',
    query: NoQuery, response: '{plans: [{id, name, year, tasks}], years: [number], jurisdictions: [{name, agencies}]}',
  });
  router.get('/analysis/filters', async (req, res) => {
    parseInput(NoQuery, req.query, 'query');
    await sendJsonAnswer(req, res, await analysisFilters(deps.db, timeoutMs));
  });

  registry.add({
    method: 'get', path: '/analysis/collaboration', tag: 'analysis',
    summary: 'Collaboration network: pairs of agencies weighted by the tasks they share (lead–support, support–support, joint)',
    description: 'The curated query `collaboration`. With members=true a group\'s tasks count for its members and the group is not a node (a group without known members stays).',
    query: CollaborationQuery,
    response: '{filter: {plan, year, jurisdiction, members}, pairs: [{agencyA, nameA, groupA, jurisdictionA, agencyB, nameB, groupB, jurisdictionB, sharedTasks, leadSupport, supportSupport, joint}], truncated}',
  });
  router.get('/analysis/collaboration', async (req, res) => {
    const q = parseInput(CollaborationQuery, req.query, 'query');
    await sendJsonAnswer(req, res, await collaborationPairs(deps.db, q, timeoutMs));
  });

  registry.add({
    method: 'get', path: '/analysis/collaboration/shared-tasks', tag: 'analysis',
    summary: 'The tasks two agencies share, with each one\'s role, the group it came through, and the sentence naming it',
    query: SharedTasksQuery,
    response: '{a, b, tasks: [{id, number, title, section, plan: {id, name, year}, a: {role, via, evidence: {document, start, end, text, sentence} | null}, b: {…}}]}',
  });
  router.get('/analysis/collaboration/shared-tasks', async (req, res) => {
    const q = parseInput(SharedTasksQuery, req.query, 'query');
    res.json(await sharedTasks(deps.db, q, timeoutMs));
  });
  return router;
}
