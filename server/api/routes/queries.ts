/*
 * Curated queries (cypher/queries/*.cypher): the list with their parsed headers, and running one with
 * parameters validated against its header. The body is {params: {...}}.
 */
import { Router } from 'express';
import { z } from 'zod';
import { listCuratedQueries, runCheckedQuery, validateCuratedParams } from '../../graph/queries/curated.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { sendReadAnswer } from './send-json-answer.ts';

export const QueryPath = z.strictObject({ name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'must be a query name such as tasks-of-agency').describe('Curated query name') });
export const RunQueryBody = z.strictObject({
  params: z.record(z.string(), z.unknown(), { error: 'must be an object of parameter values' }).default({}).describe('Parameter values, checked against the query header'),
});

export function queryRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const limits = deps.config.cypher;

  registry.add({ method: 'get', path: '/queries', tag: 'queries', summary: 'Curated queries with title, description and parameter labels in Chinese and English, and typed parameters', response: '{queries: [{name, title: {zh, en}, description: {zh, en}, params: [{name, type, default, min, max, description, label: {zh, en}, placeholder?: {zh, en}}], cypher}]}' });
  router.get('/queries', (_req, res) => {
    res.json({ queries: listCuratedQueries() });
  });

  registry.add({ method: 'post', path: '/queries/:name', tag: 'queries', summary: 'Run a curated query', params: QueryPath, body: RunQueryBody, response: '{query, columns, rows, graph: {nodes, edges}, summary: {ms, rows, truncated}}' });
  router.post('/queries/:name', async (req, res) => {
    const { name } = parseInput(QueryPath, req.params, 'path');
    const body = parseInput(RunQueryBody, req.body ?? {}, 'body');
    // Checked once, and keyed by the parameters as checked (defaults in, header order), so equal requests share one answer.
    const checked = validateCuratedParams(name, body.params);
    await sendReadAnswer(req, res, deps.db, { name, params: checked.params }, limits.timeoutMs, (fresh) => runCheckedQuery(deps.db, checked, limits, fresh));
  });
  return router;
}
