import { afterEach, describe, expect, it } from 'vitest';
import type { StatFs } from '../../../server/neo4j/disk-space.ts';
import { DiskFullError, type EmbeddedNeo4j, type EmbeddedOptions, type JvmExit } from '../../../server/neo4j/embedded-neo4j.ts';
import { EmbeddedSupervisor, refusalFor, type DbStatus } from '../../../server/neo4j/supervisor.ts';

/**
 * Stand-in JVMs: each start hands out a process whose death the test decides, so the supervisor's
 * policy (back-off, cap, disk) is checked in milliseconds without Java.
 */
class FakeJvms {
  started: EmbeddedOptions[] = [];
  stopped: number[] = [];
  private deaths = new Map<number, (exit: JvmExit) => void>();
  failNext: Error[] = [];

  start = async (opts: EmbeddedOptions): Promise<EmbeddedNeo4j> => {
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.started.push(opts);
    const pid = 1000 + this.started.length;
    let die!: (exit: JvmExit) => void;
    const exited = new Promise<JvmExit>((resolve) => (die = resolve));
    this.deaths.set(pid, die);
    return {
      uri: `bolt://127.0.0.1:${opts.boltPort || 7700}`, user: 'neo4j', password: opts.password ?? 'generated-pw', version: '5.26.30',
      pid, port: opts.boltPort || 7700, startMs: 1, exited,
      stop: async () => { this.stopped.push(pid); die({ code: 0, signal: null }); },
    };
  };

  kill(pid: number): void {
    this.deaths.get(pid)!({ code: null, signal: 'SIGKILL' });
  }
}

const fast = { backoffMs: () => 5, maxRestarts: 3, windowMs: 60_000, diskPollMs: 5 };
const roomy: StatFs = async () => ({ bavail: 1n << 30n, bsize: 4096n });
let sup: EmbeddedSupervisor | undefined;
afterEach(async () => { await sup?.stop(); sup = undefined; });

async function until(sv: EmbeddedSupervisor, pred: (s: DbStatus) => boolean): Promise<DbStatus> {
  return new Promise((resolve) => {
    if (pred(sv.status())) return resolve(sv.status());
    const off = sv.onChange((s) => { if (pred(s)) { off(); resolve(s); } });
  });
}

function options(jvms: FakeJvms, log: string[], statfs: StatFs = roomy) {
  return { dataDir: '/srv/policy-data', boltPort: 0, heap: '512m', pageCache: '64m', log: (l: string) => log.push(l), statfs, policy: fast, startJvm: jvms.start };
}

describe('EmbeddedSupervisor', () => {
  it('restarts a JVM that died on the same port with the same password, and says so in status and log', async () => {
    const jvms = new FakeJvms();
    const log: string[] = [];
    sup = await EmbeddedSupervisor.start(options(jvms, log));
    expect(sup.status()).toMatchObject({ state: 'up', pid: 1001, restarts: 0 });
    const states: string[] = [];
    sup.onChange((s) => states.push(s.state));
    jvms.kill(1001);
    const back = await until(sup, (s) => s.state === 'up' && s.restarts === 1);
    expect(states).toEqual(['restarting', 'up']);
    expect(back).toMatchObject({ state: 'up', pid: 1002, restarts: 1, reason: 'the embedded Neo4j (pid 1001) killed by SIGKILL' });
    expect(jvms.started[1]).toMatchObject({ boltPort: 7700, password: 'generated-pw' });
    expect(log.join('\n')).toMatch(/pid 1001\) killed by SIGKILL; restarting it\n.*is back \(pid 1002/);
  });

  it('backs off between failed attempts and gives up after the cap, saying where to look', async () => {
    const jvms = new FakeJvms();
    const log: string[] = [];
    const delays: number[] = [];
    sup = await EmbeddedSupervisor.start({ ...options(jvms, log), policy: { ...fast, backoffMs: (n: number) => (delays.push(n), 5) } });
    jvms.failNext = [new Error('boom 1'), new Error('boom 2'), new Error('boom 3'), new Error('boom 4')];
    jvms.kill(1001);
    const failed = await until(sup, (s) => s.state === 'failed');
    expect(delays).toEqual([1, 2, 3]);
    expect(failed.reason).toMatch(/boom 3; gave up after 3 restarts in 1 minutes \(see \/srv\/policy-data\/neo4j-launcher\.log/);
    expect(jvms.started).toHaveLength(1);
    expect(refusalFor(failed)).toMatchObject({ status: 503, code: 'NEO4J_UNAVAILABLE', message: expect.stringMatching(/stays down after repeated restarts/) });
  });

  it('waits for free space on a full disk without spending restarts, and comes back once there is room', async () => {
    const jvms = new FakeJvms();
    const log: string[] = [];
    let free = 1n << 30n;
    const statfs: StatFs = async () => ({ bavail: free, bsize: 1n });
    sup = await EmbeddedSupervisor.start(options(jvms, log, statfs));
    free = 1024n;
    jvms.kill(1001);
    const full = await until(sup, (s) => s.state === 'disk-full');
    expect(full.reason).toMatch(/^disk full at \/srv\/policy-data \(0\.0 MB free/);
    expect(refusalFor(full)).toMatchObject({ status: 507, code: 'DISK_FULL' });
    free = 1n << 30n;
    const back = await until(sup, (s) => s.state === 'up' && s.restarts === 1);
    expect(back.restarts).toBe(1);
    expect(log.filter((l) => /waiting for free space/.test(l))).toHaveLength(1);
  });

  it('treats a start refused for a full disk like a full disk, not like a crash', async () => {
    const jvms = new FakeJvms();
    sup = await EmbeddedSupervisor.start(options(jvms, []));
    jvms.failNext = [new DiskFullError('The embedded Neo4j cannot start: disk full at /srv/policy-data (No space left on device)')];
    jvms.kill(1001);
    await until(sup, (s) => s.state === 'disk-full');
    expect((await until(sup, (s) => s.state === 'up' && s.restarts === 1)).pid).toBe(1002);
  });

  it('restarts on request, stopping the old JVM first, and shares one restart between callers', async () => {
    const jvms = new FakeJvms();
    sup = await EmbeddedSupervisor.start(options(jvms, []));
    await Promise.all([sup.restart('a query would not stop'), sup.restart('again')]);
    expect(jvms.stopped).toEqual([1001]);
    expect(jvms.started).toHaveLength(2);
    expect(sup.status()).toMatchObject({ state: 'up', pid: 1002, restarts: 1, reason: 'a query would not stop' });
  });

  it('does not restart a JVM stopped with the app', async () => {
    const jvms = new FakeJvms();
    sup = await EmbeddedSupervisor.start(options(jvms, []));
    await sup.stop();
    await new Promise((r) => setTimeout(r, 30));
    expect(jvms.started).toHaveLength(1);
    expect(sup.status().state).toBe('stopped');
    expect(refusalFor(sup.status())).toMatchObject({ status: 503 });
    expect(refusalFor({ ...sup.status(), state: 'up' })).toBeUndefined();
  });
});
