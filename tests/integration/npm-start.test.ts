import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function launcherPids(dir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `Launcher --home ${dir}`], { encoding: 'utf8' })
      .split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function startMain(env: Record<string, string>): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, NEO4J_URI: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, stderr: () => err };
}

describe('npm start', () => {
  it('serves the page and a healthy API on the embedded Neo4j, and Ctrl-C stops Neo4j too', async () => {
    const { child, stderr } = startMain({ DATA_DIR: dataDir, PORT: '0', NEO4J_EMBEDDED_BOLT_PORT: '0', LOAD_SEEDS_ON_START: 'false', WARM_PLANS_ON_START: 'false' });
    const url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /^Policy graph explorer: (http:\/\/\S+?)\/?$/.exec(line);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr()}`)));
    });
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health.neo4j).toMatchObject({ edition: 'community', mode: 'embedded' });
    expect(health.neo4j.version).toMatch(/^5\.26\./);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="app">/);
    expect(launcherPids(dataDir)).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(launcherPids(dataDir)).toEqual([]);
  });

  it('stops with a message naming the variable when the configuration is invalid', async () => {
    const { child, stderr } = startMain({ DATA_DIR: dataDir, PORT: 'eighty' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr()).toMatch(/Invalid configuration:\n\s+PORT: /);
  });
});
