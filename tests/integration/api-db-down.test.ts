/*
 * Fail fast while the embedded Neo4j is down (issue 15): the app runs its own supervised embedded Neo4j
 * (temporary DATA_DIR); its JVM is killed while a long read is under way, and both that read and the
 * calls made next must fail within a second with the supervisor's 503, instead of the driver retrying
 * the dead socket for its retry window (~7 s before GraphDb listened to the supervisor).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { start, type RunningServer } from '../../server/server.ts';
import { CHANGLE, loadFixtureGraph } from '../fixtures/graph/fixture-graph.ts';
import { EMBEDDED_START_BUDGET_MS } from '../setup/start-budget.ts';
import { supervisedAppConfig } from '../setup/supervised-app.ts';

let app: RunningServer | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-db-down-'));
const enc = encodeURIComponent;
const LONG_READ = 'UNWIND range(1, 4000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS c';

async function timed(p: string, init?: RequestInit): Promise<{ path: string; status: number; ms: number; code: string | undefined }> {
  const t0 = performance.now();
  const res = await fetch(`${app!.url}/api/${p}`, init);
  const body = (await res.json()) as { error?: { code?: string } };
  return { path: p, status: res.status, ms: performance.now() - t0, code: body.error?.code };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  const config = supervisedAppConfig(dataDir);
  app = await start(config, { log: () => {} });
  await loadFixtureGraph(app.db);
}, EMBEDDED_START_BUDGET_MS);

afterAll(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('a request while the embedded Neo4j is down', () => {
  it('fails within a second with 503, both the read under way when the JVM dies and the calls made next', async () => {
    const db = app!.db;
    const embedded = app!.connection.embedded!;
    const pid = embedded.status().pid!;
    expect(pid).toBeGreaterThan(0);

    // A retried read (executeRead) that runs for many seconds: the case that used to wait out the retries.
    const inFlight = db.read(LONG_READ).then(() => null, (err: unknown) => err);
    for (;;) {
      const running = await db.read<{ q: string }>('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery AS q');
      if (running.some((r) => r.q.includes('4000000000'))) break;
    }

    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL');
    const err = await inFlight;
    const inFlightMs = performance.now() - killedAt;
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(503);
    expect((err as AppError).code).toBe('NEO4J_UNAVAILABLE');
    expect(inFlightMs, `the read under way failed ${Math.round(inFlightMs)} ms after the kill`).toBeLessThanOrEqual(1000);

    const next = await Promise.all([
      timed(`search?q=${enc('长乐')}`),
      timed(`nodes/${enc(CHANGLE)}`),
      timed('queries/tasks-of-agency', post({ params: { agency: CHANGLE } })),
      timed('cypher', post({ query: 'MATCH (n) RETURN count(n) AS c' })),
      timed('health'),
    ]);
    console.info(`db-down: read under way failed ${Math.round(inFlightMs)} ms after the kill; next calls ${next.map((r) => `${r.path.split('?')[0]} ${r.status} in ${Math.round(r.ms)} ms`).join(', ')}`);
    for (const r of next) {
      // The restart takes seconds; a call answered after it completed is not slow either, so 200 is allowed.
      expect([503, 200], `${r.path} answered ${r.status}`).toContain(r.status);
      if (r.status === 503) expect([r.path, r.code]).toEqual([r.path, 'NEO4J_UNAVAILABLE']);
      expect(r.ms, `${r.path} answered in ${Math.round(r.ms)} ms`).toBeLessThanOrEqual(1000);
    }
    expect(next.filter((r) => r.status === 503).length).toBeGreaterThan(0);

    // And it comes back by itself: the next read after the restart is answered.
    while (embedded.status().state !== 'up') await new Promise((r) => setTimeout(r, 100));
    expect(await db.read('MATCH (n) RETURN count(n) AS c')).toHaveLength(1);
  }, EMBEDDED_START_BUDGET_MS * 3);
});
