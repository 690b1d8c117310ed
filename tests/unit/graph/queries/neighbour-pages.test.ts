/*
 * The neighbours endpoint reads one relationship type at a time (cypher/api/neighbors.cypher), cutting
 * a page of the whole order into pages of single types from the per-type totals; these check the cut,
 * the totals it reports, which types come out of a page-key index, and that the totals' Cypher, which
 * names every relationship type (one degree look-up per type and direction), names exactly RELATIONSHIP_TYPES.
 */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../../../server/extract/graph-facts.ts';
import { loadApiCypher } from '../../../../server/graph/queries/api-cypher.ts';
import { neighbourPages, type NeighborQuery, type TypeCount } from '../../../../server/graph/queries/nodes.ts';

const HUB: TypeCount[] = [
  { type: 'RESPONSIBLE_FOR', out: 10_408, in: 0 },
  { type: 'MEMBER_OF', out: 1, in: 0 },
  { type: 'GOVERNS', out: 2, in: 0 },
  { type: 'OF', out: 0, in: 0 },
];
const query = (q: Partial<NeighborQuery>): NeighborQuery => ({ direction: 'both', offset: 0, limit: 50, ...q });

describe('neighbourPages', () => {
  it('cuts the first page of a hub into its types in type order, the big one keyed', () => {
    const { totals, total, pages } = neighbourPages(HUB, query({}));
    expect(totals).toEqual({ RESPONSIBLE_FOR: 10_408, MEMBER_OF: 1, GOVERNS: 2 });
    expect(total).toBe(10_411);
    expect(pages).toEqual([
      { type: 'GOVERNS', offset: 0, limit: 2, keyed: false },
      { type: 'MEMBER_OF', offset: 0, limit: 1, keyed: false },
      { type: 'RESPONSIBLE_FOR', offset: 0, limit: 47, keyed: true },
    ]);
  });

  it('reads a later page from one type only, at its own offset', () => {
    expect(neighbourPages(HUB, query({ offset: 1_003 })).pages).toEqual([{ type: 'RESPONSIBLE_FOR', offset: 1_000, limit: 50, keyed: true }]);
    expect(neighbourPages(HUB, query({ offset: 10_400 })).pages).toEqual([{ type: 'RESPONSIBLE_FOR', offset: 10_397, limit: 11, keyed: true }]);
    expect(neighbourPages(HUB, query({ offset: 20_000 })).pages).toEqual([]);
  });

  it('keeps totals of every type under a type filter, but pages and totals only the filtered ones', () => {
    const { totals, total, pages } = neighbourPages(HUB, query({ types: ['MEMBER_OF', 'GOVERNS'] }));
    expect(totals).toEqual({ RESPONSIBLE_FOR: 10_408, MEMBER_OF: 1, GOVERNS: 2 });
    expect(total).toBe(3);
    expect(pages.map((p) => p.type)).toEqual(['GOVERNS', 'MEMBER_OF']);
  });

  it('counts only the asked direction, and reads a keyed type by expanding when the other side is in the page', () => {
    const both: TypeCount[] = [{ type: 'RESPONSIBLE_FOR', out: 3, in: 2 }, { type: 'HAS_TASK', out: 0, in: 1 }];
    expect(neighbourPages(both, query({ direction: 'in' }))).toEqual({
      totals: { RESPONSIBLE_FOR: 2, HAS_TASK: 1 }, total: 3,
      pages: [{ type: 'HAS_TASK', offset: 0, limit: 1, keyed: false }, { type: 'RESPONSIBLE_FOR', offset: 0, limit: 2, keyed: false }],
    });
    expect(neighbourPages(both, query({ direction: 'out' })).pages).toEqual([{ type: 'RESPONSIBLE_FOR', offset: 0, limit: 3, keyed: true }]);
    expect(neighbourPages(both, query({})).pages).toEqual([
      { type: 'HAS_TASK', offset: 0, limit: 1, keyed: false },
      { type: 'RESPONSIBLE_FOR', offset: 0, limit: 5, keyed: false },
    ]);
  });
});

describe('the per-type totals of the neighbours endpoint', () => {
  const typesIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]).sort();

  it('counts every relationship type both ways in neighbor-totals.cypher, and nothing else', () => {
    const text = loadApiCypher('neighbor-totals');
    expect(typesIn(text, /COUNT \{ \(n\)-\[:([A-Z_]+)\]->\(\) \}/g)).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(typesIn(text, /COUNT \{ \(n\)<-\[:([A-Z_]+)\]-\(\) \}/g)).toEqual([...RELATIONSHIP_TYPES].sort());
  });

});
