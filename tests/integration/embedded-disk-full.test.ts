/*
 * A full disk under DATA_DIR, made real with small tmpfs mounts (root only: CI and the dev container run
 * as root; elsewhere the unit tests in tests/unit/neo4j/disk-space.test.ts cover the detection through
 * an injected statfs). A start on a full disk fails at once naming the folder; a disk that fills while
 * the app runs is reported by health and by writes (507, "disk full at DATA_DIR") and in the log, never
 * as a 500; Neo4j, which panics when a transaction log append fails, is restarted once space is freed
 * (and says why when its recovery refuses the log).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { DiskFullError } from '../../server/neo4j/embedded-neo4j.ts';
import { start, type RunningServer } from '../../server/server.ts';
import { EMBEDDED_START_BUDGET_MS } from '../setup/start-budget.ts';

const mounts: string[] = [];

/** A fresh tmpfs of `size` at a temporary folder, or undefined when this machine does not allow mounting. */
function tmpfs(size: string): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmdirSync(dir);
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

const canMount = (() => {
  const probe = tmpfs('1m');
  if (!probe) return false;
  execFileSync('umount', [probe]);
  fs.rmdirSync(probe);
  mounts.pop();
  return true;
})();

afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', ['-l', dir]);
      fs.rmdirSync(dir);
    } catch {
      // already gone
    }
  }
});

function embeddedConfig(dataDir: string) {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NEO4J_EMBEDDED_BOLT_PORT: '0',
    NEO4J_EMBEDDED_HEAP: '512m',
    NEO4J_EMBEDDED_PAGECACHE: '64m',
    LOAD_SEEDS_ON_START: 'false',
    // A fresh JVM plans from scratch; warming (tested in warm-plans.test.ts) would only lengthen these starts.
    WARM_PLANS_ON_START: 'false',
  });
}

describe.runIf(canMount)('the embedded Neo4j on a full disk (tmpfs)', () => {
  it('refuses to start at once, naming DATA_DIR, instead of waiting minutes on Neo4j', async () => {
    const mount = tmpfs('16m')!;
    const dataDir = path.join(mount, 'data');
    const t0 = performance.now();
    const err = await start(embeddedConfig(dataDir), { log: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiskFullError);
    expect((err as Error).message).toMatch(new RegExp(`disk full at ${dataDir} \\(\\d+(\\.\\d)? MB free; the embedded Neo4j needs at least 64 MB\\)`));
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('reports a disk that fills while running in health, on writes (507) and in the log, and restarts Neo4j once space is freed or says why it cannot', async () => {
    const mount = tmpfs('800m')!;
    const dataDir = path.join(mount, 'data');
    const log: string[] = [];
    let app: RunningServer | undefined;
    try {
      app = await start(embeddedConfig(dataDir), { log: (l) => log.push(l) });
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);

      // Fill what is left, as another program on the same disk would.
      const filler = path.join(mount, 'filler');
      const free = fs.statfsSync(mount).bavail * fs.statfsSync(mount).bsize;
      execFileSync('fallocate', ['-l', String(free), filler]);
      const full = await fetch(`${app.url}/api/health`);
      const body = await full.json();
      expect(full.status).toBe(507);
      expect(body.error.code).toBe('DISK_FULL');
      expect(body.error.message).toMatch(new RegExp(`^disk full at ${dataDir} `));
      expect(log.join('\n')).toMatch(new RegExp(`disk full at ${dataDir}`));

      // Neo4j's own words here are "Could not append transaction", then "critical error, needs to be
      // restarted" for every later call; both must come out as the full disk they are.
      const writes: string[] = [];
      for (let i = 0; i < 3; i++) {
        writes.push(await app.db.write('UNWIND range(1, 2000) AS i CREATE (:FillProbe {i: i, pad: i + "-" + $pad})', { pad: 'x'.repeat(2000) }).then(
          () => 'written',
          (e: { status?: number; code?: string; message?: string }) => `${e.status} ${e.code} ${e.message}`,
        ));
      }
      expect(writes.filter((w) => w !== 'written').length).toBeGreaterThan(0);
      for (const w of writes.filter((x) => x !== 'written')) expect(w).toMatch(new RegExp(`^507 DISK_FULL (The embedded Neo4j cannot run: )?disk full at ${dataDir} `));

      // Space freed: the supervisor restarts the panicked Neo4j. Whether Neo4j's recovery accepts a log
      // whose last append failed half-way is Neo4j's call (on tmpfs it refused: "Unreadable bytes are
      // encountered after last readable position"); either way the app must say so, not answer 500.
      fs.rmSync(filler);
      const freedAt = performance.now();
      const settled = async () => {
        const res = await fetch(`${app!.url}/api/health`);
        return { status: res.status, body: await res.json() };
      };
      let after = await settled();
      while (after.status !== 200 && !/did not come back|failed to start|gave up/.test(after.body.error?.details?.embedded?.reason ?? '') && performance.now() - freedAt < 2 * EMBEDDED_START_BUDGET_MS) {
        await new Promise((r) => setTimeout(r, 250));
        after = await settled();
      }
      expect(log.join('\n')).toMatch(/has room again/);
      if (after.status === 200) {
        await app.db.write("CREATE (:AfterDiskFull {at: 'freed'})");
        expect(await app.db.read('MATCH (n:AfterDiskFull) RETURN count(n) AS n')).toEqual([{ n: 1 }]);
      } else {
        expect(after.status).toBe(503);
        expect(after.body.error.details.embedded.reason).toMatch(/The embedded Neo4j failed to start: .+/);
        expect(log.join('\n')).toMatch(/The embedded Neo4j did not come back: /);
      }
    } finally {
      await app?.stop();
    }
  }, 4 * EMBEDDED_START_BUDGET_MS);
});
