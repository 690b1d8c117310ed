/*
 * Shared plumbing for integration tests: a GraphDb on the test project's embedded Neo4j, the real app
 * started on port 0 (emptied and loaded with the seed documents by seededTestApp), and a way to empty the
 * database between suites.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { createDriver, GraphDb } from '../../server/graph/graph-db.ts';
import { applySchema } from '../../server/graph/schema.ts';
import { clearGraph } from '../../server/graph/writer/graph-state.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import type { Neo4jConnection } from '../../server/neo4j/connect.ts';
import { start, type RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';

export const SEEDS_DIR = path.join(ROOT_DIR, 'seeds', 'documents');

export function testConnection(): Neo4jConnection {
  const n = inject('neo4j');
  const driver = createDriver(n.uri, n.user, n.password);
  return { driver, database: undefined, mode: 'embedded', uri: n.uri, embedded: undefined, close: () => driver.close() };
}

export async function openTestDb(): Promise<{ db: GraphDb; close: () => Promise<void> }> {
  const conn = testConnection();
  const db = new GraphDb(conn.driver, undefined);
  await applySchema(db);
  return { db, close: () => conn.close() };
}

export async function startTestApp(env: Record<string, string> = {}): Promise<RunningServer> {
  const n = inject('neo4j');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password, LOAD_SEEDS_ON_START: 'false', ...env });
  return start(config, { log: () => {} });
}

/**
 * The real app on an emptied test database loaded (by the real loader) with `dirs`: the seed documents
 * unless told otherwise; `dirs: []` gives an empty graph. The app is stopped again if loading fails.
 */
export async function seededTestApp(opts: { dirs?: readonly string[]; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const app = await startTestApp(opts.env);
  try {
    await clearGraph(app.db);
    const dirs = opts.dirs ?? [SEEDS_DIR];
    if (dirs.length) await loadPaths(app.db, [...dirs]);
    return app;
  } catch (e) {
    await app.stop();
    throw e;
  }
}

/**
 * A GET by node's http module, which sends exactly the headers given: fetch adds `Cache-Control: no-cache` to a
 * request carrying If-None-Match (the Fetch standard), which asks the server for a fresh answer, and it decodes
 * gzip itself.
 */
export const rawGet = (url: string, headers: Record<string, string>) => new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
  http.get(url, { headers }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', reject);
});

/** Temporary folders for one test file, removed together by cleanup(). */
export function tempDirs(): { make(prefix: string): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make(prefix) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup() {
      for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Stored bookkeeping that graph elements in API answers must not carry (docs/graph-storage.md). */
const BOOKKEEPING = ['documents', 'propsDoc', 'aliasPairs', 'aliasText', 'pinyin', 'initials', 'nodeIds', 'evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts'];

/**
 * Every bookkeeping key (and Document text) found in the `properties` of any element anywhere in an
 * answer, as "path: key" strings, so a failing test says where the leak is.
 */
export function bookkeepingLeaks(value: unknown, where = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => bookkeepingLeaks(v, `${where}[${i}]`));
  const o = value as Record<string, unknown>;
  const found: string[] = [];
  const props = o.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    const labels = [o.label, ...(Array.isArray(o.labels) ? o.labels : [])];
    for (const k of Object.keys(props)) {
      if (BOOKKEEPING.includes(k) || (k === 'text' && labels.includes('Document'))) found.push(`${where}.properties: ${k}`);
    }
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'properties') found.push(...bookkeepingLeaks(v, `${where}.${k}`));
  return found;
}
