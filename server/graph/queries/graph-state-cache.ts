/*
 * Caching by graph state. Analyses that read much of the archive take seconds on a large graph, and their
 * answer only changes when documents do. The state is the number of documents and the last load time, which
 * every load, replacement and removal changes, whoever made it (API or CLI loader), so an answer cached under
 * one state is current while the state holds. One rule, used by every analysis cache.
 */
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';

/** The graph's state as a string: equal strings, same documents. */
export async function graphStateKey(db: GraphDb, timeoutMs: number): Promise<string> {
  const [state] = await db.read<{ documents: number; loadedAt: string | null }>(loadApiCypher('analysis-fingerprint'), {}, { timeoutMs });
  return `${state?.documents ?? 0}|${state?.loadedAt ?? ''}`;
}

/**
 * Answers per graph state and key: a new state empties the cache, at most `max` answers are kept (the oldest
 * goes first), and a failed computation (timeout, database down) is not remembered. Promises are kept, so
 * two requests arriving together share one computation. With `weigh`, answers are also dropped, oldest first,
 * while their weights together exceed `budget` (answers kept as JSON bytes range from 1 kB to megabytes).
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

  async get(db: GraphDb, key: string, timeoutMs: number, compute: () => Promise<T>): Promise<T> {
    const state = await graphStateKey(db, timeoutMs);
    if (state !== this.state) {
      this.answers.clear();
      this.weights.clear();
      this.weight = 0;
      this.state = state;
    }
    let answer = this.answers.get(key);
    if (!answer) {
      answer = compute();
      const made = answer;
      made.catch(() => { if (this.answers.get(key) === made) this.drop(key); });
      if (this.answers.size >= this.max) this.drop(this.answers.keys().next().value!);
      this.answers.set(key, made);
      if (this.weigh) made.then((a) => this.weighed(key, made, a), () => undefined);
    }
    return answer;
  }
}
