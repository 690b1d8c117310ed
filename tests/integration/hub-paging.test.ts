/*
 * tasks-of-agency pages a hub agency out of the RESPONSIBLE_FOR.pageKey range index instead of sorting
 * all its tasks for every page: this checks that the pages, one after the other, are exactly the whole
 * list in the order the query promises (plan name, printed order, number, id; a task named directly
 * and through a group once, as direct), and that the plan seeks the index rather than sorting every task.
 * The neighbours endpoint pages a hub one relationship type at a time (an agency's tasks out of the same
 * index) and shared-tasks and the totals count in cheaper forms: each is checked against the plain way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentBytes, generateCorpus } from '../../server/corpus/generate.ts';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { curatedQueries } from '../../server/graph/queries/curated.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { neighbors } from '../../server/graph/queries/nodes.ts';
import { removeDocument } from '../../server/graph/writer/remove-document.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { bookkeepingLeaks, openTestDb, tempDirs } from './helpers.ts';

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

/** The neighbours order, the plain way: type, then an agency's tasks by page key and the rest by name. */
const ALL_NEIGHBOURS = `
MATCH (n:Entity {id: $id})-[r:!STATES]-(m)
WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id, type(r) AS type
ORDER BY type(r), CASE WHEN type(r) = 'RESPONSIBLE_FOR' AND startNode(r) = n THEN r.pageKey ELSE m.name END, elementId(r)`;

/** shared-tasks and its totals as they were written before they were made cheaper (a membership test per row). */
const SHARED_PLAIN = `
MATCH (a:Entity:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t
  UNION
  MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t
}
MATCH (b:Agency)-[r:RESPONSIBLE_FOR]->(t)
WHERE b <> a AND NOT (a)-[:MEMBER_OF]->(b)
WITH b, t ORDER BY t.id
WITH b, collect(DISTINCT t) AS shared
RETURN b.id AS id, size(shared) AS sharedTasks, [t IN shared[..10] | t.id] AS examples
ORDER BY sharedTasks DESC, b.name, b.id`;

let db: GraphDb;
let close: () => Promise<void>;
const temps = tempDirs();

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const dir = temps.make('hub-paging-');
  for (const d of generateCorpus({ seed: 11, docs: 30 })) {
    fs.writeFileSync(path.join(dir, d.name), documentBytes(d));
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
      expect(operators.filter((o) => /RelationshipIndexSeekByRange/.test(o)), operators.join(' ')).toHaveLength(2);
      expect(operators.filter((o) => /RelationshipTypeScan|AllRelationshipsScan/.test(o))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('neighbours of a hub, a type at a time', () => {
  async function pagedNeighbours(id: string, limit: number, labels?: string[]): Promise<{ id: string; type: string }[]> {
    const out: { id: string; type: string }[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await neighbors(db, id, { direction: 'both', limit, offset, labels }, 60_000);
      out.push(...page.edges.map((e) => ({ id: e.id, type: e.type })));
      if (page.shown < limit) return out;
    }
  }

  it('gives, page after page, exactly the whole ordered neighbourhood of the busiest agency, with its totals', async () => {
    const [busiest] = await db.read<{ id: string }>(BUSIEST);
    const whole = await db.read<{ id: string; type: string }>(ALL_NEIGHBOURS, { id: busiest!.id, labels: null });
    expect(whole.length).toBeGreaterThan(60);
    expect(await pagedNeighbours(busiest!.id, 17)).toEqual(whole);
    const first = await neighbors(db, busiest!.id, { direction: 'both', limit: 5, offset: 0 }, 60_000);
    const perType: Record<string, number> = {};
    for (const w of whole) perType[w.type] = (perType[w.type] ?? 0) + 1;
    expect(first.totals).toEqual(perType);
    expect(first.total).toBe(whole.length);
    expect(first.nodes.map((n) => n.id)).toContain(busiest!.id);
  });

  it('pages plans, tasks and a label filter the same way', async () => {
    const ids = await db.read<{ id: string }>(`
      CALL () { MATCH (p:Plan) RETURN p.id AS id ORDER BY COUNT { (p)-[:HAS_TASK]->() } DESC, id LIMIT 2
                UNION MATCH (t:Task) RETURN t.id AS id ORDER BY id LIMIT 2 }
      RETURN id`);
    for (const { id } of ids) {
      expect(await pagedNeighbours(id, 9), id).toEqual(await db.read(ALL_NEIGHBOURS, { id, labels: null }));
    }
    const [busiest] = await db.read<{ id: string }>(BUSIEST);
    expect(await pagedNeighbours(busiest!.id, 23, ['Task'])).toEqual(await db.read(ALL_NEIGHBOURS, { id: busiest!.id, labels: ['Task'] }));
    expect(bookkeepingLeaks(await neighbors(db, busiest!.id, { direction: 'both', limit: 50, offset: 0 }, 60_000))).toEqual([]);
  });
});

describe('shared-tasks and the totals, counted the cheaper way', () => {
  it('ranks and counts as the plain form does, and tasks-of-agency totals match the whole list', async () => {
    const [busiest] = await db.read<{ id: string }>(BUSIEST);
    const agency = busiest!.id;
    const plain = await db.read<{ id: string; sharedTasks: number; examples: string[] }>(SHARED_PLAIN, { agency });
    const shared = curatedQueries().get('shared-tasks')!;
    const rows = await db.read<{ other: { properties: { id: string } }; sharedTasks: number; tasks: { properties: { id: string } }[] }>(shared.text, { agency, limit: 200, offset: 0 });
    expect(rows.map((r) => ({ id: r.other.properties.id, sharedTasks: r.sharedTasks, examples: r.tasks.map((t) => t.properties.id) }))).toEqual(plain);
    const [totals] = await db.read<{ agencies: number; tasks: number }>(shared.totals!, { agency });
    const whole = await db.read<{ id: string; best: number }>(WHOLE_LIST, { agency });
    expect(totals).toEqual({ agencies: plain.length, tasks: whole.length });
    const [toa] = await db.read(curatedQueries().get('tasks-of-agency')!.totals!, { agency });
    expect(toa).toEqual({ direct: whole.filter((w) => w.best === 0).length, viaGroup: whole.filter((w) => w.best === 1).length, all: whole.length });
  });
});
