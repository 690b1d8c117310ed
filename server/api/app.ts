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
import { healthRoutes } from './routes/health.ts';

export function createApp(deps: AppDeps): Express {
  const app = express();
  const log = deps.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  app.use('/api', express.json({ limit: '256kb' }));

  const api = express.Router();
  api.use(healthRoutes(deps));
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
