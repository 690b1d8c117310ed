/*
 * A write gives the RESPONSIBLE_FOR relationships of the tasks it creates their tasks-of-agency page key
 * from its own facts (write-plan.ts) and keys every other task from the graph (page-key.ts setPageKeys).
 * Both must give the key the graph says: after loads in batches, replacements that share a transaction
 * with new documents, and a removal, keying every task again from the graph changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentBytes, generateCorpus } from '../../server/corpus/generate.ts';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { cypherInteger, setPageKeys } from '../../server/graph/writer/page-key.ts';
import { removeDocument } from '../../server/graph/writer/remove-document.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { openTestDb, tempDirs } from './helpers.ts';

let db: GraphDb;
let close: () => Promise<void>;
const temps = tempDirs();

beforeAll(async () => {
  ({ db, close } = await openTestDb());
});
afterAll(async () => {
  temps.cleanup();
  await close();
});

function generatedCorpus(seed: number, docs: number): string {
  const dir = temps.make(`page-keys-${seed}-`);
  for (const d of generateCorpus({ seed, docs })) {
    fs.writeFileSync(path.join(dir, d.name), documentBytes(d));
  }
  return dir;
}

/** Keys setPageKeys would write now, and RESPONSIBLE_FOR to a Task still without one. */
async function keysOff(): Promise<{ rewritten: number; missing: number }> {
  const ids = (await db.read<{ id: string }>('MATCH (t:Task) RETURN t.id AS id')).map((r) => r.id);
  let rewritten = -1;
  // Rolled back: the check must not repair what it checks.
  const rollBack = new Error('roll back');
  await db.statements(async (tx) => {
    rewritten = await setPageKeys(tx, ids);
    throw rollBack;
  }).catch((err: unknown) => {
    if (err !== rollBack && (err as { cause?: unknown }).cause !== rollBack) throw err;
  });
  const [row] = await db.read<{ missing: number }>('MATCH (:Entity)-[r:RESPONSIBLE_FOR]->(:Task) WHERE r.pageKey IS NULL RETURN count(*) AS missing');
  return { rewritten, missing: Number(row?.missing) };
}

describe('page keys written with the facts', () => {
  it('are the keys the graph gives, after loads, replacements beside new documents and a removal', async () => {
    await db.write('MATCH (n) DETACH DELETE n');
    const summary = await loadPaths(db, [generatedCorpus(5, 12)], { batchSize: 5 });
    expect(summary.documents).toMatchObject({ loaded: 12, failed: 0 });
    expect(await keysOff()).toEqual({ rewritten: 0, missing: 0 });

    const replaced = await loadPaths(db, [generatedCorpus(6, 20)], { batchSize: 6 });
    expect(replaced.documents).toMatchObject({ replaced: 12, loaded: 8, failed: 0 });
    expect(await keysOff()).toEqual({ rewritten: 0, missing: 0 });

    expect((await removeDocument(db, 'gen-000003')).removed).toBe(true);
    expect(await keysOff()).toEqual({ rewritten: 0, missing: 0 });
    const [keys] = await db.read<{ n: number }>('MATCH ()-[r:RESPONSIBLE_FOR]->(:Task) RETURN count(r.pageKey) AS n');
    expect(Number(keys?.n)).toBeGreaterThan(100);
  }, 240_000);

  it('read a task number as an integer exactly as Cypher\'s toInteger does', async () => {
    const strings = ['12', '+4', '-7', '007', '2.7', '-2.7', '1e2', '.5', '1.', '（三）', '三', '', ' 3', '3 ', '1,000', '0x10', 'NaN'];
    const [row] = await db.read<{ ints: (number | null)[] }>('RETURN [s IN $strings | toInteger(s)] AS ints', { strings });
    expect(strings.map(cypherInteger)).toEqual(row?.ints.map((v) => (v === null ? null : Number(v))));
  });
});
