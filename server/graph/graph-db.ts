/*
 * The graph layer's single doorway to Neo4j. The driver is injected (embedded or external alike);
 * parameters go out with whole numbers as integers (neo4j-params.ts), results come back as plain JSON
 * (neo4j-values.ts) and failures as AppErrors (neo4j-errors.ts). For the supervised embedded Neo4j a
 * known-down state refuses calls before the driver is asked, and cuts short the calls under way when it
 * begins, so they fail in milliseconds, not after the driver's seconds of retries against a dead socket.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type Session } from 'neo4j-driver';
import { AppError } from '../errors.ts';
import { databaseFault, toAppError, type DatabaseFault } from './neo4j-errors.ts';
import { toNeo4jParams } from './neo4j-params.ts';
import { toPlain } from './neo4j-values.ts';

export type { Driver };
export type Row = Record<string, unknown>;

/** The driver, configured once for every deployment (server/neo4j/connect.ts picks the URI). */
export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // Fail fast when the database is down, so health and API calls answer 503 quickly instead of hanging.
    // A healthy server accepts a connection in milliseconds; the embedded one also has a known-down
    // state (supervisor.ts) that refuses calls before the driver is asked at all.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 2_000,
    // Long enough to ride out deadlock retries between concurrent loaders, short enough that a request
    // made while Neo4j is down answers 503 within seconds.
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: false,
    logging: { level: 'error', logger: () => {} },
  });
}

export interface ReadOptions {
  timeoutMs?: number;
  /** Stop reading rows after this many; `truncated` says whether more were there. */
  maxRows?: number;
  /** Transaction metadata (SHOW TRANSACTIONS lists it), so a watchdog can find the transaction. */
  metadata?: Record<string, string>;
  /** false: one attempt, no driver retries on transient errors (a query with a time budget to keep). */
  retry?: boolean;
}

/** What a write statement changed, from Neo4j's own counters. */
export interface StatementCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

/** A statement's answer inside a write transaction: plain rows (neo4j-values.ts) and what it changed. */
export interface StatementResult {
  rows: Row[];
  counts: StatementCounts;
}

/**
 * The write transaction the writer sees: statements in, plain rows and counts out, so no module besides
 * this one handles the driver's records, integers or summaries. `params` go to Neo4j as given (the
 * writer converts its rows once, before the transaction opens: write-plan.ts). Calls may be issued
 * back to back without awaiting each; Neo4j runs them in order.
 */
export interface StatementTx {
  run(cypher: string, params?: Record<string, unknown>): Promise<StatementResult>;
}

/**
 * A read transaction for several statements that belong to one answer (the neighbours page: totals,
 * then the types, then the page): plain rows out, one session and one snapshot for all of them.
 */
export interface ReadTx {
  run<T extends Row = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}

export interface ReadResult {
  columns: string[];
  rows: Row[];
  truncated: boolean;
  ms: number;
}

/** What the graph layer may know about the database besides its driver (the embedded one's supervisor). */
export interface DbAvailability {
  /** The error to answer at once while the database is known to be down; undefined while it is up. */
  refusal(): AppError | undefined;
  /**
   * Told of a failure of the database itself (disk full, a panic); answers the error to give instead —
   * "disk full at DATA_DIR", or the 503 of a restart it began — or undefined to keep Neo4j's.
   */
  onFault?: (fault: DatabaseFault) => Promise<AppError | undefined>;
  /**
   * Calls `listener` with the refusal when the database goes down; returns the unsubscribe. Lets a call
   * already under way fail at once instead of waiting out the driver's retries against a dead socket.
   */
  onDown?: (listener: (refusal: AppError) => void) => () => void;
}

/** What `explain` puts before the statement: Neo4j's error positions count it, a caller shifts them back. */
export const EXPLAIN_PREFIX = 'EXPLAIN ';

export class GraphDb {
  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
    readonly availability?: DbAvailability,
  ) {}

  session(mode: 'READ' | 'WRITE'): Session {
    const refusal = this.availability?.refusal();
    if (refusal) throw refusal;
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.database ? { database: this.database } : {}),
    });
  }

  /** Runs one read query in a READ transaction (retried on transient errors) and returns plain rows. */
  async read<T extends Row = Row>(cypher: string, params: Record<string, unknown> = {}, opts: ReadOptions = {}): Promise<T[]> {
    return (await this.readResult(cypher, params, opts)).rows as T[];
  }

  async readResult(cypher: string, params: Record<string, unknown> = {}, opts: ReadOptions = {}): Promise<ReadResult> {
    const session = this.session('READ');
    const started = performance.now();
    const config = { ...(opts.timeoutMs ? { timeout: opts.timeoutMs } : {}), ...(opts.metadata ? { metadata: opts.metadata } : {}) };
    return this.guarded(session, async () => {
      if (opts.retry === false) {
        const tx = session.beginTransaction(config);
        try {
          return await collect(tx, cypher, toNeo4jParams(params), opts.maxRows, started);
        } finally {
          await tx.close();
        }
      }
      return await session.executeRead((tx) => collect(tx, cypher, toNeo4jParams(params), opts.maxRows, started), config);
    });
  }

  /**
   * Plans `cypher` with EXPLAIN in one READ transaction, one attempt (a transient failure must not spend a
   * caller's time budget on retries), and answers Neo4j's query type ('r', 'w', 'rw', 's') and plan tree.
   * `metadata` names the transaction for the console's watchdog.
   */
  async explain(cypher: string, params: Record<string, unknown>, opts: { timeoutMs: number; metadata?: Record<string, string> }): Promise<{ queryType: string; plan: unknown }> {
    const session = this.session('READ');
    return this.guarded(session, async () => {
      const tx = session.beginTransaction({ timeout: opts.timeoutMs, ...(opts.metadata ? { metadata: opts.metadata } : {}) });
      try {
        const result = await tx.run(`${EXPLAIN_PREFIX}${cypher}`, toNeo4jParams(params));
        return { queryType: result.summary.queryType, plan: result.summary.plan };
      } finally {
        await tx.close();
      }
    });
  }

  /** Runs work in one READ transaction (retried on transient errors, as read is) through the plain ReadTx. */
  async readTx<T>(work: (tx: ReadTx) => Promise<T>, opts: Pick<ReadOptions, 'timeoutMs'> = {}): Promise<T> {
    const session = this.session('READ');
    return this.guarded(session, () => session.executeRead((tx) => work({
      run: async <R extends Row = Row>(cypher: string, params: Record<string, unknown> = {}) =>
        (await collect(tx, cypher, toNeo4jParams(params), undefined, performance.now())).rows as R[],
    }), opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined));
  }

  /** Runs work in one WRITE transaction, retried by the driver on transient errors (deadlocks included). */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
    const session = this.session('WRITE');
    return this.guarded(session, () => session.executeWrite(work, opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined));
  }

  /** Runs work in one WRITE transaction through the plain StatementTx; retried as writeTx is. */
  async statements<T>(work: (tx: StatementTx) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
    return this.writeTx((tx) => work({ run: (cypher, params = {}) => statementResult(tx.run(cypher, params)) }), opts);
  }

  /**
   * Runs one statement in an auto-commit transaction. Only for statements that manage their own
   * transactions (CALL … IN TRANSACTIONS, schema commands), which Neo4j refuses inside a managed one.
   */
  async autoCommit<T extends Row = Row>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const session = this.session('WRITE');
    return this.guarded(session, async () => {
      const result = await session.run(cypher, toNeo4jParams(params));
      return result.records.map((record) => {
        const row: Row = {};
        for (const key of record.keys) row[key as string] = toPlain(record.get(key));
        return row as T;
      });
    });
  }

  /**
   * Runs work on a session, failing with the refusal the moment the database is reported down (the
   * driver would otherwise retry the dead socket for its whole retry window, ~7 s) and mapping failures
   * to AppErrors. A call cut short leaves closing its session to the driver: waiting for it is the delay.
   */
  private async guarded<T>(session: Session, work: () => Promise<T>): Promise<T> {
    let off: (() => void) | undefined;
    let cut = false;
    const down = new Promise<never>((_, reject) => {
      off = this.availability?.onDown?.((refusal) => { cut = true; reject(refusal); });
    });
    down.catch(() => {});
    const running = work();
    if (off) running.catch(() => {});
    try {
      return await (off ? Promise.race([running, down]) : running);
    } catch (err) {
      throw await this.failure(err);
    } finally {
      off?.();
      if (cut) void session.close().catch(() => {});
      else await session.close();
    }
  }

  /**
   * The AppError for a failed call. A failure of the database itself goes to the supervisor first
   * (a full disk becomes 507 naming DATA_DIR; a panicked Neo4j is restarted and answers 503), and a
   * connection lost because the database just died gets the supervisor's reason, not the socket error.
   */
  async failure(err: unknown): Promise<AppError> {
    const appError = toAppError(err);
    const fault = databaseFault(appError);
    const instead = fault && (await this.availability?.onFault?.(fault));
    if (instead) {
      instead.cause = appError;
      return instead;
    }
    if (fault?.kind === 'disk-full') return new AppError(507, 'DISK_FULL', "The database's disk is full; free some space and retry", { reason: fault.reason });
    if (appError.status === 503) return this.availability?.refusal() ?? appError;
    return appError;
  }

  async write<T extends Row = Row>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.writeTx(async (tx) => (await collect(tx, cypher, toNeo4jParams(params), undefined, performance.now())).rows as T[]);
  }
}

async function statementResult(pending: PromiseLike<QueryResult>): Promise<StatementResult> {
  const result = await pending;
  const u = result.summary.counters.updates();
  return {
    rows: result.records.map((record) => {
      const row: Row = {};
      for (const key of record.keys) row[key as string] = toPlain(record.get(key));
      return row;
    }),
    counts: { nodesCreated: u.nodesCreated, nodesDeleted: u.nodesDeleted, relationshipsCreated: u.relationshipsCreated, relationshipsDeleted: u.relationshipsDeleted },
  };
}

async function collect(tx: Pick<ManagedTransaction, 'run'>, cypher: string, params: Record<string, unknown>, maxRows: number | undefined, started: number): Promise<ReadResult> {
  const rows: Row[] = [];
  let columns: string[] = [];
  let truncated = false;
  const result = tx.run(cypher, params);
  // Stream so a row cap stops reading early instead of buffering a huge result first.
  for await (const record of result) {
    if (columns.length === 0) columns = [...record.keys] as string[];
    if (maxRows !== undefined && rows.length >= maxRows) {
      truncated = true;
      break;
    }
    const row: Row = {};
    for (const key of record.keys) row[key as string] = toPlain(record.get(key));
    rows.push(row);
  }
  if (columns.length === 0) columns = [...((await result.keys()) as string[])];
  return { columns, rows, truncated, ms: Math.round(performance.now() - started) };
}
