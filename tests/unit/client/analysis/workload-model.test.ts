import { describe, expect, it } from 'vitest';
import { agencySeries, nextSort, sortWorkload, topAgencySeries, type AgencyWorkload } from '../../../../client/src/modes/analysis/workload-model.ts';

const counts = (led: number, supported: number, responsible: number, inherited: number) => ({ led, supported, responsible, inherited, total: led + supported + responsible + inherited });
const agency = (id: string, name: string, years: Record<string, ReturnType<typeof counts>>): AgencyWorkload => {
  const total = Object.values(years).reduce((s, c) => ({ led: s.led + c.led, supported: s.supported + c.supported, responsible: s.responsible + c.responsible, inherited: s.inherited + c.inherited, total: s.total + c.total }), counts(0, 0, 0, 0));
  return { id, name, group: false, jurisdiction: null, plans: [], years, ...total };
};
const A = agency('a', '甲局', { 2019: counts(1, 0, 2, 0), 2020: counts(3, 1, 0, 0) });
const B = agency('b', '乙局', { 2019: counts(0, 5, 0, 0) });
const C = agency('c', '丙区', { 2020: counts(0, 0, 0, 4), none: counts(0, 0, 1, 0) });

describe('sorting the workload table', () => {
  it('sorts by a count in either direction, ties by total then name', () => {
    // 乙局 and 丙区 both have 5: 丙 (bǐng) comes before 乙 (yǐ) in pinyin order.
    expect(sortWorkload([A, B, C], { key: 'total', desc: true }).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(sortWorkload([A, B, C], { key: 'supported', desc: true }).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(sortWorkload([A, B, C], { key: 'inherited', desc: false }).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts by one year\'s total, an agency without that year counting zero', () => {
    expect(sortWorkload([A, B, C], { key: 'year:2020', desc: true }).map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });

  it('sorts by name in Chinese collation', () => {
    const byName = sortWorkload([A, B, C], { key: 'name', desc: false }).map((x) => x.name);
    expect(byName).toEqual([...byName].sort((x, y) => x.localeCompare(y, 'zh')));
  });

  it('flips direction on the same column and starts a new one descending, names ascending', () => {
    expect(nextSort({ key: 'total', desc: true }, 'total')).toEqual({ key: 'total', desc: false });
    expect(nextSort({ key: 'total', desc: true }, 'led')).toEqual({ key: 'led', desc: true });
    expect(nextSort({ key: 'total', desc: true }, 'name')).toEqual({ key: 'name', desc: false });
  });
});

describe('bar series over years', () => {
  const years = ['2019', '2020', 'none'];
  it('gives the leading agencies their totals per year, zero where they had none', () => {
    expect(topAgencySeries([A, B, C], years, 2)).toEqual([
      { name: '甲局', data: [3, 4, 0] },
      { name: '乙局', data: [5, 0, 0] },
    ]);
  });

  it('stacks one agency\'s tasks by how it holds them, labelled in the caller\'s words', () => {
    const s = agencySeries(C, years, { led: 'L', supported: 'S', responsible: 'R', inherited: 'I' });
    expect(s.map((x) => x.name)).toEqual(['L', 'S', 'R', 'I']);
    expect(s.every((x) => x.stack === 'tasks')).toBe(true);
    expect(s.find((x) => x.name === 'I')?.data).toEqual([0, 4, 0]);
    expect(s.find((x) => x.name === 'R')?.data).toEqual([0, 0, 1]);
  });
});
