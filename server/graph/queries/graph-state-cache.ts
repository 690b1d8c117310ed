/*
 * Caching by graph state. Analyses that read much of the archive take seconds on a large graph, and every read
 * answer (a document with its spans, a hub's neighbours, a page of a curated query) only changes when documents
 * do. The state is the number of documents and the last load time, which every load, replacement and removal
 * changes, whoever made it (API or CLI loader), so an answer cached under one state is current while the state
 * holds (cypher/api/graph-state.cypher; the node and relationship counts beside them catch writes made outside
 * the product). One rule, used by every cache of answers.
 */
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';

/** Tells databases apart in the state, so two apps in one process (tests) never share an answer. */
const serials = new WeakMap<GraphDb, number>();
let lastSerial = 0;

async function readState(db: GraphDb, timeoutMs: number): Promise<string> {
  let serial = serials.get(db);
  if (serial === undefined) serials.set(db, (serial = ++lastSerial));
  const [s] = await db.read<{ documents: number; nodes: number; relationships: number; loadedAt: string | null }>(loadApiCypher('graph-state'), {}, { timeoutMs });
  return `${serial}|${s?.documents ?? 0}|${s?.loadedAt ?? ''}|${s?.nodes ?? 0}|${s?.relationships ?? 0}`;
}

/**
 * Requests asking for the state together share one read of it. A read already under way may have begun before
 * a request arrived, so it could miss a load that ended just before: a request joins the next read, which begins
 * after it arrived. So there is at most one read in flight and one waiting, however many requests come, and each
 * request sees the state as it was at some moment after it arrived.
 */
class StateReads {
  private running: Promise<string> | null = null;
  private next: Promise<string> | null = null;

  constructor(private readonly db: GraphDb) {}

  read(timeoutMs: number): Promise<string> {
    if (!this.running) {
      const run = readState(this.db, timeoutMs);
      this.running = run;
      const done = () => { if (this.running === run) this.running = null; };
      run.then(done, done);
      return run;
    }
    if (!this.next) {
      const after = this.running.then(() => undefined, () => undefined);
      this.next = after.then(() => {
        this.next = null;
        return this.read(timeoutMs);
      });
    }
    return this.next;
  }
}

const stateReads = new WeakMap<GraphDb, StateReads>();

/** The graph's state as a string: equal strings, same documents (of the same database). */
export function graphStateKey(db: GraphDb, timeoutMs: number): Promise<string> {
  let reads = stateReads.get(db);
  if (!reads) stateReads.set(db, (reads = new StateReads(db)));
  return reads.read(timeoutMs);
}

/**
 * Answers per graph state and key: a new state empties the cache, at most `max` answers are kept (the oldest
 * goes first), and a failed computation (timeout, database down) is not remembered. Promises are kept, so
 * two requests arriving together share one computation; `fresh` computes again even when an answer is kept
 * (a client that asked for no cached answer), and keeps the new one (see `fresh`). With `weigh`, answers are also dropped,
 * oldest first, while their weights together exceed `budget` (answers kept as JSON bytes range from 1 kB to
 * megabytes).
 */
export class GraphStateCache<T> {
  private readonly answers = new Map<string, Promise<T>>();
  private readonly weights = new Map<string, number>();
  private weight = 0;
  private state = '';

  constructor(private readonly max: number, private readonly weigh?: (answer: T) => number, private readonly budget = Number.POSITIVE_INFINITY) {}

  private drop(key: string): void {
    this.answers.delete(key);
    this.weight -= this.weights.get(key) ?? 0;
    this.weights.delete(key);
  }

  private weighed(key: string, made: Promise<T>, answer: T): void {
    if (!this.weigh || this.answers.get(key) !== made) return;
    const w = this.weigh(answer);
    this.weights.set(key, w);
    this.weight += w;
    while (this.weight > this.budget && this.answers.size > 1) this.drop(this.answers.keys().next().value!);
  }

  async get(db: GraphDb, key: string, timeoutMs: number, compute: () => Promise<T>, fresh = false): Promise<T> {
    if (fresh) return this.fresh(key, compute);
    const state = await graphStateKey(db, timeoutMs);
    if (state !== this.state) {
      this.answers.clear();
      this.weights.clear();
      this.weight = 0;
      this.state = state;
    }
    return this.answers.get(key) ?? this.keep(key, compute());
  }

  /**
   * A fresh answer is computed at once, without first reading the state: under load that read queues behind the
   * statements like any other, and a client asking for a fresh answer gets one whatever the state. It is kept
   * under the state the cache is on. That state was read before the computation began, so the answer is of it or
   * of a later one; and every request that is not fresh reads the state first and empties the cache when it
   * changed, so no answer is ever served for a state older than the graph it was read from.
   */
  private fresh(key: string, compute: () => Promise<T>): Promise<T> {
    return this.keep(key, compute());
  }

  /** Keeps `made` as the answer of `key` (replacing one kept), unless it fails; the oldest goes past `max`. */
  private keep(key: string, made: Promise<T>): Promise<T> {
    this.drop(key);
    made.catch(() => { if (this.answers.get(key) === made) this.drop(key); });
    if (this.answers.size >= this.max) this.drop(this.answers.keys().next().value!);
    this.answers.set(key, made);
    if (this.weigh) made.then((a) => this.weighed(key, made, a), () => undefined);
    return made;
  }
}
