/*
 * The console's watchdog: every console query ends within its budget, whatever it computes. Neo4j's own
 * transaction timeout stops most long queries, but only at its termination checks; an expression such as
 * `reduce(s = '', x IN range(1, 10000000) | s + 'aaaaaaaaaa')` never reaches one, so Neo4j marks the
 * transaction timed out and neither answers nor stops (measured on 5.26: a core at 100 % for 10 minutes).
 * So when the timeout plus a grace period passes without an answer, the watchdog answers 408 itself,
 * terminates the transaction from an admin session (found by the id it carries as metadata), and checks
 * again a little later: a query still running after that is a runaway, recorded in status() for
 * /api/health and reported through onRunaway, whose owner can restart the embedded database.
 */
import crypto from 'node:crypto';
import { AppError } from '../../errors.ts';
import { loadCypher } from '../cypher-files.ts';
import type { GraphDb } from '../graph-db.ts';

export interface WatchdogOptions {
  /** How long after the transaction timeout the watchdog answers 408 itself. */
  graceMs: number;
  /** How long after terminating a transaction it checks whether the query stopped. */
  runawayCheckMs?: number;
  /** Told once per runaway query, with a reason for the log. */
  onRunaway?: ((reason: string) => void) | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface RunawayQuery {
  transactionIds: string[];
  query: string;
  since: string;
}

export interface WatchdogStatus {
  /** Queries the watchdog answered 408 for because Neo4j did not answer in time. */
  stoppedByWatchdog: number;
  /** Queries that kept running after termination, since start. */
  runawayTotal: number;
  /** Those still running now (until the database is restarted). */
  runaway: RunawayQuery[];
}

/** Transaction metadata the watchdog finds a console query by. */
export interface WatchTag {
  metadata: { consoleWatchId: string };
}

const RECHECK_MS = 5000;
/** Following a runaway stops after this many checks (half an hour): by then the app has been stopped or restarted it. */
const MAX_RECHECKS = 360;

export class ConsoleWatchdog {
  private stopped = 0;
  private runawayTotal = 0;
  private readonly running = new Map<string, RunawayQuery>();

  constructor(
    private readonly db: GraphDb,
    private readonly opts: WatchdogOptions,
  ) {}

  status(): WatchdogStatus {
    return { stoppedByWatchdog: this.stopped, runawayTotal: this.runawayTotal, runaway: [...this.running.values()] };
  }

  /**
   * Runs work (one Neo4j transaction carrying the tag's metadata, with timeoutMs as its timeout) and
   * answers its result, or 408 once timeoutMs + grace has passed without one.
   */
  async guard<T>(query: string, timeoutMs: number, work: (tag: WatchTag) => Promise<T>): Promise<T> {
    const watchId = crypto.randomUUID();
    const running = work({ metadata: { consoleWatchId: watchId } });
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        this.stopped++;
        void this.terminate(watchId, query);
        reject(new AppError(408, 'QUERY_TIMEOUT', `The query ran longer than the allowed time (${timeoutMs} ms) and was stopped`, { timeoutMs, stoppedBy: 'watchdog' }));
      }, timeoutMs + this.opts.graceMs);
    });
    // Whatever the abandoned work ends with later is of no interest to anyone.
    running.catch(() => undefined);
    try {
      return await Promise.race([running, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async transactions(watchId: string): Promise<string[]> {
    const rows = await this.db.autoCommit<{ transactionId: string }>(loadCypher('console/console-transactions').text, { watchId });
    return rows.map((r) => r.transactionId);
  }

  private async terminate(watchId: string, query: string): Promise<void> {
    try {
      const ids = await this.transactions(watchId);
      if (ids.length === 0) return;
      await this.db.autoCommit(loadCypher('console/terminate-transactions').text, { ids });
      await delay(this.opts.runawayCheckMs ?? 3000);
      const still = await this.transactions(watchId);
      if (still.length === 0) return;
      const since = new Date().toISOString();
      const shown = query.length > 200 ? `${query.slice(0, 200)}…` : query;
      this.running.set(watchId, { transactionIds: still, query: shown, since });
      this.runawayTotal++;
      const reason = `A console query still runs after its timeout and termination (transactions ${still.join(', ')}): ${shown}`;
      this.opts.log?.(`Console watchdog: ${reason}`);
      this.opts.onRunaway?.(reason);
      await this.followUntilGone(watchId);
    } catch (err) {
      this.opts.log?.(`Console watchdog: could not check or terminate a timed-out query: ${(err as Error).message}`);
    }
  }

  /** Keeps the runaway listed until its transaction is gone (the database was restarted, or it ended). */
  private async followUntilGone(watchId: string): Promise<void> {
    for (let i = 0; i < MAX_RECHECKS; i++) {
      await delay(RECHECK_MS);
      const ids = await this.transactions(watchId).catch(() => undefined);
      if (ids !== undefined && ids.length === 0) {
        this.running.delete(watchId);
        return;
      }
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
