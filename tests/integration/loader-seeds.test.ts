/*
 * The loader end to end with the real extractor: the seed documents, `npm start`'s seed loading, the
 * "every task 长乐区政府 is responsible for" example, concurrent loaders and --remove.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { documentBytes, generateCorpus } from '../../server/corpus/generate.ts';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { clearGraph, graphCounts } from '../../server/graph/writer/graph-state.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { start } from '../../server/server.ts';
import { loadSeedsOnStart } from '../../server/startup-seeds.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { openTestDb, tempDirs, testConnection } from './helpers.ts';
import { snapshot, type GraphSnapshot } from './loader-snapshot.ts';

const SEEDS = path.join(ROOT_DIR, 'seeds', 'documents');

// Our own copy of "every task an agency is responsible for" (cypher/queries/ belongs to the API).
const TASKS_OF_AGENCY = `
MATCH (a:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t, 'direct' AS via
  UNION
  MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t, 'group' AS via
}
MATCH (p:Plan)-[:HAS_TASK]->(t)
RETURN p.name AS plan, t.number AS number, via`;

let db: GraphDb;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDb());
});
const temps = tempDirs();
const tempDir = temps.make;
afterAll(async () => {
  temps.cleanup();
  await close();
});
beforeEach(async () => clearGraph(db));

/** A folder with copies of some seed files, so two loaders can work on overlapping sets. */
function seedCopy(names: string[]): string {
  const dir = tempDir('loader-seeds-');
  for (const n of names) fs.copyFileSync(path.join(SEEDS, n), path.join(dir, n));
  return dir;
}
const seedNames = () => fs.readdirSync(SEEDS).sort();

/** A folder with a generated corpus (GBK files encoded as such). */
function generatedCorpus(seed: number, docs: number): string {
  const dir = tempDir('loader-gen-');
  for (const d of generateCorpus({ seed, docs })) {
    fs.writeFileSync(path.join(dir, d.name), documentBytes(d));
  }
  return dir;
}

/** Compared as differences first, so a failure shows the few lines that differ, not 2,000 nodes. */
function expectSameGraph(actual: GraphSnapshot, expected: GraphSnapshot): void {
  expect(actual.nodes.filter((l) => !expected.nodes.includes(l))).toEqual([]);
  expect(actual.relationships.filter((l) => !expected.relationships.includes(l))).toEqual([]);
  expect(actual).toEqual(expected);
}

describe('loading the seed documents', () => {
  it('gives identical counts and graph when done twice', async () => {
    const first = await loadPaths(db, [SEEDS]);
    expect(first.documents).toMatchObject({ loaded: 5, failed: 0 });
    const counts = await graphCounts(db);
    const before = await snapshot(db);
    const second = await loadPaths(db, [SEEDS]);
    expect(second.documents).toMatchObject({ unchanged: 5, loaded: 0, failed: 0 });
    expect(await graphCounts(db)).toEqual(counts);
    expect(await snapshot(db)).toEqual(before);
    expect(counts.relationships).toBeGreaterThan(100);
  });

  it('answers "every task 长乐区政府 is responsible for" with the 11 tasks of the 2019 plan after npm start', async () => {
    const n = inject('neo4j');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password });
    const lines: string[] = [];
    const conn = testConnection();
    const app = await start(config, { log: () => {}, connection: conn, beforeListen: (d) => loadSeedsOnStart(d, SEEDS, (l) => lines.push(l)) });
    try {
      // The id is the extractor's canonical name; find it the way a user would, by the printed name.
      const [agency] = await app.db.read<{ id: string }>(
        'MATCH (a:Agency) WHERE "长乐区政府" IN a.aliases OR a.name = "长乐区政府" RETURN a.id AS id');
      const rows = await app.db.read<{ number: string; via: string; plan: string }>(TASKS_OF_AGENCY, { agency: agency?.id });
      const byVia = (via: string) => rows.filter((r) => r.via === via).map((r) => r.number).sort((a, b) => Number(a) - Number(b));
      expect(new Set(rows.map((r) => r.plan))).toEqual(new Set(['2019年数字福州工作要点']));
      expect(byVia('direct')).toEqual(['4', '5', '17', '18']);
      expect(byVia('group')).toEqual(['2', '10', '16', '21', '22', '23', '24']);
      expect(lines.join('\n')).toMatch(/5 loaded/);
    } finally {
      await app.stop();
      await conn.close();
    }
  });

  it('loads only new or changed seed files on a later start', async () => {
    const dir = seedCopy(seedNames().slice(0, 3));
    const lines: string[] = [];
    await loadSeedsOnStart(db, dir, (l) => lines.push(l));
    for (const n of seedNames().slice(3)) fs.copyFileSync(path.join(SEEDS, n), path.join(dir, n));
    lines.length = 0;
    await loadSeedsOnStart(db, dir, (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/2 loaded, 0 replaced, 3 unchanged, 0 failed/);
  });
});

describe('concurrent loaders', () => {
  it('end with the same graph as one loader over overlapping documents', async () => {
    const names = seedNames();
    await loadPaths(db, [SEEDS], { batchSize: 1, concurrency: 1 });
    const expected = await snapshot(db);
    await clearGraph(db);

    const one = seedCopy(names.slice(0, 4));
    const two = seedCopy(names.slice(1));
    const three = seedCopy([...names].reverse());
    const results = await Promise.all([
      loadPaths(db, [one], { batchSize: 1, concurrency: 4 }),
      loadPaths(db, [two], { batchSize: 2, concurrency: 2 }),
      loadPaths(db, [three], { batchSize: 3, concurrency: 2 }),
    ]);
    for (const r of results) expect(r.documents.failed).toBe(0);
    const written = results.reduce((s, r) => s + r.documents.loaded, 0);
    expect(written).toBe(names.length); // every document written once; the other loaders saw it unchanged
    expect(await snapshot(db)).toEqual(expected);
  });
});

describe('concurrent loaders on a generated corpus', () => {
  it('share hot agencies without a failure, a duplicate node or a duplicate relationship', async () => {
    const dir = generatedCorpus(3, 24);
    const files = fs.readdirSync(dir).sort();
    const half = (names: string[]) => {
      const sub = tempDir('loader-gen-half-');
      for (const n of names) fs.copyFileSync(path.join(dir, n), path.join(sub, n));
      return sub;
    };
    await loadPaths(db, [dir], { batchSize: 1, concurrency: 1 });
    const expected = await snapshot(db);
    await clearGraph(db);

    // Small transactions of several documents each, two in flight per loader, overlapping between loaders.
    const results = await Promise.all([
      loadPaths(db, [half(files.slice(0, 16))], { batchSize: 3, concurrency: 2 }),
      loadPaths(db, [half(files.slice(8))], { batchSize: 4, concurrency: 2 }),
    ]);
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    const actual = await snapshot(db);
    expectSameGraph(actual, expected);
    const dupRels = await db.read('MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.key AS k, count(*) AS n WHERE n > 1 RETURN count(*) AS c');
    expect(dupRels[0]?.c).toBe(0);
  });
});

describe('transactions of many documents', () => {
  it('write the same graph as one transaction per document', async () => {
    const dir = generatedCorpus(5, 20);
    await loadPaths(db, [dir], { batchSize: 1 });
    const expected = await snapshot(db);
    await clearGraph(db);
    const summary = await loadPaths(db, [dir], { batchSize: 7 });
    expect(summary.documents).toMatchObject({ loaded: 20, failed: 0 });
    const actual = await snapshot(db);
    expectSameGraph(actual, expected);
  });

  it('replace changed documents that share a transaction with new ones exactly', async () => {
    // The same file names with other content: gen-000000 … gen-000011 change, gen-000012 … are new.
    const before = generatedCorpus(5, 12);
    const after = generatedCorpus(6, 20);
    await loadPaths(db, [after], { batchSize: 1 });
    const expected = await snapshot(db);
    await clearGraph(db);

    await loadPaths(db, [before], { batchSize: 5 });
    const summary = await loadPaths(db, [after], { batchSize: 6 });
    expect(summary.documents).toMatchObject({ replaced: 12, loaded: 8, failed: 0 });
    const actual = await snapshot(db);
    expectSameGraph(actual, expected);
  });
});

describe('--remove', () => {
  it('leaves no node or relationship that only the removed document supported', async () => {
    const names = seedNames();
    const others = seedCopy(names.filter((n) => !n.startsWith('002_')));
    await loadPaths(db, [others]);
    const expected = await snapshot(db);
    await clearGraph(db);

    await loadPaths(db, [SEEDS]);
    const summary = await loadPaths(db, [], { remove: ['002_bccb920477d76c9e'] });
    expect(summary.documents).toMatchObject({ removed: 1, failed: 0 });
    expect(summary.counters.nodesDeleted).toBeGreaterThan(0);
    expect(await snapshot(db)).toEqual(expected);
    expect(await db.read('MATCH (n:Entity) WHERE NOT n:Document AND NOT EXISTS { (n)<-[:STATES]-(:Document) } RETURN n.id AS id')).toEqual([]);
    expect(await db.read('MATCH ()-[r:!STATES]->() WHERE size(coalesce(r.documents, [])) = 0 OR "002_bccb920477d76c9e" IN r.evidenceDocs RETURN r')).toEqual([]);
  });
});
