import { describe, expect, it } from 'vitest';
import { foldWorkload, type WorkloadRow } from '../../../server/graph/queries/analysis-workload.ts';

const row = (agency: string, plan: string, year: number | null, led: number, supported: number, responsible: number, inherited: number, group = false): WorkloadRow => ({
  agency, plan, year, led, supported, responsible, inherited, total: led + supported + responsible + inherited,
  agencyNode: { properties: { id: `agency:${agency}`, name: agency, group, jurisdiction: '福州市' } },
  planNode: { properties: { id: `plan:${plan}` } },
});

describe('folding workload rows per agency', () => {
  it('sums an agency\'s plans overall and per year, plans without a year under "none"', () => {
    const [a] = foldWorkload([row('甲', 'p2019', 2019, 1, 2, 0, 3), row('甲', 'q2019', 2019, 0, 0, 4, 0), row('甲', 'old', null, 1, 0, 0, 0)]);
    expect(a).toMatchObject({ id: 'agency:甲', led: 2, supported: 2, responsible: 4, inherited: 3, total: 11, jurisdiction: '福州市', group: false });
    expect(a!.years).toEqual({ 2019: { led: 1, supported: 2, responsible: 4, inherited: 3, total: 10 }, none: { led: 1, supported: 0, responsible: 0, inherited: 0, total: 1 } });
    expect(a!.plans.map((p) => [p.id, p.total])).toEqual([['plan:p2019', 6], ['plan:q2019', 4], ['plan:old', 1]]);
  });

  it('ranks agencies by total, then by name', () => {
    const ranked = foldWorkload([row('乙', 'p', 2019, 0, 1, 0, 0), row('甲', 'p', 2019, 1, 0, 0, 0), row('丙', 'p', 2019, 3, 0, 0, 0, true)]);
    expect(ranked.map((a) => a.name)).toEqual(['丙', ...['甲', '乙'].sort((x, y) => x.localeCompare(y, 'zh'))]);
    expect(ranked[0]!.group).toBe(true);
  });
});
