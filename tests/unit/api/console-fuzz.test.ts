import { describe, expect, it } from 'vitest';
import { checkDenyList, stripPlanPrefix } from '../../../server/graph/cypher-console/deny-list.ts';
import { fuzzVariants, INVISIBLES, NEO4J_SPACES } from '../../fixtures/cypher-attacks.ts';

describe('the console fuzz corpus', () => {
  const variants = fuzzVariants();

  it('is the same on every run and puts every white-space and invisible character in a gap', () => {
    expect(fuzzVariants().map((v) => v.query)).toEqual(variants.map((v) => v.query));
    expect(variants.length).toBeGreaterThanOrEqual(400);
    for (const c of [...NEO4J_SPACES, ...INVISIBLES]) expect(variants.some((v) => v.how.includes(JSON.stringify(c)))).toBe(true);
  });

  it('is refused whole by the lexical layer, without a database round trip', () => {
    const passed = variants.filter((v) => checkDenyList(stripPlanPrefix(v.query)).ok).map((v) => `${v.how}: ${JSON.stringify(v.query)}`);
    expect(passed).toEqual([]);
  });
});
