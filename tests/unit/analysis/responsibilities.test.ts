import { describe, expect, it } from 'vitest';
import { collaborationCounts, filterChoices, ROLE_CODES, ROLE_SPACE, workloadCounts, type ResponsibilityScan, type ScanAgency } from '../../../server/analysis/responsibilities.ts';

const { lead: L, support: S, responsible: R } = ROLE_CODES;
const agency = (name: string, key: string, extra: Partial<ScanAgency> = {}): ScanAgency => ({
  key, id: `agency:${name}`, name, group: false, jurisdiction: '福州市', named: true, members: [], ...extra,
});
const named = (a: number, role: number) => a * ROLE_SPACE + role;

// 0 甲, 1 乙, 2 丙 and 3 the group 各区, whose members are 1 乙 and 2 丙. Element ids put 乙 (k1) before 甲 (k2).
const scan: ResponsibilityScan = {
  plans: [{ id: 'plan:p2019', name: 'p2019', year: 2019, tasks: 3 }, { id: 'plan:q2020', name: 'q2020', year: 2020, tasks: 1 }],
  agencies: [
    agency('甲', 'k2'), agency('乙', 'k1'), agency('丙', 'k3', { jurisdiction: '长乐区' }),
    agency('各区', 'k4', { group: true, members: [1, 2] }),
  ],
  tasks: [
    { plans: [0], named: [named(0, L), named(1, S)] },
    // 甲 printed as lead and as support: lead. The group leads; 乙 is also printed as support itself.
    { plans: [0], named: [named(0, S), named(0, L), named(3, L), named(1, S)] },
    { plans: [0], named: [named(0, R), named(3, S)] },
    { plans: [1], named: [named(0, S), named(1, S)] },
  ],
};
const all = { plan: '', year: 0, jurisdiction: '', limit: 100 };

describe('collaboration counted from the responsibility scan', () => {
  it('counts each pair once per task, split by kind, a direct role winning over the group\'s and lead over support', () => {
    const { pairs, truncated } = collaborationCounts(scan, { ...all, members: true });
    const of = (a: string, b: string) => pairs.find((p) => [scan.agencies[p.a]!.name, scan.agencies[p.b]!.name].sort().join() === [a, b].sort().join());
    // Tasks 1, 2 (甲 lead, 乙 support) and 4 (both support); task 3 through the group (乙 support).
    expect(of('甲', '乙')).toMatchObject({ sharedTasks: 4, leadSupport: 2, supportSupport: 1, joint: 1 });
    // 丙 only through the group: lead on task 2 (with 甲 lead: joint), support on task 3 (甲 responsible: joint).
    expect(of('甲', '丙')).toMatchObject({ sharedTasks: 2, leadSupport: 0, supportSupport: 0, joint: 2 });
    // Task 2: 乙 support (direct), 丙 lead (group); task 3: both support through the group.
    expect(of('乙', '丙')).toMatchObject({ sharedTasks: 2, leadSupport: 1, supportSupport: 1 });
    expect(pairs.some((p) => p.a === 3 || p.b === 3)).toBe(false);
    expect(truncated).toBe(false);
  });

  it('keeps a group as an agency of its own without members, and puts first the agency whose element id sorts first', () => {
    const { pairs } = collaborationCounts(scan, { ...all, members: false });
    const pair = pairs.find((p) => [p.a, p.b].sort().join() === '0,1')!;
    expect([scan.agencies[pair.a]!.name, scan.agencies[pair.b]!.name]).toEqual(['乙', '甲']);
    expect(pairs.some((p) => p.a === 3 || p.b === 3)).toBe(true);
    expect(pairs.some((p) => p.a === 2 || p.b === 2)).toBe(false);
  });

  it('filters by plan, year and jurisdiction, and cuts the heaviest pairs at the limit', () => {
    expect(collaborationCounts(scan, { ...all, year: 2020, members: true }).pairs).toHaveLength(1);
    expect(collaborationCounts(scan, { ...all, plan: 'q2020', members: true }).pairs).toHaveLength(1);
    expect(collaborationCounts(scan, { ...all, jurisdiction: '长乐区', members: true }).pairs).toEqual([]);
    const cut = collaborationCounts(scan, { ...all, limit: 1, members: true });
    expect(cut).toMatchObject({ truncated: true, pairs: [{ sharedTasks: 4 }] });
  });
});

describe('workload counted from the responsibility scan', () => {
  it('counts per agency and plan: direct by its strongest role, otherwise inherited through a group', () => {
    const { rows } = workloadCounts(scan, all);
    const row = (name: string, plan: number) => rows.find((r) => scan.agencies[r.agency]!.name === name && r.plan === plan);
    expect(row('甲', 0)).toMatchObject({ led: 2, responsible: 1, supported: 0, inherited: 0, total: 3 });
    expect(row('乙', 0)).toMatchObject({ supported: 2, inherited: 1, total: 3 });
    expect(row('丙', 0)).toMatchObject({ inherited: 2, total: 2 });
    expect(row('各区', 0)).toMatchObject({ led: 1, supported: 1, total: 2 });
    expect(row('甲', 1)).toMatchObject({ supported: 1, total: 1 });
    expect(rows.map((r) => r.total)).toEqual([...rows.map((r) => r.total)].sort((a, b) => b - a));
  });

  it('cuts at the row limit and says so', () => {
    expect(workloadCounts(scan, { ...all, limit: 2 })).toMatchObject({ truncated: true, rows: [{ total: 3 }, { total: 3 }] });
  });
});

describe('filter choices from the responsibility scan', () => {
  it('lists plans newest first and jurisdictions of named agencies by how many there are', () => {
    const { plans, jurisdictions } = filterChoices(scan);
    expect(plans.map((p) => p.id)).toEqual(['plan:q2020', 'plan:p2019']);
    expect(jurisdictions).toEqual([{ name: '福州市', agencies: 3 }, { name: '长乐区', agencies: 1 }]);
  });
});
