/*
 * What is in the graph: labels, types, property keys and counts (legends, console autocompletion), and
 * headline statistics with agencies ranked by tasks led and supported.
 */
import { Router } from 'express';
import { z } from 'zod';
import { graphSchema, graphStats } from '../../graph/queries/schema.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { intParam } from './params.ts';
import { sendReadAnswer } from './send-json-answer.ts';

export const SchemaQuery = z.strictObject({});
export const StatsQuery = z.strictObject({ limit: intParam(1, 500, 20).describe('How many agencies to rank (default 20)') });

export function schemaRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = Math.max(deps.config.cypher.timeoutMs, 30_000);

  registry.add({ method: 'get', path: '/schema', tag: 'schema', summary: 'Labels, relationship types, property keys and counts', query: SchemaQuery, response: '{labels: [{label, count}], relationshipTypes: [{type, count}], propertyKeys, patterns: [{from, type, to, count}]}' });
  router.get('/schema', async (req, res) => {
    parseInput(SchemaQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, {}, timeoutMs, () => graphSchema(deps.db, timeoutMs));
  });

  registry.add({ method: 'get', path: '/stats', tag: 'schema', summary: 'Counts and agencies ranked by tasks led and supported', query: StatsQuery, response: '{nodes, relationships, documents, tasks, agencies: [{id, name, group, tasks, led, supported, viaGroup}]}' });
  router.get('/stats', async (req, res) => {
    const q = parseInput(StatsQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, q, timeoutMs, () => graphStats(deps.db, q.limit, timeoutMs));
  });
  return router;
}
