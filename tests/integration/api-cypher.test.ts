import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { explainCheck } from '../../server/graph/cypher-console/explain-check.ts';
import type { RunningServer } from '../../server/server.ts';
import { CYPHER_ATTACKS } from '../fixtures/cypher-attacks.ts';
import { CHANGLE, loadFixtureGraph } from '../fixtures/graph/fixture-graph.ts';
import { bookkeepingLeaks, startTestApp } from './helpers.ts';

let app: RunningServer;
const TIMEOUT_MS = 2000;
const cypher = async (query: unknown, params?: unknown, on = app) => {
  const res = await fetch(`${on.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, ...(params ? { params } : {}) }) });
  return { status: res.status, body: await res.json() };
};
const counts = async () => (await app.db.read<{ nodes: number; rels: number; labels: string[]; keys: string[] }>(
  'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } ' +
  'CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels } CALL () { MATCH (n) UNWIND keys(n) AS k RETURN collect(DISTINCT k) AS keys } ' +
  'RETURN nodes, rels, labels, keys',
))[0];

beforeAll(async () => {
  app = await startTestApp({ CYPHER_TIMEOUT_MS: String(TIMEOUT_MS), CYPHER_MAX_ROWS: '25', CYPHER_RATE_LIMIT_PER_MINUTE: '10000' });
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /api/cypher', () => {
  it('returns columns, rows, a graph of every node, relationship and path, and a summary', async () => {
    const { status, body } = await cypher('MATCH p = (a:Agency {id: $id})-[r:MEMBER_OF]->(g) RETURN a.name AS name, r, p', { id: CHANGLE });
    expect(status).toBe(200);
    expect(body.columns).toEqual(['name', 'r', 'p']);
    expect(body.rows[0].name).toBe('长乐区政府');
    expect(body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([CHANGLE, 'agency:各县(市)区政府'].sort());
    expect(body.graph.edges).toHaveLength(1);
    expect(body.summary).toMatchObject({ rows: 1, truncated: false });
    expect(typeof body.summary.ms).toBe('number');
  });

  it('returns the rows as asked, bookkeeping included, while the graph stays lean', async () => {
    const { body } = await cypher('MATCH (a:Agency {id: $id})-[r:MEMBER_OF]->() RETURN a, r', { id: CHANGLE });
    expect(body.rows[0].a.properties).toHaveProperty('propsDoc');
    expect(body.rows[0].r.properties).toHaveProperty('evidenceTexts');
    expect(bookkeepingLeaks(body.graph)).toEqual([]);
    expect(body.graph.edges[0].evidence).toMatchObject({ count: 1, documents: 1 });
  });

  it('adds the end nodes of relationships returned without them', async () => {
    const { body } = await cypher('MATCH (:Agency {id: $id})-[r:GOVERNS]->() RETURN r', { id: CHANGLE });
    expect(body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['agency:长乐区政府', 'district:长乐区']);
  });

  it('caps rows at the configured maximum and says so', async () => {
    const { body } = await cypher('UNWIND range(1, 100) AS i RETURN i');
    expect(body.rows).toHaveLength(25);
    expect(body.summary).toMatchObject({ rows: 25, truncated: true, truncatedBy: 'rows' });
  });

  it('accepts integer parameters for LIMIT and allowed read procedures', async () => {
    expect((await cypher('MATCH (n) RETURN n LIMIT $n', { n: 2 })).body.rows).toHaveLength(2);
    const { status } = await cypher("CALL db.index.fulltext.queryNodes('entity_names', '长乐') YIELD node RETURN node.name");
    expect(status).toBe(200);
  });

  it('answers a syntax error with 400, Neo4j\'s message and the position', async () => {
    const { status, body } = await cypher('MATCH (n RETURN n');
    expect(status).toBe(400);
    expect(body.error.code).toBe('CYPHER_SYNTAX');
    // Positions are in the text the user typed, not in the EXPLAIN the console sent first.
    expect(body.error.details.position).toEqual({ line: 1, column: 10, offset: 9 });
    expect(body.error.message).toContain('line 1, column 10 (offset: 9)');
  });

  it.each([[{}, 'query'], [{ query: 42 }, 'query'], [{ query: '  ' }, 'query'], [{ query: 'RETURN 1', params: [1] }, 'params'], [{ query: 'RETURN 1', x: 1 }, 'x']])(
    'answers the body %j with 400 naming %s', async (bodyIn, field) => {
      const res = await fetch(`${app.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodyIn) });
      const body = await res.json();
      expect(res.status).toBe(400);
      expect(body.error.message).toContain(`'${field}'`);
    },
  );

  it('refuses a body over the size limit with 413', async () => {
    const { status, body } = await cypher(`RETURN '${'x'.repeat(300_000)}'`);
    expect(status).toBe(413);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('the console refuses every write and escape attempt', () => {
  it(`rejects all ${CYPHER_ATTACKS.length} attacks of the corpus with 403 (or 400) and leaves the graph unchanged`, async () => {
    expect(CYPHER_ATTACKS.length).toBeGreaterThanOrEqual(30);
    const before = await counts();
    const accepted: string[] = [];
    for (const attack of CYPHER_ATTACKS) {
      const { status, body } = await cypher(attack.query, attack.params);
      if (status === 200 || status >= 500 || !body.error?.message) accepted.push(`${attack.why}: ${status}`);
      else expect([400, 403]).toContain(status);
    }
    expect(accepted).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    'CREATE (n:Evil) RETURN n',
    'MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)',
    'MATCH (n) WITH collect(n) AS ns FOREACH (x IN ns | SET x.y = 1)',
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    'CALL dbms.listConfig()',
    "CALL db.createLabel('Evil')",
    'SHOW SETTINGS YIELD name, value RETURN name, value',
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    'SHOW FUNCTIONS',
  ])('the EXPLAIN check alone refuses %s (no deny-list in front)', async (query) => {
    const err = await explainCheck(app.db, query, {}, TIMEOUT_MS).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(403);
  });

  it('the READ session alone refuses a write that reached Neo4j', async () => {
    const err = await app.db.read('CREATE (n:Evil) RETURN n').then(() => undefined, (e: unknown) => e);
    expect((err as AppError).status).toBe(403);
    expect((await counts())!.labels).not.toContain('Evil');
  });
});

describe('a query that would run for minutes', () => {
  it('is stopped within the timeout with 408, and the server keeps serving', async () => {
    const started = Date.now();
    const { status, body } = await cypher('MATCH (a), (b), (c), (d), (e), (f) RETURN sum(size(a.id) + size(f.id)) AS s');
    const elapsed = Date.now() - started;
    expect(status).toBe(408);
    expect(body.error.code).toBe('QUERY_TIMEOUT');
    expect(body.error.message).toMatch(/longer than the allowed time/);
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 3 + 2000);
    const after = await cypher('MATCH (n:Agency) RETURN count(n) AS c');
    expect(after.status).toBe(200);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });
});

describe('the console rate limit', () => {
  it('answers 429 in the error format once the per-minute budget is spent', async () => {
    const limited = await startTestApp({ CYPHER_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: { error?: { code: string } } = {};
      for (let i = 0; i < 5; i++) {
        const r = await cypher('RETURN 1 AS one', undefined, limited);
        statuses.push(r.status);
        last = r.body;
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(last.error?.code).toBe('RATE_LIMITED');
      expect((await fetch(`${limited.url}/api/schema`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
