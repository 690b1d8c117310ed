/*
 * The explore-further endpoints against the real embedded Neo4j: expanding a selection by type and label
 * with "N of M" counts, what a plan or its document touches (two hops), and one edge with its evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { CHANGLE, GROUP, loadFixtureGraph, PARK, PLAN_2019, PLAN_DOC } from '../fixtures/graph/fixture-graph.ts';
import { startTestApp } from './helpers.ts';

let app: RunningServer;
const call = async (path: string, body?: unknown) => {
  const res = await fetch(`${app.url}/api/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};
const enc = encodeURIComponent;

beforeAll(async () => {
  app = await startTestApp();
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /api/expand', () => {
  it('expands two agencies by RESPONSIBLE_FOR, counting a task shared by both once', async () => {
    const all = await call('expand', { ids: [CHANGLE, GROUP], types: ['RESPONSIBLE_FOR'], limit: 1000 });
    expect(all.status).toBe(200);
    const tasks = all.body.nodes.filter((n: { label: string }) => n.label === 'Task');
    expect(tasks.length).toBe(all.body.total);
    expect(all.body.shown).toBe(all.body.total);
    expect(all.body.edges.every((e: { type: string }) => e.type === 'RESPONSIBLE_FOR')).toBe(true);
    // Every returned task is linked to at least one of the two.
    const linked = new Set(all.body.edges.map((e: { target: string }) => e.target));
    for (const t of tasks) expect(linked.has(t.id)).toBe(true);
    const counted = all.body.counts.filter((c: { type: string; label: string }) => c.type === 'RESPONSIBLE_FOR' && c.label === 'Task');
    expect(counted[0].count).toBe(all.body.total);
    // The any-type rows count each neighbour once, however many relationships lead to it.
    const anyTask = all.body.counts.find((c: { type: string; label: string }) => c.type === '*' && c.label === 'Task');
    expect(anyTask.count).toBeGreaterThanOrEqual(all.body.total);

    const page = await call('expand', { ids: [CHANGLE, GROUP], types: ['RESPONSIBLE_FOR'], limit: 2 });
    expect(page.body).toMatchObject({ total: all.body.total, shown: 2, limit: 2, offset: 0 });
    const next = await call('expand', { ids: [CHANGLE, GROUP], types: ['RESPONSIBLE_FOR'], limit: 2, offset: 2 });
    const ids = (r: { body: { nodes: { id: string; label: string }[] } }) => r.body.nodes.filter((n) => n.label === 'Task').map((n) => n.id);
    expect(ids(next).some((id) => ids(page).includes(id))).toBe(false);
  });

  it('filters neighbours by label', async () => {
    const r = await call('expand', { ids: [PLAN_2019], labels: ['Agency'] });
    expect(r.status).toBe(200);
    expect(r.body.nodes.filter((n: { id: string }) => n.id !== PLAN_2019).every((n: { label: string }) => n.label === 'Agency')).toBe(true);
  });

  it.each([
    [{ ids: [] }, 'ids'], [{ ids: ['x'], types: ['NOPE'] }, 'types'], [{ ids: ['x'], limit: -1 }, 'limit'], [{ ids: [CHANGLE], bogus: 1 }, 'bogus'],
  ])('answers %j with 400 naming %s', async (body, field) => {
    const r = await call('expand', body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(field);
  });

  it('answers an unknown id with 404 naming it', async () => {
    const r = await call('expand', { ids: [CHANGLE, 'agency:没有这个'] });
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain('agency:没有这个');
  });
});

describe('GET /api/nodes/:id/touches', () => {
  it("lists the plan's tasks' parks and agencies, with the tasks that link them", async () => {
    const r = await call(`nodes/${enc(PLAN_2019)}/touches`);
    expect(r.status).toBe(200);
    const ids = r.body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain(PARK);
    expect(ids).toContain(CHANGLE);
    expect(r.body.totals.Park).toBeGreaterThanOrEqual(1);
    expect(r.body.totals.Agency).toBeGreaterThanOrEqual(1);
    expect(r.body.total).toBe(Object.values(r.body.totals as Record<string, number>).reduce((a, b) => a + b, 0));
    const types = new Set(r.body.edges.map((e: { type: string }) => e.type));
    expect([...types].sort()).toEqual(['HAS_TASK', 'MENTIONS', 'RESPONSIBLE_FOR']);
  });

  it('answers the same for the document that describes the plan', async () => {
    const plan = await call(`nodes/${enc(PLAN_2019)}/touches`);
    const doc = await call(`nodes/${enc(`document:${PLAN_DOC}`)}/touches`);
    expect(doc.status).toBe(200);
    const ids = doc.body.nodes.map((n: { id: string }) => n.id);
    for (const n of plan.body.nodes) expect(ids).toContain(n.id);
  });

  it('refuses a node that is neither a plan nor a document with 404', async () => {
    const r = await call(`nodes/${enc(CHANGLE)}/touches`);
    expect(r.status).toBe(404);
  });
});

describe('GET /api/edges/:id', () => {
  it("gives a responsibility's role, both ends and the evidence sentence with the document's title", async () => {
    const n = await call(`nodes/${enc(CHANGLE)}/neighbors?types=RESPONSIBLE_FOR&limit=1`);
    const edge = n.body.edges[0];
    const r = await call(`edges/${enc(edge.id)}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: edge.id, type: 'RESPONSIBLE_FOR', source: { id: CHANGLE } });
    expect(['lead', 'support', 'responsible']).toContain(r.body.properties.role);
    expect(r.body.evidence[0].documentTitle).toBeTruthy();
    expect(r.body.evidence[0].sentence).toContain(r.body.evidence[0].text);
    expect(r.body.properties.evidenceDocs).toBeUndefined();
  });

  it('answers an unknown relationship id with 404', async () => {
    expect((await call('edges/nope')).status).toBe(404);
  });
});
