/*
 * Uses its own embedded Neo4j (temp data folder, fixed free port) so stopping it does not disturb the
 * shared test database; restarts it on the same port and folder to show the app recovers by itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded-neo4j.ts';
import { start, type RunningServer } from '../../server/server.ts';
import { CHANGLE, loadFixtureGraph } from '../fixtures/graph/fixture-graph.ts';
import { EMBEDDED_START_BUDGET_MS } from '../setup/start-budget.ts';

let neo: EmbeddedNeo4j | undefined;
let app: RunningServer | undefined;
let dataDir: string;
let port: number;
const enc = encodeURIComponent;

const startNeo = () => startEmbeddedNeo4j({ dataDir, boltPort: port, heap: '512m', pageCache: '64m', log: () => {} });

const probes = (): [string, RequestInit?][] => [
  [`search?q=${enc('长乐')}`],
  [`nodes/${enc(CHANGLE)}`],
  [`nodes/${enc(CHANGLE)}/neighbors`],
  ['schema'],
  ['queries/tasks-of-agency', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ params: { agency: CHANGLE } }) }],
  ['cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'MATCH (n) RETURN count(n) AS c' }) }],
];

const hitAll = () => Promise.all(probes().map(async ([p, init]) => {
  const res = await fetch(`${app!.url}/api/${p}`, init);
  return { path: p, status: res.status, body: await res.json() };
}));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-outage-'));
  port = await freePort();
  neo = await startNeo();
  app = await start(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: neo.uri, NEO4J_PASSWORD: neo.password, LOAD_SEEDS_ON_START: 'false' }),
    { log: () => {} },
  );
  await loadFixtureGraph(app.db);
}, EMBEDDED_START_BUDGET_MS);

afterAll(async () => {
  await app?.stop();
  await neo?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('when Neo4j goes away and comes back', () => {
  it('endpoints answer 503 with a reason while it is down and work again after it restarts, without restarting the app', async () => {
    expect((await hitAll()).map((r) => [r.path, r.status])).toEqual(probes().map(([p]) => [p, 200]));

    await neo!.stop();
    const down = await hitAll();
    for (const r of down) {
      expect([r.path, r.status]).toEqual([r.path, 503]);
      expect(r.body.error.code).toBe('NEO4J_UNAVAILABLE');
      expect(r.body.error.message).toMatch(/unavailable/i);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect((await fetch(`${app!.url}/api/health`)).status).toBe(503);

    neo = await startNeo();
    const back = await hitAll();
    expect(back.map((r) => [r.path, r.status])).toEqual(probes().map(([p]) => [p, 200]));
    expect(back.find((r) => r.path.startsWith('queries/'))!.body.rows).toHaveLength(11);
  }, 2 * EMBEDDED_START_BUDGET_MS);
});
