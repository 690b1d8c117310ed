import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createDriver, GraphDb } from '../../server/graph/graph-db.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded-neo4j.ts';
import type { RunningServer } from '../../server/server.ts';
import { startTestApp } from './helpers.ts';

const post = async (url: string, query: string, params: Record<string, unknown> | string = {}) => {
  const started = performance.now();
  // Parameters may come as JSON text: 5,000 levels are more than JSON.stringify's stack takes.
  const body = `{"query": ${JSON.stringify(query)}, "params": ${typeof params === 'string' ? params : JSON.stringify(params)}}`;
  const res = await fetch(`${url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = (await res.json()) as { rows?: Array<Record<string, unknown>>; error?: { code: string; message: string } };
  return { status: res.status, body: answer, ms: performance.now() - started };
};
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

describe('console size limits', () => {
  let app: RunningServer;
  beforeAll(async () => {
    app = await startTestApp({ CYPHER_TIMEOUT_MS: '20000', CYPHER_RATE_LIMIT_PER_MINUTE: '10000' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 300 nested parentheses with a quick 400 naming the limit', async () => {
    const { status, body, ms } = await post(app.url, `RETURN ${'('.repeat(300)}1${')'.repeat(300)} AS x`);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/300 levels deep.*at most 40.*CYPHER_MAX_NESTING/);
    expect(ms).toBeLessThan(1000);
  });

  it('answers subqueries nested 20 deep, whose planning took over 15 s, with a quick 400 naming the limit', async () => {
    const { status, body, ms } = await post(app.url, `MATCH (n) WHERE ${'EXISTS { MATCH (n) WHERE '.repeat(20)}true${' }'.repeat(20)} RETURN n`);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/subqueries 20 levels deep.*at most 8.*CYPHER_MAX_SUBQUERY_DEPTH/);
    expect(ms).toBeLessThan(1000);
  });

  it('answers parameters nested 5,000 deep with a 400 naming the limit, and Neo4j never sees them', async () => {
    const { status, body } = await post(app.url, 'RETURN $p AS p', `{"p": ${'['.repeat(5000)}1${']'.repeat(5000)}}`);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/'p'.*CYPHER_MAX_PARAM_DEPTH/);
    const after = await post(app.url, 'RETURN $p AS p', { p: nested(3) });
    expect(after.status).toBe(200);
    expect(after.body.rows).toEqual([{ p: nested(3) }]);
  });

  it('answers a query text over the length limit with a 400 naming it', async () => {
    const { status, body } = await post(app.url, `RETURN 1 AS x ${'/* pad */'.repeat(2300)}`);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/at most 20000 characters.*CYPHER_MAX_QUERY_CHARS/);
  });

  it('answers a query over the per-query memory limit with 413 naming it, not a busy database', async () => {
    const { status, body } = await post(app.url, "UNWIND range(1, 3000000) AS x WITH collect(toString(x) + 'abcdefghij') AS l RETURN size(l) AS n");
    expect(status).toBe(413);
    expect(body.error?.message).toMatch(/db\.memory\.transaction\.max/);
  });
});

describe('a query Neo4j marks timed out but cannot stop', () => {
  // Its own embedded Neo4j: the runaway keeps a core busy until the JVM goes, so it must not be the shared one.
  const TIMEOUT_MS = 2000;
  const PROBE = "RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'aaaaaaaaaa')) AS n";
  let dataDir: string;
  let neo4j: EmbeddedNeo4j;
  let db: GraphDb;
  let server: http.Server;
  let url: string;
  const runaways: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-runaway-'));
    neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m', pageCache: '64m', log: () => {} });
    db = new GraphDb(createDriver(neo4j.uri, neo4j.user, neo4j.password), undefined);
    const config = loadConfig({ PORT: '0', NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password, CYPHER_TIMEOUT_MS: String(TIMEOUT_MS), CYPHER_RATE_LIMIT_PER_MINUTE: '10000' });
    const app = createApp({ db, config, version: 'test', neo4jMode: 'embedded', neo4jUri: neo4j.uri, log: () => {}, onRunawayQuery: (reason) => runaways.push(reason) });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A fresh JVM plans its first queries slowly; the budget is about a warm server.
    for (const q of ['RETURN 1 AS one', "RETURN size(reduce(s = '', x IN range(1, 10) | s + 'a')) AS n"]) {
      for (let i = 0; i < 3; i++) expect((await post(url, q)).status).toBe(200);
    }
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await db?.driver.close();
    await neo4j?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 408 within the timeout plus 2 s, serves the next query in under a second, and reports the runaway', async () => {
    const probe = await post(url, PROBE);
    expect(probe.status).toBe(408);
    expect(probe.body.error?.code).toBe('QUERY_TIMEOUT');
    expect(probe.ms).toBeLessThan(TIMEOUT_MS + 2000);

    const next = await post(url, 'RETURN 1 AS one');
    expect(next.status).toBe(200);
    expect(next.body.rows).toEqual([{ one: 1 }]);
    expect(next.ms).toBeLessThan(1000);

    // The watchdog terminated the transaction; Neo4j cannot stop this expression, so it is reported.
    await expect.poll(() => runaways.length, { timeout: 20_000, interval: 250 }).toBe(1);
    expect(runaways[0]).toMatch(/still runs after its timeout and termination.*reduce/);
    const health = (await (await fetch(`${url}/api/health`)).json()) as { console: { stoppedByWatchdog: number; runawayTotal: number; runaway: Array<{ query: string }> } };
    expect(health.console).toMatchObject({ stoppedByWatchdog: 1, runawayTotal: 1 });
    expect(health.console.runaway[0]?.query).toContain('reduce');
    console.info(`runaway probe: 408 after ${Math.round(probe.ms)} ms (timeout ${TIMEOUT_MS} ms); RETURN 1 after it: ${Math.round(next.ms)} ms`);
  });
});
