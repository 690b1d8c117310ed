/*
 * The arrival overview: headline counts, documents per year, the busiest agencies by role and the most
 * recent plan (GET /api/overview), and one year's documents as graph elements for the canvas
 * (GET /api/overview/years/:year), so every figure of the overview is a click into the graph.
 */
import { Router } from 'express';
import { z } from 'zod';
import { documentsOfYear, graphOverview } from '../../graph/queries/overview.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { intParam } from './params.ts';
import { sendReadAnswer } from './send-json-answer.ts';

export const OverviewQuery = z.strictObject({ limit: intParam(1, 50, 8).describe('how many agencies to list per ranking and for the latest plan (default 8)') });
export const YearPath = z.strictObject({ year: z.string().regex(/^\d{4}$/, 'must be a four-digit year') });
export const YearQuery = z.strictObject({ limit: intParam(1, 1000, 200).describe('documents at most (default 200)') });

export function overviewRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = Math.max(deps.config.cypher.timeoutMs, 30_000);

  registry.add({
    method: 'get', path: '/overview', tag: 'overview', summary: 'What the graph holds: counts, documents by year, the agencies with the most tasks as lead and as support, and the most recent plan',
    query: OverviewQuery,
    response: '{counts: {documents, plans, tasks, agencies}, years: [{year, count}], undated, agencies: {lead: [{id, name, tasks}], support: [{id, name, tasks}]}, latestPlan: {id, name, issued, year, document, tasks, sections: [{section, tasks}], agencies: [{id, name, tasks, led}], agencyCount} | null}',
  });
  router.get('/overview', async (req, res) => {
    const q = parseInput(OverviewQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, q, timeoutMs, () => graphOverview(deps.db, q.limit, timeoutMs));
  });

  registry.add({
    method: 'get', path: '/overview/years/:year', tag: 'overview', summary: 'The documents issued in one year and the plans they describe, as graph elements',
    params: YearPath, query: YearQuery, response: '{year, nodes, edges}',
  });
  router.get('/overview/years/:year', async (req, res) => {
    const { year } = parseInput(YearPath, req.params, 'path');
    const q = parseInput(YearQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, { year, ...q }, timeoutMs, () => documentsOfYear(deps.db, year, q.limit, timeoutMs));
  });
  return router;
}
