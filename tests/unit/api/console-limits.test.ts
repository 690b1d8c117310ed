import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { checkNesting, checkParams, checkQueryLength, nestingDepth } from '../../../server/graph/cypher-console/limits.ts';

const limits = { maxQueryChars: 100, maxNesting: 10, maxParamDepth: 4, maxSubqueryDepth: 2 };
const deep = (n: number): unknown => { let v: unknown = 1; for (let i = 0; i < n; i++) v = [v]; return v; };

describe('the console size limits', () => {
  it('measures parameter depth without recursion, stopping just past the limit', () => {
    expect(nestingDepth(deep(3), 10)).toBe(3);
    expect(nestingDepth({ a: { b: [1] } }, 10)).toBe(3);
    expect(nestingDepth(deep(200_000), 16)).toBe(17);
  });

  it('refuses a parameter nested past the limit with a 400 naming the parameter and the setting', () => {
    const err = (() => { try { checkParams({ ok: deep(4), p: deep(5000) }, limits); } catch (e) { return e; } })() as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/'p'.*4 levels.*CYPHER_MAX_PARAM_DEPTH/);
  });

  it('refuses a query text over the limit, naming its length and the setting', () => {
    expect(() => checkQueryLength('x'.repeat(101), limits)).toThrow(/101 characters.*at most 100.*CYPHER_MAX_QUERY_CHARS/);
    expect(() => checkQueryLength('x'.repeat(100), limits)).not.toThrow();
  });

  it('refuses brackets or subqueries nested past their limits, naming each setting', () => {
    expect(() => checkNesting({ depth: 11, subqueryDepth: 0 }, limits)).toThrow(/brackets 11 levels deep.*CYPHER_MAX_NESTING/);
    expect(() => checkNesting({ depth: 6, subqueryDepth: 3 }, limits)).toThrow(/subqueries 3 levels deep.*CYPHER_MAX_SUBQUERY_DEPTH/);
    expect(() => checkNesting({ depth: 10, subqueryDepth: 2 }, limits)).not.toThrow();
  });
});
