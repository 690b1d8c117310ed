/*
 * GET /api/health: app version, Neo4j version and edition, embedded or external, and counts.
 * Answers 503 with a reason while Neo4j is down; the driver reconnects by itself when it is back.
 */
import { Router } from 'express';
import { graphHealth } from '../../graph/health.ts';
import { consoleWatchdog } from './cypher.ts';
import type { AppDeps } from '../app-deps.ts';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const g = await graphHealth(deps.db);
    res.json({
      status: 'ok',
      app: { name: 'policy-graph-explorer', version: deps.version },
      neo4j: { version: g.version, edition: g.edition, mode: deps.neo4jMode, uri: deps.neo4jUri },
      counts: { nodes: g.nodes, relationships: g.relationships },
      console: consoleWatchdog(deps).status(),
    });
  });
  return router;
}
