/*
 * The API through a routing driver: NEO4J_URI=neo4j://… is how a cluster or Aura is reached, and there
 * the driver first asks the server for a routing table and sends reads and writes to the members it
 * names. The embedded Neo4j answers routing requests as a one-member cluster, so the whole path —
 * discovery, a write to the writer, reads from a reader, the console's EXPLAIN check — runs for real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { start, type RunningServer } from '../../server/server.ts';
import { CHANGLE, DISTRICT, loadFixtureGraph } from '../fixtures/graph/fixture-graph.ts';

let app: RunningServer;
const routingUri = inject('neo4j').uri.replace(/^bolt:/, 'neo4j:');
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  const n = inject('neo4j');
  app = await start(loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: routingUri, NEO4J_PASSWORD: n.password, LOAD_SEEDS_ON_START: 'false' }), { log: () => {} });
  // Writes go to the member the routing table names as writer.
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('the API against Neo4j through a neo4j:// (routing) URI', () => {
  it('discovers the routing table and reports the routing URI in health', async () => {
    expect(routingUri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
    const table = await app.connection.driver.executeQuery('CALL dbms.routing.getRoutingTable({}) YIELD servers RETURN servers');
    const roles = (table.records[0]!.get('servers') as { role: string }[]).map((s) => s.role).sort();
    expect(roles).toEqual(['READ', 'ROUTE', 'WRITE']);
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.neo4j).toMatchObject({ mode: 'external', uri: routingUri });
    expect(body.counts.nodes).toBeGreaterThan(0);
  });

  it('answers search, node, neighbourhood, named query and console reads routed to a reader', async () => {
    const search = await (await fetch(`${app.url}/api/search?q=${encodeURIComponent('长乐')}`)).json();
    expect(search.results.map((r: { id: string }) => r.id)).toContain(DISTRICT);
    const node = await fetch(`${app.url}/api/nodes/${encodeURIComponent(CHANGLE)}`);
    expect(node.status).toBe(200);
    const neighbours = await fetch(`${app.url}/api/nodes/${encodeURIComponent(CHANGLE)}/neighbors`);
    expect(neighbours.status).toBe(200);
    const tasks = await fetch(`${app.url}/api/queries/tasks-of-agency`, { method: 'POST', headers: json, body: JSON.stringify({ params: { agency: CHANGLE } }) });
    expect(tasks.status).toBe(200);
    expect((await tasks.json()).rows).toHaveLength(11);
    const cypher = await fetch(`${app.url}/api/cypher`, { method: 'POST', headers: json, body: JSON.stringify({ query: 'MATCH (n:Entity) RETURN count(n) AS c' }) });
    expect(cypher.status).toBe(200);
    expect((await cypher.json()).rows[0].c).toBeGreaterThan(0);
  });

  it('still refuses a write from the console when the session is routed', async () => {
    const res = await fetch(`${app.url}/api/cypher`, { method: 'POST', headers: json, body: JSON.stringify({ query: "CREATE (:Probe {via: 'routing'})" }) });
    expect(res.status).toBe(403);
  });
});
