/*
 * POST /api/cypher: the read-only console. Rate-limited (config.cypher.rateLimitPerMinute); the safety
 * layers live in server/graph/cypher-console/ and server/graph/queries/cypher.ts. One watchdog per app
 * (consoleWatchdog) answers queries Neo4j does not, and its status is part of /api/health.
 */
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { ConsoleWatchdog } from '../../graph/cypher-console/watchdog.ts';
import { runConsoleQuery } from '../../graph/queries/cypher.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';

export const CypherBody = z.strictObject({
  // Its length is held to CYPHER_MAX_QUERY_CHARS by the console service, which names the setting.
  query: z.string({ error: 'is required and must be a string' }).trim().min(1, 'must not be empty').describe('One read-only Cypher statement'),
  params: z.record(z.string(), z.unknown(), { error: 'must be an object' }).default({}).describe('Query parameters ($name)'),
});

const watchdogs = new WeakMap<AppDeps, ConsoleWatchdog>();

/** The app's console watchdog (one per AppDeps, shared by the console route and /api/health). */
export function consoleWatchdog(deps: AppDeps): ConsoleWatchdog {
  let watchdog = watchdogs.get(deps);
  if (!watchdog) {
    watchdog = new ConsoleWatchdog(deps.db, { graceMs: deps.config.cypher.watchdogGraceMs, onRunaway: deps.onRunawayQuery, log: deps.log });
    watchdogs.set(deps, watchdog);
  }
  return watchdog;
}

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
    description: 'Rejected with 403 when it writes, loads files/URLs or administers the database; 400 on a syntax error (with position) or over a size limit (text length, bracket or parameter nesting); 408 on timeout; 413 over the result size or per-query memory.',
    response: '{columns, rows, graph: {nodes, edges}, summary: {ms, rows, truncated, truncatedBy?}}',
  });
  router.post('/cypher', limiter, async (req, res) => {
    const body = parseInput(CypherBody, req.body ?? {}, 'body');
    res.json(await runConsoleQuery(deps.db, consoleWatchdog(deps), body.query, body.params, deps.config.cypher));
  });
  return router;
}
