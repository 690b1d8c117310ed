import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedNeo4j } from '../../server/neo4j/embedded-neo4j.ts';
import { EMBEDDED_START_BUDGET_MS } from '../setup/start-budget.ts';
import { createDriver } from '../../server/graph/graph-db.ts';

const tmpDirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-lifecycle-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the embedded Neo4j', () => {
  it('does not outlive a parent killed with SIGKILL', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/scripts/start-embedded.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`helper exited with ${code}`)));
    });
    const { pid } = JSON.parse(line) as { pid: number };
    expect(alive(pid)).toBe(true);
    child.kill('SIGKILL');
    const deadline = Date.now() + 20_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(alive(pid)).toBe(false);
  }, EMBEDDED_START_BUDGET_MS + 20_000);

  it('keeps its generated password and its data across restarts, and starts clean without the folder', async () => {
    const dataDir = tempDir();
    const first = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m', pageCache: '64m', log: () => {} });
    expect(first.version).toMatch(/^5\.26\./);
    expect(fs.readFileSync(path.join(dataDir, 'neo4j-password'), 'utf8').trim()).toBe(first.password);
    let driver = createDriver(first.uri, 'neo4j', first.password);
    await driver.executeQuery('CREATE (:Probe {v: 1})');
    await driver.close();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m', pageCache: '64m', log: () => {} });
    expect(second.password).toBe(first.password);
    driver = createDriver(second.uri, 'neo4j', second.password);
    const { records } = await driver.executeQuery('MATCH (p:Probe) RETURN count(p) AS n');
    expect(records[0]?.get('n').toNumber()).toBe(1);
    await driver.close();
    await second.stop();

    fs.rmSync(dataDir, { recursive: true, force: true });
    const third = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m', pageCache: '64m', log: () => {} });
    expect(third.password).not.toBe(first.password);
    driver = createDriver(third.uri, 'neo4j', third.password);
    const fresh = await driver.executeQuery('MATCH (p:Probe) RETURN count(p) AS n');
    expect(fresh.records[0]?.get('n').toNumber()).toBe(0);
    await driver.close();
    await third.stop();
  }, 3 * EMBEDDED_START_BUDGET_MS);

  it('refuses a wrong password, so authentication is really on', async () => {
    const dataDir = tempDir();
    const neo = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m', pageCache: '64m', log: () => {} });
    const driver = createDriver(neo.uri, 'neo4j', 'not-the-password');
    await expect(driver.verifyConnectivity()).rejects.toThrow(/auth|credentials|unauthorized/i);
    await driver.close();
    await neo.stop();
  }, EMBEDDED_START_BUDGET_MS);

  it('explains a Bolt port that is already taken instead of failing obscurely', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    await expect(
      startEmbeddedNeo4j({ dataDir: tempDir(), boltPort: port, heap: '512m', pageCache: '64m', log: () => {} }),
    ).rejects.toThrow(new RegExp(`Port ${port} .*already in use.*NEO4J_EMBEDDED_BOLT_PORT`));
    blocker.close();
  });
});
