/*
 * POST /api/cypher: the read-only console. Rate-limited (config.cypher.rateLimitPerMinute); the safety
 * layers live in server/graph/cypher-console/ and server/graph/queries/cypher.ts.
 */
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { runConsoleQuery } from '../../graph/queries/cypher.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';

export const CypherBody = z.strictObject({
  query: z.string({ error: 'is required and must be a string' }).trim().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters').describe('One read-only Cypher statement'),
  params: z.record(z.string(), z.unknown(), { error: 'must be an object' }).default({}).describe('Query parameters ($name)'),
});

export function cypherRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.config.cypher.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError(429, 'RATE_LIMITED', `At most ${deps.config.cypher.rateLimitPerMinute} console queries per minute; try again shortly`)),
  });

  registry.add({
    method: 'post', path: '/cypher', tag: 'console', summary: 'Run one read-only Cypher query', body: CypherBody,
    description: 'Rejected with 403 when it writes, loads files/URLs or administers the database; 400 on a syntax error (with position); 408 on timeout.',
    response: '{columns, rows, graph: {nodes, edges}, summary: {ms, rows, truncated, truncatedBy?}}',
  });
  router.post('/cypher', limiter, async (req, res) => {
    const body = parseInput(CypherBody, req.body ?? {}, 'body');
    res.json(await runConsoleQuery(deps.db, body.query, body.params, deps.config.cypher));
  });
  return router;
}
