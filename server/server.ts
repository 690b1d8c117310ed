/*
 * start()/stop() for the whole product: Neo4j (embedded and supervised, or external), the schema, the
 * seeds, the client build and the HTTP listener — in that order — and the reverse on stop. `npm start`
 * and the tests use it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Config } from './config.ts';
import { createApp } from './api/app.ts';
import { GraphDb } from './graph/graph-db.ts';
import { applySchema } from './graph/schema.ts';
import { logWarmReport, warmPlans, warmStatements } from './graph/warm-plans.ts';
import { openNeo4j, type Neo4jConnection } from './neo4j/connect.ts';
import { APP_VERSION, ROOT_DIR } from './version.ts';

export interface RunningServer {
  url: string;
  port: number;
  connection: Neo4jConnection;
  db: GraphDb;
  /** Settles when the query plans warmed at start are made (at once when warming is off). */
  warmed: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /** Build the client when dist/client is missing (npm start does; API tests do not need it). */
  buildClient?: boolean;
  /** An already open connection (tests share one embedded Neo4j across apps). */
  connection?: Neo4jConnection;
  /** Runs after the schema is applied and before listening, e.g. loading the seed documents. */
  beforeListen?: (db: GraphDb) => Promise<void>;
}

export const CLIENT_DIR = path.join(ROOT_DIR, 'dist', 'client');

export async function buildClientIfMissing(log: (line: string) => void): Promise<void> {
  if (fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) return;
  log('Building the client (first start only)…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), logLevel: 'warn' });
  log(`Client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export async function start(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const connection = opts.connection ?? (await openNeo4j(config, log));
  const ownsConnection = !opts.connection;
  try {
    const supervisor = connection.embedded;
    const db = new GraphDb(connection.driver, connection.database, supervisor?.availability());
    await applySchema(db);
    if (opts.beforeListen) await opts.beforeListen(db);
    if (opts.buildClient) await buildClientIfMissing(log);
    const app = createApp({
      db,
      config,
      version: APP_VERSION,
      neo4jMode: connection.mode,
      neo4jUri: connection.uri,
      clientDir: CLIENT_DIR,
      log,
      ...(supervisor
        ? {
            embeddedHealth: () => supervisor.health(),
            // A query thread Neo4j cannot stop keeps a core busy until its JVM ends; the supervisor
            // restarts it (the driver reconnects by itself) rather than leave the core spinning.
            onRunawayQuery: (reason: string) => void supervisor.restart(`a query would not stop (${reason})`).catch(() => {}),
          }
        : {}),
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    // Plans warmed beside the first requests rather than before listening: the app answers at once (warming
    // takes seconds: 20 s for 78 statements on a loaded machine), and a request meanwhile plans its own
    // statement as it would without warming. After the seeds, so the plans are made for the graph they read.
    const stopWarming = new AbortController();
    const warm = (concurrency?: number) =>
      warmPlans(db, warmStatements(), { log, signal: stopWarming.signal, ...(concurrency ? { concurrency } : {}) }).then((r) => logWarmReport(r, log));
    let warming = config.warmPlansOnStart ? warm() : Promise.resolve();
    // A restarted JVM has an empty plan cache: plan again, one at a time, beside the requests already served.
    const offRewarm = supervisor && config.warmPlansOnStart
      ? supervisor.onChange((s) => { if (s.state === 'up') warming = warming.then(() => warm(1)); })
      : undefined;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      connection,
      db,
      get warmed() { return warming; },
      stop: () =>
        (stopping ??= (async () => {
          offRewarm?.();
          stopWarming.abort();
          await warming; // the statements being planned finish before the driver closes
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          if (ownsConnection) await connection.close();
        })()),
    };
  } catch (err) {
    if (ownsConnection) await connection.close();
    throw err;
  }
}
