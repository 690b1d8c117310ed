/*
 * createApp(deps) builds the Express app without listening, so tests can mount the real app on port 0.
 * Routers are added here, one per area; each validates its input and calls one service function.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './app-deps.ts';
import { errorMiddleware, notFoundHandler } from './error-middleware.ts';
import { hostCheck } from './host-check.ts';
import { ApiRegistry } from './openapi.ts';
import { analysisCollaborationRoutes } from './routes/analysis-collaboration.ts';
import { analysisWorkloadRoutes } from './routes/analysis-workload.ts';
import { analysisPlansRoutes } from './routes/analysis-plans.ts';
import { analysisBreakdownRoutes } from './routes/analysis-breakdown.ts';
import { analysisTargetsRoutes } from './routes/analysis-targets.ts';
import { cypherRoutes } from './routes/cypher.ts';
import { docsRoutes } from './routes/docs.ts';
import { documentRoutes } from './routes/documents.ts';
import { exploreRoutes } from './routes/explore.ts';
import { exportRoutes } from './routes/export.ts';
import { healthRoutes } from './routes/health.ts';
import { overviewRoutes } from './routes/overview.ts';
import { queryRoutes } from './routes/queries.ts';
import { schemaRoutes } from './routes/schema.ts';

export function createApp(deps: AppDeps): Express {
  const app = express();
  const log = deps.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Before anything else answers, so a DNS-rebinding page gets nothing, not even the client's files.
  app.use(hostCheck(deps.config));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          // helmet's default upgrade-insecure-requests makes a browser fetch the scripts and API of a plain-http
          // server over https when it is opened by a non-localhost address (HOST=0.0.0.0 on a LAN), so the page
          // never starts there; this server speaks http only (TLS belongs to a reverse proxy).
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use('/api', express.json({ limit: '256kb' }));

  const api = express.Router();
  const registry = new ApiRegistry();
  registry.add({ method: 'get', path: '/health', tag: 'meta', summary: 'App and Neo4j version, embedded or external, graph size; 503 while Neo4j is down', response: '{status, app, neo4j, counts}' });
  api.use(healthRoutes(deps));
  api.use(exploreRoutes(deps, registry));
  api.use(documentRoutes(deps, registry));
  api.use(overviewRoutes(deps, registry));
  api.use(schemaRoutes(deps, registry));
  api.use(queryRoutes(deps, registry));
  api.use(cypherRoutes(deps, registry));
  api.use(analysisCollaborationRoutes(deps, registry));
  api.use(analysisWorkloadRoutes(deps, registry));
  api.use(analysisPlansRoutes(deps, registry));
  api.use(exportRoutes(deps, registry));
  api.use(analysisBreakdownRoutes(deps, registry));
  api.use(analysisTargetsRoutes(deps, registry));
  api.use(docsRoutes(deps, registry));
  api.use(notFoundHandler);
  app.use('/api', api);

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    app.use(express.static(deps.clientDir, { index: 'index.html', maxAge: '1h' }));
    // The explorer encodes views in the URL; any non-API path gets the page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(deps.clientDir!, 'index.html')));
  }
  app.use(errorMiddleware(log));
  return app;
}
