/*
 * Returned nodes that are related are drawn with their relationships (issue 15): a console query that
 * returns an agency and its tasks, but no relationship, still answers a graph with the agency's
 * RESPONSIBLE_FOR edges to those tasks (lean: no bookkeeping keys); nothing is added between unrelated
 * nodes, nor to a query that returned relationships itself (it chose which to draw).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { CHANGLE, loadFixtureGraph } from '../fixtures/graph/fixture-graph.ts';
import { bookkeepingLeaks, startTestApp } from './helpers.ts';

let app: RunningServer;
const cypher = async (query: string, params: Record<string, unknown> = {}) => {
  const res = await fetch(`${app.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params }) });
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  app = await startTestApp({ CYPHER_RATE_LIMIT_PER_MINUTE: '10000' });
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('the graph of a console query', () => {
  it('connects returned nodes with the relationships between them, though the query returned none', async () => {
    const { status, body } = await cypher('MATCH (a:Agency {id: $id})-[:RESPONSIBLE_FOR]->(t:Task) RETURN a, t', { id: CHANGLE });
    expect(status).toBe(200);
    const tasks = body.rows.map((r: { t: { properties: { id: string } } }) => r.t.properties.id);
    expect(tasks.length).toBeGreaterThan(0);
    const direct = (await app.db.read<{ n: number }>('MATCH (:Agency {id: $id})-[r:RESPONSIBLE_FOR]->(:Task) RETURN count(r) AS n', { id: CHANGLE }))[0]!.n;
    const responsible = body.graph.edges.filter((e: { type: string; source: string }) => e.type === 'RESPONSIBLE_FOR' && e.source === CHANGLE);
    expect(responsible).toHaveLength(direct);
    expect(new Set(responsible.map((e: { target: string }) => e.target))).toEqual(new Set(tasks));
    expect(bookkeepingLeaks(body.graph)).toEqual([]);
  });

  it('leaves the relationships a query returned as they are', async () => {
    const { body } = await cypher('MATCH (a:Agency {id: $id})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, t, r LIMIT 1', { id: CHANGLE });
    expect(body.graph.edges).toHaveLength(1);
  });

  it('adds no relationship to a returned node that is related to none of the others', async () => {
    const { body } = await cypher('MATCH (a:Agency {id: $id}), (p:Plan) WHERE NOT (a)--(p) RETURN a, p LIMIT 3', { id: CHANGLE });
    expect(body.graph.nodes.length).toBeGreaterThan(1);
    expect(body.graph.edges.filter((e: { source: string; target: string }) => e.source === CHANGLE || e.target === CHANGLE)).toEqual([]);
    // The plans may refer to one another: those relationships are drawn, and only between returned nodes.
    const ids = new Set(body.graph.nodes.map((n: { id: string }) => n.id));
    for (const e of body.graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });
});
