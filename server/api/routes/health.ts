/*
 * GET /api/health: app version, Neo4j version and edition, embedded or external, and counts; for the
 * embedded Neo4j also its supervision (state, restarts, pid) and its disk. Answers 503 with a reason
 * while Neo4j is down or restarting, and 507 "disk full at DATA_DIR" when its disk is full, so monitors
 * see why; the driver reconnects by itself when it is back.
 */
import { Router } from 'express';
import { AppError } from '../../errors.ts';
import { graphHealth } from '../../graph/health.ts';
import { consoleWatchdog } from './cypher.ts';
import { diskFullMessage } from '../../neo4j/disk-space.ts';
import { refusalFor } from '../../neo4j/supervisor.ts';
import type { AppDeps } from '../app-deps.ts';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const embedded = await deps.embeddedHealth?.();
    if (embedded?.disk.full) throw new AppError(507, 'DISK_FULL', diskFullMessage(embedded.disk), { embedded });
    const refusal = embedded && refusalFor(embedded);
    if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message, { embedded });
    const g = await graphHealth(deps.db);
    res.json({
      status: 'ok',
      app: { name: 'policy-graph-explorer', version: deps.version },
      neo4j: { version: g.version, edition: g.edition, mode: deps.neo4jMode, uri: deps.neo4jUri, ...(embedded ? { embedded } : {}) },
      counts: { nodes: g.nodes, relationships: g.relationships },
      console: consoleWatchdog(deps).status(),
    });
  });
  return router;
}
