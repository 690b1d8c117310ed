/*
 * The workload endpoint (issue 17): per agency, tasks led, supported, responsible and inherited through
 * groups, per plan and per year, ranked by total.
 */
import { Router } from 'express';
import { z } from 'zod';
import { agencyWorkload } from '../../graph/queries/analysis-workload.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { analysisFilterShape, analysisLimit, analysisTimeoutMs } from './analysis-params.ts';
import { sendJsonAnswer } from './send-json-answer.ts';

export const WorkloadQuery = z.strictObject({
  ...analysisFilterShape,
  limit: analysisLimit(100_000, 10_000, 'at most this many agency × plan rows'),
});

export function analysisWorkloadRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = analysisTimeoutMs(deps.config.cypher.timeoutMs);
  registry.add({
    method: 'get', path: '/analysis/workload', tag: 'analysis',
    summary: 'Workload: per agency, tasks led, supported, responsible (no printed role) and inherited through groups, per plan and per year',
    description: 'The curated query `workload`, folded per agency and ranked by total. A task naming the agency directly and through a group counts as direct.',
    query: WorkloadQuery,
    response: '{filter, agencies: [{id, name, group, jurisdiction, led, supported, responsible, inherited, total, plans: [{id, year, led, …}], years: {"2019": {led, …}, none?: {…}}}], years: [string], truncated}',
  });
  router.get('/analysis/workload', async (req, res) => {
    const q = parseInput(WorkloadQuery, req.query, 'query');
    await sendJsonAnswer(req, res, await agencyWorkload(deps.db, q, timeoutMs));
  });
  return router;
}
