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
import { analysisLimit, entityName } from './analysis-params.ts';
import { sendJsonAnswer } from './send-json-answer.ts';

export const TargetsQuery = z.strictObject({
  indicator: entityName.optional()
    .describe('Results and per-year statuses of this indicator only (id or name); default: every indicator with a target'),
  limit: analysisLimit(5000, 300, 'At most this many results (the indicator list and per-year statuses always cover everything)'),
});

export function analysisTargetsRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  registry.add({
    method: 'get', path: '/analysis/targets', tag: 'analysis', query: TargetsQuery,
    summary: 'Targets against results: each target with the closest later report and whether it was met',
    response: '{indicators: [{indicatorId, indicator, unit, targets, lacking, reports, byStatus}], byYear: [{year, byStatus}], results: [{indicatorId, indicator, target, status, report, earlier}], total}',
  });
  router.get('/analysis/targets', async (req, res) => {
    const q = parseInput(TargetsQuery, req.query, 'query');
    await sendJsonAnswer(req, res, await targetsAgainstResults(deps.db, deps.config.cypher, { limit: q.limit, ...(q.indicator ? { indicator: q.indicator } : {}) }));
  });
  return router;
}
