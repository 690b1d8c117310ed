/*
 * tasks-of-agency pages a hub agency out of the RESPONSIBLE_FOR.pageKey range index instead of sorting
 * all its tasks for every page: this checks that the pages, one after the other, are exactly the whole
 * list in the order the query promises (plan name, printed order, number, id; a task named directly
 * and through a group once, as direct), and that the plan seeks the index rather than sorting every task.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../server/corpus/generate.ts';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { curatedQueries } from '../../server/graph/queries/curated.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { removeDocument } from '../../server/graph/writer/remove-document.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { openTestDb, tempDirs } from './helpers.ts';

/** The order tasks-of-agency promises, computed the plain way: every task, then one sort. */
const WHOLE_LIST = `
MATCH (a:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t, 0 AS pri
  UNION ALL
  MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t, 1 AS pri
}
WITH t, min(pri) AS best
OPTIONAL MATCH (p:Plan)-[:HAS_TASK]->(t)
WITH t, best, min(p.name) AS plan
RETURN t.id AS id, best
ORDER BY plan, coalesce(t.order, toInteger(t.number)), t.number, t.id`;

const BUSIEST = `
MATCH (a:Agency)
RETURN a.id AS id, COUNT { (a)-[:RESPONSIBLE_FOR]->() } + COUNT { (a)-[:MEMBER_OF]->()-[:RESPONSIBLE_FOR]->() } AS tasks
ORDER BY tasks DESC, id LIMIT 1`;

let db: GraphDb;
let close: () => Promise<void>;
const temps = tempDirs();

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const dir = temps.make('hub-paging-');
  for (const d of generateCorpus({ seed: 11, docs: 30 })) {
    fs.writeFileSync(path.join(dir, d.name), d.encoding === 'gbk' ? iconv.encode(d.text, 'gbk') : Buffer.from(d.text, 'utf8'));
  }
  const seeds = path.join(ROOT_DIR, 'seeds', 'documents');
  for (const n of fs.readdirSync(seeds)) fs.copyFileSync(path.join(seeds, n), path.join(dir, n));
  const summary = await loadPaths(db, [dir], { batchSize: 7 });
  expect(summary.documents.failed).toBe(0);
}, 240_000);
afterAll(async () => {
  temps.cleanup();
  await close();
});

async function pagedIds(agency: string, limit: number): Promise<{ id: string; via: string }[]> {
  const query = curatedQueries().get('tasks-of-agency')!;
  const out: { id: string; via: string }[] = [];
  for (let offset = 0; ; offset += limit) {
    const rows = await db.read<{ task: { properties: { id: string } }; via: string }>(query.text, { agency, limit, offset });
    out.push(...rows.map((r) => ({ id: r.task.properties.id, via: r.via })));
    if (rows.length < limit) return out;
  }
}

describe('tasks-of-agency on a hub agency', () => {
  it('gives, page after page, exactly the whole ordered list, each task once', async () => {
    const [busiest] = await db.read<{ id: string; tasks: number }>(BUSIEST);
    expect(busiest!.tasks).toBeGreaterThan(60);
    const whole = await db.read<{ id: string; best: number }>(WHOLE_LIST, { agency: busiest!.id });
    const pages = await pagedIds(busiest!.id, 25);
    expect(pages.map((p) => p.id)).toEqual(whole.map((w) => w.id));
    expect(pages.map((p) => p.via === 'direct')).toEqual(whole.map((w) => w.best === 0));
  });

  it('pages every agency in the promised order, groups included', async () => {
    const agencies = await db.read<{ id: string }>('MATCH (a:Agency) WHERE EXISTS { (a)-[:RESPONSIBLE_FOR|MEMBER_OF]->() } RETURN a.id AS id ORDER BY id LIMIT 40');
    for (const { id } of agencies) {
      const whole = await db.read<{ id: string }>(WHOLE_LIST, { agency: id });
      expect((await pagedIds(id, 7)).map((p) => p.id), id).toEqual(whole.map((w) => w.id));
    }
  });

  it('keeps the order after a document is removed', async () => {
    const [busiest] = await db.read<{ id: string }>(BUSIEST);
    const [doc] = await db.read<{ docId: string }>('MATCH (d:Document)-[:DESCRIBES]->(:Plan) RETURN d.docId AS docId ORDER BY docId LIMIT 1');
    await removeDocument(db, doc!.docId);
    const whole = await db.read<{ id: string }>(WHOLE_LIST, { agency: busiest!.id });
    expect((await pagedIds(busiest!.id, 50)).map((p) => p.id)).toEqual(whole.map((w) => w.id));
  });

  it('seeks the page-key index instead of sorting every task', async () => {
    const query = curatedQueries().get('tasks-of-agency')!;
    const session = db.session('READ');
    try {
      const result = await session.run(`EXPLAIN ${query.text}`, { agency: 'agency:x', limit: 50, offset: 0 });
      const operators: string[] = [];
      const walk = (p: { operatorType: string; children: unknown[] }) => {
        operators.push(p.operatorType);
        for (const c of p.children) walk(c as typeof p);
      };
      walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
      expect(operators.filter((o) => /RelationshipIndexSeekByRange/.test(o))).toHaveLength(2);
      expect(operators.filter((o) => /RelationshipTypeScan|AllRelationshipsScan/.test(o))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
