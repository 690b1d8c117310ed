/*
 * A curated query's answer is as lean as what the client shows: the rows name their elements by reference
 * (a node's id and name, a relationship's element id, type and role) and the graph carries each element
 * once, with what the canvas draws. These tests hold tasks-of-agency and shared-tasks to that, and check the
 * graph they draw against plain Cypher, so a leaner answer cannot draw less (or more) than before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiGraph } from '../../server/graph/queries/graph-elements.ts';
import type { RunningServer } from '../../server/server.ts';
import { CHANGLE, GROUP, loadFixtureGraph, PLAN_2019 } from '../fixtures/graph/fixture-graph.ts';
import { bookkeepingLeaks, startTestApp } from './helpers.ts';

let app: RunningServer;
type Row = Record<string, unknown>;
interface Answer { rows: Row[]; graph: ApiGraph; totals?: Record<string, number> }
const run = async (name: string, params: unknown): Promise<Answer> => {
  const res = await fetch(`${app.url}/api/queries/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ params }) });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
};

/** Every node and relationship reference anywhere in the rows. */
function refsIn(rows: readonly Row[]): { nodes: Record<string, unknown>[]; rels: Record<string, unknown>[] } {
  const nodes: Record<string, unknown>[] = [];
  const rels: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(visit);
    const o = v as Record<string, unknown>;
    if (o.kind === 'node') nodes.push(o);
    else if (o.kind === 'relationship') rels.push(o);
    else Object.values(o).forEach(visit);
  };
  rows.forEach(visit);
  return { nodes, rels };
}

/** The page's graph as plain Cypher finds it: its tasks, who holds each, their plans and the membership. */
const PAGE_GRAPH = `
MATCH (a:Agency {id: $agency})
UNWIND $tasks AS task
MATCH (t:Task {id: task.id})
CALL (a, t, task) {
  MATCH (a)-[r:RESPONSIBLE_FOR]->(t) WHERE task.via = 'direct' RETURN r
  UNION
  MATCH (a)-[:MEMBER_OF]->(g:Agency {name: task.via})-[r:RESPONSIBLE_FOR]->(t) RETURN r
  UNION
  MATCH (:Plan)-[r:HAS_TASK]->(t) RETURN r
  UNION
  MATCH (a)-[r:MEMBER_OF]->(g:Agency {name: task.via}) RETURN r
}
RETURN collect(DISTINCT elementId(r)) AS edges`;

beforeAll(async () => {
  app = await startTestApp();
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('tasks-of-agency answers what the table and the canvas show', () => {
  it('names each element in the rows by reference, and every reference is in the graph', async () => {
    const body = await run('tasks-of-agency', { agency: CHANGLE });
    expect(body.rows).toHaveLength(11);
    const first = body.rows.find((r) => r.via !== 'direct')!;
    expect(first.agency).toEqual({ kind: 'node', properties: { id: CHANGLE, name: '长乐区政府' } });
    expect(first.group).toEqual({ kind: 'node', properties: { id: GROUP, name: '各县(市)区政府' } });
    expect(first.membership).toEqual({ kind: 'relationship', elementId: expect.any(String), type: 'MEMBER_OF', properties: {} });
    const { nodes, rels } = refsIn(body.rows);
    const nodeIds = new Set(body.graph.nodes.map((n) => n.id));
    const edgeIds = new Set(body.graph.edges.map((e) => e.id));
    for (const n of nodes) {
      expect(Object.keys(n.properties as object).sort()).toEqual(['id', 'name']);
      expect(nodeIds.has((n.properties as { id: string }).id)).toBe(true);
    }
    for (const r of rels) expect(edgeIds.has(r.elementId as string), JSON.stringify(r)).toBe(true);
    expect(rels.filter((r) => r.type === 'RESPONSIBLE_FOR').every((r) => typeof (r.properties as { role?: unknown }).role === 'string')).toBe(true);
    expect(bookkeepingLeaks(body)).toEqual([]);
  });

  it('draws the page as plain Cypher finds it: every responsibility, plan link and the membership, and nothing else', async () => {
    const body = await run('tasks-of-agency', { agency: CHANGLE, limit: 6, offset: 2 });
    const tasks = body.rows.map((r) => ({ id: (r.task as { properties: { id: string } }).properties.id, via: r.via as string }));
    const [expected] = await app.db.read<{ edges: string[] }>(PAGE_GRAPH, { agency: CHANGLE, tasks });
    expect(body.graph.edges.map((e) => e.id).sort()).toEqual([...expected!.edges].sort());
    const ends = new Set(body.graph.edges.flatMap((e) => [e.source, e.target]));
    expect(body.graph.nodes.map((n) => n.id).sort()).toEqual([...ends].sort());
  });

  it('gives the canvas what it draws: task numbers, the group flag, plan years, roles, and the agency\'s aliases for a form that named it by one', async () => {
    // The fixture's plans have no year of their own; a loaded plan has one (extract-document.ts).
    await app.db.write('MATCH (p:Plan {id: $id}) SET p.year = 2019, p.issued = $issued', { id: PLAN_2019, issued: '2019-03-01' });
    const body = await run('tasks-of-agency', { agency: '长乐区人民政府' });
    const byId = new Map(body.graph.nodes.map((n) => [n.id, n]));
    expect(byId.get(CHANGLE)).toMatchObject({ label: 'Agency', name: '长乐区政府', aliases: expect.arrayContaining(['长乐区人民政府']), properties: { group: false } });
    expect(byId.get(GROUP)).toMatchObject({ properties: { group: true } });
    const tasks = body.graph.nodes.filter((n) => n.label === 'Task');
    expect(tasks).toHaveLength(11);
    for (const t of tasks) expect(Object.keys(t.properties).sort()).toEqual(['id', 'name', 'number']);
    // A plan's year and issue date, which the year filter reads, as stored.
    const plans = body.graph.nodes.filter((n) => n.label === 'Plan');
    const stored = await app.db.read<{ id: string; year: number | null; issued: string | null }>(
      'MATCH (p:Plan) WHERE p.id IN $ids RETURN p.id AS id, p.year AS year, p.issued AS issued', { ids: plans.map((p) => p.id) });
    expect(stored.find((p) => p.id === PLAN_2019)).toEqual({ id: PLAN_2019, year: 2019, issued: '2019-03-01' });
    for (const p of stored) expect(byId.get(p.id)!.properties).toMatchObject({ year: p.year ?? undefined, issued: p.issued ?? undefined });
    for (const e of body.graph.edges.filter((x) => x.type === 'RESPONSIBLE_FOR')) expect(e.properties.role).toEqual(expect.any(String));
    // The edge inspector fetches evidence; an answer's summary would have read every relationship's lists.
    expect(body.graph.edges.filter((e) => e.evidence)).toEqual([]);
  });

  it('sends the agency and its group once, however many rows name them', async () => {
    const aliasCount = (b: Answer) => JSON.stringify(b).split('长乐区人民政府').length - 1;
    const two = await run('tasks-of-agency', { agency: CHANGLE, limit: 2 });
    const all = await run('tasks-of-agency', { agency: CHANGLE, limit: 11 });
    expect(aliasCount(two)).toBeGreaterThan(0);
    expect(aliasCount(all)).toBe(aliasCount(two));
    const bytesPerRow = (b: Answer) => Buffer.byteLength(JSON.stringify(b.rows)) / b.rows.length;
    // A row is its scalars and short references: well under the 2.2 KB a row of the fixture took with elements in it.
    expect(bytesPerRow(all)).toBeLessThan(1_000);
  });
});

describe('shared-tasks answers what the table and the canvas show', () => {
  it('names the other agencies and the example tasks by reference, and draws each with its responsibilities', async () => {
    const body = await run('shared-tasks', { agency: CHANGLE });
    expect(body.rows.length).toBeGreaterThan(0);
    const { nodes, rels } = refsIn(body.rows);
    const nodeIds = new Set(body.graph.nodes.map((n) => n.id));
    const edgeIds = new Set(body.graph.edges.map((e) => e.id));
    for (const n of nodes) expect(nodeIds.has((n.properties as { id: string }).id)).toBe(true);
    for (const r of rels) expect(edgeIds.has(r.elementId as string)).toBe(true);
    for (const row of body.rows) {
      const other = (row.other as { properties: { id: string } }).properties.id;
      const examples = (row.tasks as { properties: { id: string } }[]).map((t) => t.properties.id);
      expect(examples.length).toBe(Math.min(10, row.sharedTasks as number));
      // Each example is drawn with the other agency's responsibility for it.
      for (const t of examples) expect(body.graph.edges.some((e) => e.type === 'RESPONSIBLE_FOR' && e.source === other && e.target === t)).toBe(true);
    }
    for (const t of body.graph.nodes.filter((n) => n.label === 'Task')) expect(Object.keys(t.properties).sort()).toEqual(['id', 'name', 'number']);
    expect(body.graph.edges.filter((e) => e.evidence)).toEqual([]);
    expect(bookkeepingLeaks(body)).toEqual([]);
  });
});
