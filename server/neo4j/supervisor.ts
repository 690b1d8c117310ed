/*
 * Keeps the embedded Neo4j running for the app's lifetime. When the JVM dies (killed, crashed, out of
 * memory) it is started again on the same port and folder, so the driver reconnects by itself; restarts
 * back off and stop after a cap, so a database that cannot stay up is reported instead of restarted
 * forever. While it is not up, status() says why, and the graph layer refuses calls at once (a 503 in
 * milliseconds) instead of letting the driver retry a dead socket for seconds. Deliberate restarts (a
 * query thread Neo4j cannot stop) go through restart().
 */
import { AppError } from '../errors.ts';
import type { DbAvailability } from '../graph/graph-db.ts';
import { PANIC, type DatabaseFault } from '../graph/neo4j-errors.ts';
import { diskFullMessage, diskSpace, type DiskSpace, type StatFs } from './disk-space.ts';
import { DiskFullError, startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions, type JvmExit } from './embedded-neo4j.ts';

export type DbState = 'up' | 'restarting' | 'disk-full' | 'failed' | 'stopped';

export interface DbStatus {
  state: DbState;
  /** Why the database is not up (or why it was last restarted, while it is up). */
  reason: string | undefined;
  /** pid of the running JVM, when up. */
  pid: number | undefined;
  /** Restarts since the app started. */
  restarts: number;
  /** When the state last changed (ISO 8601). */
  since: string;
}

/** What /api/health shows of the embedded Neo4j. */
export interface EmbeddedHealth extends DbStatus {
  disk: DiskSpace;
}

export interface SupervisorPolicy {
  /** Delay before the n-th consecutive restart attempt (n from 1). */
  backoffMs: (attempt: number) => number;
  /** Restarts allowed within `windowMs` before giving up. */
  maxRestarts: number;
  windowMs: number;
  /** How often a full disk is looked at again while waiting for space. */
  diskPollMs: number;
}

/** 0.5 s, 2 s, 5 s, 10 s, then 30 s: the first restart is quick (a kill is usually a one-off), a crash loop is not hammered. */
export const DEFAULT_POLICY: SupervisorPolicy = {
  backoffMs: (attempt) => [500, 2_000, 5_000, 10_000][attempt - 1] ?? 30_000,
  maxRestarts: 5,
  windowMs: 10 * 60_000,
  diskPollMs: 5_000,
};

export interface SupervisorOptions extends EmbeddedOptions {
  policy?: Partial<SupervisorPolicy>;
  /** How a JVM is started; startEmbeddedNeo4j, replaced by unit tests. */
  startJvm?: (opts: EmbeddedOptions) => Promise<EmbeddedNeo4j>;
}

export class EmbeddedSupervisor {
  private state: DbState = 'up';
  private reason: string | undefined;
  private since = new Date().toISOString();
  private restarts = 0;
  private restartTimes: number[] = [];
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private readonly listeners = new Set<(status: DbStatus) => void>();
  private readonly firstVersion: string;
  private diskWasFull = false;

  private constructor(
    private current: EmbeddedNeo4j | undefined,
    private readonly opts: SupervisorOptions & { boltPort: number },
    private readonly policy: SupervisorPolicy,
    private readonly log: (line: string) => void,
  ) {
    this.firstVersion = current?.version ?? 'unknown';
  }

  /** Starts the JVM (a failure here is the caller's, as before supervision) and watches it from then on. */
  static async start(opts: SupervisorOptions): Promise<EmbeddedSupervisor> {
    const startJvm = opts.startJvm ?? startEmbeddedNeo4j;
    const first = await startJvm(opts);
    // Later starts must come back where the driver looks: same port, same password.
    const fixed = { ...opts, boltPort: first.port, password: first.password };
    const sup = new EmbeddedSupervisor(first, fixed, { ...DEFAULT_POLICY, ...opts.policy }, opts.log ?? ((l) => process.stderr.write(`${l}\n`)));
    sup.watch(first);
    return sup;
  }

  get uri(): string { return `bolt://127.0.0.1:${this.opts.boltPort}`; }
  get password(): string { return this.opts.password!; }
  /** Neo4j's version, as the first start reported it (restarts run the same jars). */
  get version(): string { return this.firstVersion; }
  /** The JVM now running, if any. */
  get embedded(): EmbeddedNeo4j | undefined { return this.current; }

  status(): DbStatus {
    return { state: this.state, reason: this.reason, pid: this.state === 'up' ? this.current?.pid : undefined, restarts: this.restarts, since: this.since };
  }

  /** Status plus the disk; a disk that became full (or has room again) is said once in the log. */
  async health(): Promise<EmbeddedHealth> {
    const disk = await diskSpace(this.opts.dataDir, this.opts.statfs);
    if (disk.full !== this.diskWasFull) {
      this.diskWasFull = disk.full;
      this.log(disk.full ? `The embedded Neo4j's ${diskFullMessage(disk)}` : `The disk at ${disk.dir} has room again.`);
    }
    // Waiting for space is over once there is some; the start that follows is an ordinary restart.
    if (!disk.full && this.state === 'disk-full') this.setState('restarting', `the disk at ${disk.dir} has room again; the embedded Neo4j is starting`);
    return { ...this.status(), disk };
  }

  /** The graph layer's view: refuse at once while not up, and answer for failures of the database itself. */
  availability(): DbAvailability {
    return {
      refusal: () => refusalFor(this.status()),
      onFault: (fault) => this.onFault(fault),
      onDown: (listener) => this.onChange((status) => { const refusal = refusalFor(status); if (refusal) listener(refusal); }),
    };
  }

  /**
   * A failure of the database itself. On a full disk Neo4j's own words are "Could not append
   * transaction" and then "critical error, needs to be restarted" — neither names the disk — so the
   * disk is looked at here. A panicked Neo4j answers nothing until restarted, so it is restarted (once
   * the disk has room: startAgain waits for it).
   */
  private async onFault(fault: DatabaseFault): Promise<AppError | undefined> {
    const { disk } = await this.health();
    const panicked = fault.kind === 'database-error' && (PANIC.test(fault.reason) || disk.full);
    if (panicked && this.state === 'up') {
      // On a full disk the restart waits for space; meanwhile calls hear about the disk, not a restart.
      const why = disk.full ? diskFullMessage(disk) : `Neo4j needs a restart: ${fault.reason}`;
      void this.restart(why, 10_000, disk.full ? 'disk-full' : 'restarting').catch(() => {});
    }
    if (disk.full || fault.kind === 'disk-full') {
      return new AppError(507, 'DISK_FULL', `${diskFullMessage(disk)}; free some space and retry`, { reason: fault.reason });
    }
    return refusalFor(this.status());
  }

  onChange(listener: (status: DbStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Stops the running JVM (SIGKILL after `killAfterMs`: it is being restarted because something in it
   * will not stop) and starts it again. Concurrent calls share one restart.
   */
  restart(reason: string, killAfterMs = 5_000, meanwhile: 'restarting' | 'disk-full' = 'restarting'): Promise<void> {
    if (this.stopped()) return Promise.resolve();
    return (this.restarting ??= (async () => {
      this.log(`Restarting the embedded Neo4j: ${reason}`);
      clearTimeout(this.timer);
      const old = this.current;
      this.current = undefined;
      this.setState(meanwhile, reason);
      if (old) await old.stop(killAfterMs);
      this.attempt = 0;
      await this.startAgain();
    })().finally(() => (this.restarting = undefined)));
  }

  async stop(): Promise<void> {
    this.setState('stopped', 'the app is stopping');
    clearTimeout(this.timer);
    await this.restarting?.catch(() => {});
    const jvm = this.current;
    this.current = undefined;
    await jvm?.stop();
  }

  private watch(jvm: EmbeddedNeo4j): void {
    void jvm.exited.then((exit) => {
      // Stopped on purpose (stop() or restart()) — not a death to react to.
      if (this.current !== jvm || this.stopped()) return;
      this.current = undefined;
      this.onDeath(jvm, exit);
    });
  }

  private onDeath(jvm: EmbeddedNeo4j, exit: JvmExit): void {
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const reason = `the embedded Neo4j (pid ${jvm.pid}) ${how}`;
    this.log(`${reason}; restarting it`);
    this.setState('restarting', reason);
    this.attempt = 0;
    this.scheduleStart(reason);
  }

  /** Schedules the next attempt with back-off, or gives up when the cap is reached. */
  private scheduleStart(reason: string): void {
    const now = Date.now();
    this.restartTimes = this.restartTimes.filter((t) => now - t < this.policy.windowMs);
    if (this.restartTimes.length >= this.policy.maxRestarts) {
      const minutes = Math.round(this.policy.windowMs / 60_000);
      const failed = `${reason}; gave up after ${this.policy.maxRestarts} restarts in ${minutes} minutes (see ${this.opts.dataDir}/neo4j-launcher.log and neo4j/logs/debug.log), restart the app once the cause is fixed`;
      this.log(`The embedded Neo4j stays down: ${failed}`);
      this.setState('failed', failed);
      return;
    }
    this.attempt += 1;
    const delay = this.policy.backoffMs(this.attempt);
    this.timer = setTimeout(() => void this.startAgain(), delay);
  }

  private async startAgain(): Promise<void> {
    if (this.stopped() || this.current) return;
    const space = await diskSpace(this.opts.dataDir, this.opts.statfs).catch(() => undefined);
    if (space?.full) {
      this.waitForSpace(diskFullMessage(space));
      return;
    }
    this.restartTimes.push(Date.now());
    const started = Date.now();
    try {
      const jvm = await (this.opts.startJvm ?? startEmbeddedNeo4j)(this.opts);
      if (this.stopped()) {
        await jvm.stop();
        return;
      }
      this.current = jvm;
      this.restarts += 1;
      this.attempt = 0;
      this.watch(jvm);
      this.log(`The embedded Neo4j is back (pid ${jvm.pid}, started in ${((Date.now() - started) / 1000).toFixed(1)} s; restart ${this.restarts}).`);
      this.setState('up', this.reason);
    } catch (err) {
      if (this.stopped()) return;
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof DiskFullError) {
        this.waitForSpace(message);
        return;
      }
      this.log(`The embedded Neo4j did not come back: ${message}`);
      this.setState('restarting', message);
      this.scheduleStart(message);
    }
  }

  /** A full disk is not counted against the cap: the database comes back by itself once space is freed. */
  private waitForSpace(message: string): void {
    if (this.state !== 'disk-full') this.log(`The embedded Neo4j cannot restart: ${message}; waiting for free space`);
    this.setState('disk-full', message);
    this.timer = setTimeout(() => void this.startAgain(), this.policy.diskPollMs);
  }

  /** A method, not a field test, because awaits in between may have stopped us. */
  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private setState(state: DbState, reason: string | undefined): void {
    if (this.stopped() && state !== 'stopped') return;
    const changed = state !== this.state || reason !== this.reason;
    this.state = state;
    this.reason = reason;
    if (!changed) return;
    this.since = new Date().toISOString();
    const status = this.status();
    for (const l of this.listeners) l(status);
  }
}

/** The error a call gets while the embedded Neo4j is not up: 507 on a full disk, 503 otherwise. */
export function refusalFor(status: DbStatus): AppError | undefined {
  const details = { state: status.state, since: status.since, restarts: status.restarts, reason: status.reason };
  switch (status.state) {
    case 'up':
      return undefined;
    case 'disk-full':
      return new AppError(507, 'DISK_FULL', `The embedded Neo4j cannot run: ${status.reason}`, details);
    case 'failed':
      return AppError.unavailable('Neo4j is unavailable: the embedded Neo4j stays down after repeated restarts; restart the app', details);
    case 'restarting':
      return AppError.unavailable('Neo4j is unavailable while the embedded Neo4j restarts; the request can be retried in a few seconds', details);
    case 'stopped':
      return AppError.unavailable('Neo4j is unavailable: the app is stopping', details);
  }
}
