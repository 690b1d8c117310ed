import { describe, expect, it } from 'vitest';
import { checkDenyList, maskCypher, stripPlanPrefix } from '../../../server/graph/cypher-console/deny-list.ts';
import { CYPHER_ATTACKS } from '../../fixtures/cypher-attacks.ts';

describe('the console deny-list', () => {
  it('refuses every attack of the corpus except those left to the EXPLAIN check', () => {
    const passed = CYPHER_ATTACKS.filter((a) => checkDenyList(stripPlanPrefix(a.query)).ok).map((a) => a.why);
    expect(passed).toEqual([]);
  });

  it.each([
    'MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t LIMIT 10',
    "MATCH (n) WHERE n.name CONTAINS 'create' OR n.name = 'DELETE; DROP' RETURN n",
    'MATCH (n:`SET`) RETURN n.set, n.merge, $create',
    'MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c',
    "CALL db.index.fulltext.queryNodes('entity_names', '长乐') YIELD node RETURN node",
    'CALL db.labels() YIELD label RETURN label',
    'MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p // a trailing comment; with a semicolon',
    'RETURN 1;',
  ])('accepts the read %s', (q) => {
    expect(checkDenyList(q)).toEqual({ ok: true });
  });

  it('gives a reason that names what was refused', () => {
    expect(checkDenyList('MATCH (n) DETACH DELETE n').reason).toMatch(/DELETE|DETACH/);
    expect(checkDenyList('LOAD CSV FROM "x" AS l RETURN l').reason).toMatch(/LOAD CSV/);
    expect(checkDenyList('CALL dbms.listConfig()').reason).toMatch(/dbms\.listconfig/);
    expect(checkDenyList('RETURN 1; RETURN 2').reason).toMatch(/one statement/);
  });

  it('masks comments and string contents but keeps offsets', () => {
    const q = "RETURN 'a;b' // c\n/* d */ 1";
    const m = maskCypher(q);
    expect(m).toHaveLength(q.length);
    expect(m).not.toMatch(/[;cd]/);
  });
});
