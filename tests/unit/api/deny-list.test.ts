import { describe, expect, it } from 'vitest';
import { checkDenyList, stripPlanPrefix } from '../../../server/graph/cypher-console/deny-list.ts';
import { planViolation } from '../../../server/graph/cypher-console/explain-check.ts';
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
    'RETURN {set: 1, show: 2} AS m, [x IN [1, 2] | x] AS l',
    'MATCH (`show`) RETURN `show`',
    'WITH 1 AS x\u3000RETURN x',
    "RETURN '\\\\u0041' AS notAnEscape",
  ])('accepts the read %s', (q) => {
    expect(checkDenyList(q)).toEqual({ ok: true });
  });

  it('gives a reason that names what was refused', () => {
    expect(checkDenyList('MATCH (n) DETACH DELETE n').reason).toMatch(/DELETE|DETACH/);
    expect(checkDenyList('LOAD CSV FROM "x" AS l RETURN l').reason).toMatch(/LOAD/);
    expect(checkDenyList('CALL dbms.listConfig()').reason).toMatch(/dbms\.listconfig/);
    expect(checkDenyList('RETURN 1; RETURN 2').reason).toMatch(/one statement/);
    expect(checkDenyList('\u001cSHOW SETTINGS').reason).toMatch(/SHOW is an administration command/);
    expect(checkDenyList('UNWIND [1] AS show RETURN show').reason).toMatch(/backticks/);
  });

  it('refuses whatever does not start like a read, so no administration command gets in first', () => {
    for (const q of ['SHOW SETTINGS', 'TERMINATE TRANSACTIONS "x"', 'START DATABASE neo4j', 'CYPHER 5 RETURN 1', '(n)', 'FINISH']) {
      expect(checkDenyList(q).ok, q).toBe(false);
    }
  });

  it('ends a line comment at a carriage return, as Neo4j does', () => {
    expect(checkDenyList('// c\rSHOW SETTINGS').ok).toBe(false);
    expect(checkDenyList('MATCH (n) // c\rSET n.x = 1 RETURN n').reason).toMatch(/SET/);
  });

  it('refuses unicode escapes, which Neo4j decodes before it reads the query', () => {
    expect(checkDenyList('MATCH (n) \\u0053ET n.x = 1').reason).toMatch(/unicode escape.*line 1, column 11/);
    expect(checkDenyList("RETURN 'a\\u0027 AS x").ok).toBe(false);
  });

  it('strips a plan prefix typed after any white space Neo4j skips', () => {
    expect(stripPlanPrefix('\u001cEXPLAIN MATCH (n) RETURN n')).toBe(' MATCH (n) RETURN n');
    expect(stripPlanPrefix('EXPLAINED')).toBe('EXPLAINED');
  });
});

describe('the plan check', () => {
  const plan = (...ops: string[]) => ops.reduceRight<{ operatorType: string; children: unknown[] } | undefined>((child, op) => ({ operatorType: op, children: child ? [child] : [] }), undefined) as never;

  it('accepts plans made only of read operators', () => {
    expect(planViolation(plan('ProduceResults@neo4j', 'Limit@neo4j', 'Expand(All)@neo4j', 'NodeByLabelScan@neo4j'))).toBeUndefined();
  });

  it.each(['ShowSettings', 'ShowTransactions', 'TerminateTransactions', 'ShowProcedures', 'AdministrationCommand', 'SomeFutureOperator'])(
    'refuses a plan with %s, which Neo4j calls a read', (op) => {
      expect(planViolation(plan('ProduceResults@neo4j', `${op}@neo4j`))).toMatch(op);
    },
  );

  it('refuses any operator that runs against the system database', () => {
    expect(planViolation(plan('ProduceResults@system', 'AllNodesScan@system'))).toMatch(/system database/);
  });
});
