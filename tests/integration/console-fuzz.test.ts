import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import fs from 'node:fs';
import { CYPHER_DIR, loadCypher } from '../../server/graph/cypher-files.ts';
import { checkDenyList, stripPlanPrefix } from '../../server/graph/cypher-console/deny-list.ts';
import { explainCheck } from '../../server/graph/cypher-console/explain-check.ts';
import { lexCypher } from '../../server/graph/cypher-console/lexer.ts';
import type { RunningServer } from '../../server/server.ts';
import { fuzzVariants, type FuzzVariant } from '../fixtures/cypher-attacks.ts';
import { loadFixtureGraph } from '../fixtures/graph/fixture-graph.ts';
import { startTestApp } from './helpers.ts';

let app: RunningServer;
const TIMEOUT_MS = 3000;
const variants = fuzzVariants();
const cypher = async (v: Pick<FuzzVariant, 'query' | 'params'>) => {
  const res = await fetch(`${app.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: v.query, params: v.params ?? {} }) });
  return { status: res.status, body: (await res.json()) as { rows?: unknown[]; error?: { message: string } } };
};
const graphSize = async () => (await app.db.read<{ n: number; labels: string[] }>('MATCH (n) RETURN count(n) AS n, collect(DISTINCT labels(n)) AS labels'))[0];

beforeAll(async () => {
  app = await startTestApp({ CYPHER_TIMEOUT_MS: String(TIMEOUT_MS), CYPHER_RATE_LIMIT_PER_MINUTE: '100000' });
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('the console against spellings of statements it refuses', () => {
  it.each(['\u001c', '\u001d', '\u001e', '\u001f'])('refuses SHOW SETTINGS behind the control character %j, which returned every setting before', async (c) => {
    const { status, body } = await cypher({ query: `${c}SHOW SETTINGS YIELD name, value RETURN name, value` });
    expect(status).toBe(403);
    expect(body.rows).toBeUndefined();
    expect(body.error?.message).toMatch(/SHOW is an administration command/);
  });

  it('has the plan check alone refuse every variant Neo4j can parse, except USE of the database already in use', async () => {
    const passed: string[] = [];
    let tried = 0;
    for (const v of variants) {
      let text: string;
      try {
        text = lexCypher(stripPlanPrefix(v.query)).normalised;
      } catch {
        continue; // refused by the lexer itself (invisible characters, unicode escapes)
      }
      tried++;
      const err = await explainCheck(app.db, text, v.params ?? {}, TIMEOUT_MS).then(() => undefined, (e: unknown) => e);
      if (err instanceof AppError) expect([400, 403], `${v.how}: ${err.message}`).toContain(err.status);
      // `USE neo4j MATCH (n) RETURN n` plans as the plain read it is; the lexical layer refuses every USE.
      else if (v.base !== 'USE neo4j MATCH (n) RETURN n') passed.push(`${v.how}: ${JSON.stringify(v.query)}`);
    }
    expect(tried).toBeGreaterThan(100);
    expect(passed).toEqual([]);
  });

  it('lets no variant return rows through the whole HTTP path, and leaves the graph unchanged', async () => {
    const before = await graphSize();
    // Every tenth variant (the lexical layer refuses all of them; the unit fuzz test checks that for each).
    const sample = variants.filter((_, i) => i % 10 === 0);
    const answered: string[] = [];
    for (const v of sample) {
      const { status, body } = await cypher(v);
      if (status === 200 || status >= 500 || body.rows !== undefined) answered.push(`${v.how}: ${status} ${JSON.stringify(v.query)}`);
    }
    expect(sample.length).toBeGreaterThanOrEqual(40);
    expect(answered).toEqual([]);
    expect(await graphSize()).toEqual(before);
  });
});

describe('the reads the console keeps accepting', () => {
  // The operator allow-list must not refuse what analysts write: each of these plans with other operators.
  const READS = [
    "MATCH (n:Entity) WHERE n.name CONTAINS '长' RETURN n LIMIT 5",
    'MATCH p = shortestPath((a:Agency)-[*..4]-(b:Task)) RETURN p LIMIT 3',
    'MATCH p = allShortestPaths((a:Agency)-[*..4]-(b:Task)) RETURN p LIMIT 3',
    'MATCH p = SHORTEST 1 (a:Agency)-[]-+(b:Task) RETURN p',
    'MATCH (a:Agency) OPTIONAL MATCH (a)-[r]->(t) RETURN a, count(r) ORDER BY count(r) DESC LIMIT 5',
    'MATCH (a:Agency) WHERE EXISTS { (a)-->(:Task) } RETURN a, COUNT { (a)-->() } AS c, COLLECT { MATCH (a)-->(t) RETURN t.name } AS ts',
    'MATCH (a:Agency) CALL (a) { MATCH (a)-->(t) RETURN count(t) AS c } RETURN a, c',
    'MATCH (a:Agency) RETURN a.name AS x UNION MATCH (t:Task) RETURN t.name AS x',
    'MATCH (n) RETURN count(n) AS nodes',
    'MATCH ()-[r:RESPONSIBLE_FOR]->() RETURN count(r) AS rels',
    'MATCH (n) WHERE elementId(n) = $id RETURN n',
    'MATCH (a:Agency) RETURN [(a)-->(t:Task) | t.name] AS names',
    'MATCH (a:Agency)-->(t:Task)<--(b:Agency) WHERE a <> b RETURN a, b, count(t) AS shared',
    'MATCH (a:Agency|Task) WHERE NOT (a)-->() RETURN a',
    'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n',
    'MATCH (a)-[:MEMBER_OF*]->(g) RETURN DISTINCT g SKIP 1 LIMIT 10',
    'CALL db.schema.visualization()',
  ];
  const curated = fs.readdirSync(`${CYPHER_DIR}/queries`).filter((f) => f.endsWith('.cypher')).map((f) => loadCypher(`queries/${f.slice(0, -'.cypher'.length)}`).text);
  const params = { id: 'x', ids: ['x'], agency: 'x', district: 'x', plan: 'x', document: 'x', indicator: 'x', year: 2020, limit: 10 };

  it('passes every layer for typical reads and the text of every curated query', async () => {
    const refused: string[] = [];
    for (const q of [...READS, ...curated]) {
      const verdict = checkDenyList(q);
      const err = verdict.ok ? await explainCheck(app.db, lexCypher(q).normalised, params, TIMEOUT_MS).then(() => undefined, (e: unknown) => e as AppError) : undefined;
      if (!verdict.ok || err?.status === 403) refused.push(`${verdict.reason ?? err?.message}: ${q.replace(/\s+/g, ' ').slice(0, 80)}`);
    }
    expect(curated.length).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });
});
