/*
 * Plans over time (issue 17): the annual series of plans the graph holds, and one series with each
 * neighbouring pair of plans matched task by task at a threshold the user moves.
 */
import { Router } from 'express';
import { z } from 'zod';
import { comparePlanSeries, listPlanSeries } from '../../graph/queries/analysis-plan-series.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { analysisLimit, analysisTimeoutMs } from './analysis-params.ts';
import { sendJsonAnswer } from './send-json-answer.ts';
import { intParam } from './params.ts';

/** The slider's default: measured on the seeds, the lowest score whose matches still read as the same work (docs/api.md). */
export const DEFAULT_THRESHOLD = 0.15;

export const SeriesListQuery = z.strictObject({
  jurisdiction: z.string().trim().min(1, 'must not be empty').max(200, 'is too long').default('*').describe('a jurisdiction as detected in the documents (e.g. 福州市), or * for all (default)'),
});
export const CompareQuery = z.strictObject({
  series: z.string().min(3, 'must be a series id from GET /api/analysis/plans/series').max(600, 'is too long').regex(/^[^|]*\|(?:jurisdiction|issuer|family)\|[^|]*$/, 'must be a series id from GET /api/analysis/plans/series (jurisdiction|kind|value)').describe('series id as listed by GET /api/analysis/plans/series'),
  offset: intParam(0, 10_000, 0).describe('first neighbouring pair to match, counted from 0 (default 0)'),
  limit: analysisLimit(50, 10, 'how many neighbouring pairs to match (default 10)'),
  threshold: z.string().regex(/^(?:0(?:\.\d{1,4})?|1(?:\.0{1,4})?|\.\d{1,4})$/, 'must be a number between 0 and 1 (at most 4 decimals)').transform(Number).default(DEFAULT_THRESHOLD).describe(`lowest similarity (0–1) at which two tasks count as the same work (default ${DEFAULT_THRESHOLD})`),
});

export function analysisPlansRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = analysisTimeoutMs(deps.config.cypher.timeoutMs);

  registry.add({
    method: 'get', path: '/analysis/plans/series', tag: 'analysis', query: SeriesListQuery,
    summary: 'Series of two or more annual plans: every plan of a jurisdiction, and the plans of one issuer or one title family in it',
    response: '{series: [{id, kind: jurisdiction|issuer|family, jurisdiction, value, plans: [{id, name, year, issued, issuer, jurisdiction, tasks, responsibilities}]}]}',
  });
  router.get('/analysis/plans/series', async (req, res) => {
    const q = parseInput(SeriesListQuery, req.query, 'query');
    await sendJsonAnswer(req, res, await listPlanSeries(deps.db, q.jurisdiction, timeoutMs));
  });

  registry.add({
    method: 'get', path: '/analysis/plans/compare', tag: 'analysis', query: CompareQuery,
    summary: 'One series with each neighbouring pair of plans matched task by task (TF-IDF cosine of character bigrams, one-to-one greedily by score): continued, new and dropped tasks, each agency\'s movement, and the plans\' IMPLEMENTS / REFERENCES lineage',
    response: '{series, threshold, pairTotal, offset, pairs: [{from, to, counts: {continued, dropped, added}, matches: [{from, to, score}], dropped, added, nearest, tasks, agencies: [{agency, name, counts, continued, dropped, added}]}], lineage: {plans, links}}',
  });
  router.get('/analysis/plans/compare', async (req, res) => {
    const q = parseInput(CompareQuery, req.query, 'query');
    await sendJsonAnswer(req, res, await comparePlanSeries(deps.db, q.series, { threshold: q.threshold, offset: q.offset, limit: q.limit }, timeoutMs));
  });
  return router;
}
