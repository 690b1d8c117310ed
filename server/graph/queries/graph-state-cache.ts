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
 * two requests arriving together share one computation.
 */
export class GraphStateCache<T> {
  private readonly answers = new Map<string, Promise<T>>();
  private state = '';

  constructor(private readonly max: number) {}

  async get(db: GraphDb, key: string, timeoutMs: number, compute: () => Promise<T>): Promise<T> {
    const state = await graphStateKey(db, timeoutMs);
    if (state !== this.state) {
      this.answers.clear();
      this.state = state;
    }
    let answer = this.answers.get(key);
    if (!answer) {
      answer = compute();
      const made = answer;
      made.catch(() => { if (this.answers.get(key) === made) this.answers.delete(key); });
      if (this.answers.size >= this.max) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, made);
    }
    return answer;
  }
}
