/*
 * GET /api/analysis/targets: every target of every indicator against the closest report after it
 * (met / not met / unclear / undated / no report yet), and the indicators sorted by targets lacking a report.
 */
import { Router } from 'express';
import { z } from 'zod';
import { targetsAgainstResults } from '../../graph/queries/analysis-targets.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';

export const TargetsQuery = z.strictObject({
  indicator: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional()
    .describe('Only this indicator (id or name); default: every indicator with a target'),
});

export function analysisTargetsRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  registry.add({
    method: 'get', path: '/analysis/targets', tag: 'analysis', query: TargetsQuery,
    summary: 'Targets against results: each target with the closest later report and whether it was met',
    response: '{indicators: [{indicatorId, indicator, unit, targets, lacking, reports, byStatus}], results: [{indicatorId, indicator, target, status, report, earlier}]}',
  });
  router.get('/analysis/targets', async (req, res) => {
    const q = parseInput(TargetsQuery, req.query, 'query');
    res.json(await targetsAgainstResults(deps.db, deps.config.cypher, q.indicator));
  });
  return router;
}
