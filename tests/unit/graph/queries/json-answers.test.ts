/*
 * Analysis and read answers kept as JSON bytes per graph state (json-answers.ts) and the byte budget of the cache they
 * live in (graph-state-cache.ts). The graph's state is the one thing read from the database here, so a stand-in
 * answers the fingerprint query with whatever state the test sets.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { GraphDb } from '../../../../server/graph/graph-db.ts';
import { cachedJson, cachedReadJson, jsonAnswer } from '../../../../server/graph/queries/json-answers.ts';
import { GraphStateCache, graphStateKey } from '../../../../server/graph/queries/graph-state-cache.ts';

/** A database whose only answer is the graph's state: `documents` documents, the last loaded at `loadedAt`. */
function stateDb(): { db: GraphDb; load: () => void } {
  let documents = 1;
  const db = { read: async () => [{ documents, loadedAt: `2026-01-01T00:00:${String(documents).padStart(2, '0')}Z` }] } as unknown as GraphDb;
  return { db, load: () => { documents++; } };
}

describe('an analysis answer kept as JSON', () => {
  it('is the JSON text of the answer as bytes, named by the SHA-1 of those bytes', async () => {
    const value = { agencies: [{ id: 'agency:福州市发改委', total: 3 }], truncated: false };
    const a = await jsonAnswer(value);
    expect(JSON.parse(a.body.toString('utf8'))).toEqual(value);
    expect(a.etag).toBe(`"${createHash('sha1').update(a.body).digest('base64url')}"`);
    expect(await a.gzipped()).toBeNull();
  });

  it('is also kept gzipped when it is large, the same JSON once unzipped', async () => {
    const value = { agencies: Array.from({ length: 500 }, (_, i) => ({ id: `agency:${i}`, led: i % 7, supported: i % 3, total: i % 7 + i % 3 })) };
    const a = await jsonAnswer(value);
    const zipped = await a.gzipped();
    expect(zipped).not.toBeNull();
    expect(zipped!.length).toBeLessThan(a.body.length / 4);
    expect(gunzipSync(zipped!).equals(a.body)).toBe(true);
    expect(await a.gzipped()).toBe(zipped); // compressed once, then kept
  });

  it('is computed once per graph state and key, even for requests arriving together, and again after a load', async () => {
    const { db, load } = stateDb();
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const key = `test|${Math.random()}`;
    const together = await Promise.all([1, 2, 3].map(() => cachedJson(db, key, 1000, compute)));
    expect(computed).toBe(1);
    expect(new Set(together).size).toBe(1);
    expect(JSON.parse(together[0]!.body.toString())).toEqual({ n: 1 });
    load();
    const after = await cachedJson(db, key, 1000, compute);
    expect(JSON.parse(after.body.toString())).toEqual({ n: 2 });
    expect(after.etag).not.toBe(together[0]!.etag);
  });

  it('is not remembered when its computation failed', async () => {
    const { db } = stateDb();
    const key = `test|${Math.random()}`;
    await expect(cachedJson(db, key, 1000, () => Promise.reject(new Error('timed out')))).rejects.toThrow('timed out');
    const retried = await cachedJson(db, key, 1000, async () => ({ ok: true }));
    expect(JSON.parse(retried.body.toString())).toEqual({ ok: true });
  });
});

describe('a graph-state cache with a byte budget', () => {
  it('drops the oldest answers while the kept ones weigh more than the budget, keeping the newest', async () => {
    const { db } = stateDb();
    const cache = new GraphStateCache<string>(10, (s) => s.length, 10);
    const calls: string[] = [];
    const get = (key: string, size: number) => cache.get(db, key, 1000, async () => { calls.push(key); return 'x'.repeat(size); });
    await get('a', 4);
    await get('b', 4);
    await get('a', 4);
    expect(calls).toEqual(['a', 'b']);
    await get('c', 4); // 12 > 10: a, the oldest, goes
    await get('b', 4);
    await get('c', 4);
    expect(calls).toEqual(['a', 'b', 'c']);
    await get('a', 4);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
    await get('huge', 50); // alone over the budget: kept (the request that asked for it is answered from it), the rest go
    await get('huge', 50);
    await get('c', 4);
    expect(calls).toEqual(['a', 'b', 'c', 'a', 'huge', 'c']);
  });

  it('still keeps at most `max` answers whatever they weigh', async () => {
    const { db } = stateDb();
    const cache = new GraphStateCache<string>(2, (s) => s.length, 1000);
    const calls: string[] = [];
    const get = (key: string) => cache.get(db, key, 1000, async () => { calls.push(key); return key; });
    await get('a');
    await get('b');
    await get('c');
    await get('b');
    await get('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});

/** A database whose state reads are counted and answered only when the test lets them (`finish`). */
function gatedStateDb(): { db: GraphDb; reads: () => number; finish: () => void; load: () => void } {
  let documents = 1;
  const pending: (() => void)[] = [];
  let reads = 0;
  const db = {
    read: () => {
      reads++;
      const seen = documents; // the state as it is when the read begins
      return new Promise((resolve) => pending.push(() => resolve([{ documents: seen, loadedAt: null }])));
    },
  } as unknown as GraphDb;
  return { db, reads: () => reads, finish: () => pending.splice(0).forEach((f) => f()), load: () => { documents++; } };
}

/** Lets every settled promise's handlers run, so a read that was queued has begun. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the graph state read before a cached answer', () => {
  it('is read twice at most for many requests arriving together: the first starts a read, the rest share the next', async () => {
    const { db, reads, finish } = gatedStateDb();
    const states = Array.from({ length: 20 }, () => graphStateKey(db, 1000));
    finish();
    await settle();
    finish();
    expect(new Set(await Promise.all(states)).size).toBe(1);
    expect(reads()).toBe(2);
  });

  it('is read again for a request arriving during a read, so a load that ended before it arrived is seen', async () => {
    const { db, reads, finish, load } = gatedStateDb();
    const before = graphStateKey(db, 1000);
    load(); // ends after the first read began, before the next requests arrive
    const after = Array.from({ length: 10 }, () => graphStateKey(db, 1000));
    finish();
    const first = await before;
    await settle();
    expect(reads()).toBe(2); // the ten requests share one read of their own
    finish();
    const seen = await Promise.all(after);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).not.toBe(first);
  });

  it('names the database too, so two databases in the same state do not share answers', async () => {
    const a = stateDb();
    const b = stateDb();
    expect(await graphStateKey(a.db, 1000)).not.toBe(await graphStateKey(b.db, 1000));
    const key = `test|${Math.random()}`;
    const fromA = await cachedReadJson(a.db, key, 1000, async () => ({ db: 'a' }), false);
    const fromB = await cachedReadJson(b.db, key, 1000, async () => ({ db: 'b' }), false);
    expect(JSON.parse(fromA.body.toString())).toEqual({ db: 'a' });
    expect(JSON.parse(fromB.body.toString())).toEqual({ db: 'b' });
  });
});

describe('a read answer kept as JSON', () => {
  it('is answered from the cache until asked for fresh, and the fresh answer is kept', async () => {
    const { db } = stateDb();
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const key = `read|${Math.random()}`;
    expect(JSON.parse((await cachedReadJson(db, key, 1000, compute, false)).body.toString())).toEqual({ n: 1 });
    expect(JSON.parse((await cachedReadJson(db, key, 1000, compute, false)).body.toString())).toEqual({ n: 1 });
    expect(JSON.parse((await cachedReadJson(db, key, 1000, compute, true)).body.toString())).toEqual({ n: 2 });
    expect(JSON.parse((await cachedReadJson(db, key, 1000, compute, false)).body.toString())).toEqual({ n: 2 });
  });

  it('asked for fresh, is computed at once without waiting for a read of the state, and kept for the state after it', async () => {
    const { db, reads, finish, load } = gatedStateDb();
    const key = `read|${Math.random()}`;
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const kept = cachedReadJson(db, key, 1000, compute, false);
    finish();
    expect(JSON.parse((await kept).body.toString())).toEqual({ n: 1 });
    const readsBefore = reads();
    // The state read stays held: a fresh answer does not wait for it.
    expect(JSON.parse((await cachedReadJson(db, key, 1000, compute, true)).body.toString())).toEqual({ n: 2 });
    expect(reads()).toBe(readsBefore);
    const again = cachedReadJson(db, key, 1000, compute, false);
    await settle();
    finish();
    expect(JSON.parse((await again).body.toString())).toEqual({ n: 2 });
    // After a load the next request reads the graph again, whatever was kept fresh before it.
    load();
    const afterLoad = cachedReadJson(db, key, 1000, compute, false);
    await settle();
    finish();
    expect(JSON.parse((await afterLoad).body.toString())).toEqual({ n: 3 });
  });
});
