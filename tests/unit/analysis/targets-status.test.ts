import { describe, expect, it } from 'vitest';
import { assessTarget, compare, inUnitOf, splitUnit, summariseIndicators, type ReportPoint, type TargetPoint } from '../../../server/analysis/targets-status.ts';

const target = (over: Partial<TargetPoint> = {}): TargetPoint => ({ id: 't', value: 3000, unit: '个', comparator: '≥', year: 2019, ...over });
let n = 0;
const report = (over: Partial<ReportPoint> = {}): ReportPoint => ({ id: `r${++n}`, value: 6500, unit: '个', comparator: '=', year: 2021, asOf: '2021-03-23', ...over });

describe('units', () => {
  it('split a leading magnitude off the base unit', () => {
    expect(splitUnit('万个')).toEqual({ scale: 1e4, base: '个' });
    expect(splitUnit('亿元')).toEqual({ scale: 1e8, base: '元' });
    expect(splitUnit('万亿元')).toEqual({ scale: 1e12, base: '元' });
    expect(splitUnit('%')).toEqual({ scale: 1, base: '%' });
    expect(splitUnit('万')).toEqual({ scale: 1, base: '万' });
  });

  it('convert a report into the target unit, and refuse a different base unit', () => {
    expect(inUnitOf({ unit: '个' }, { value: 3, unit: '万个' })).toBe(30000);
    expect(inUnitOf({ unit: '亿元' }, { value: 1.2, unit: '万亿元' })).toBeCloseTo(12000);
    expect(inUnitOf({ unit: '%' }, { value: 3, unit: '个' })).toBeNull();
  });
});

describe('one comparison', () => {
  it('reads ≥, = and ≈ targets as a level to reach', () => {
    for (const c of ['≥', '=', '≈']) {
      expect(compare({ comparator: c, value: 3000 }, '=', 6500)).toBe('met');
      expect(compare({ comparator: c, value: 3000 }, '=', 3000)).toBe('met');
      expect(compare({ comparator: c, value: 30000 }, '=', 6500)).toBe('not-met');
    }
  });

  it('reads ≤ and < targets as ceilings', () => {
    expect(compare({ comparator: '≤', value: 5 }, '=', 5)).toBe('met');
    expect(compare({ comparator: '≤', value: 5 }, '=', 6)).toBe('not-met');
    expect(compare({ comparator: '<', value: 5 }, '=', 5)).toBe('not-met');
    expect(compare({ comparator: '<', value: 5 }, '=', 4.9)).toBe('met');
  });

  it('needs a strictly larger value for a > target', () => {
    expect(compare({ comparator: '>', value: 340 }, '=', 340)).toBe('not-met');
    expect(compare({ comparator: '>', value: 340 }, '=', 341)).toBe('met');
    expect(compare({ comparator: '>', value: 340 }, '>', 340)).toBe('met');
  });

  it('decides with a reported bound only when the bound is strong enough', () => {
    expect(compare({ comparator: '≥', value: 2000 }, '>', 2000)).toBe('met');
    expect(compare({ comparator: '≥', value: 3000 }, '>', 2000)).toBe('unclear');
    expect(compare({ comparator: '≥', value: 3000 }, '<', 2000)).toBe('not-met');
    expect(compare({ comparator: '≤', value: 10 }, '>', 12)).toBe('not-met');
  });
});

describe('a target against its indicator\'s reports', () => {
  it('is met by a later report above it', () => {
    const r = report();
    expect(assessTarget(target(), [r])).toEqual({ status: 'met', report: r, considered: 1 });
  });

  it('has no report yet when every report is from before the target year, and shows the latest as progress', () => {
    const early = report({ value: 2000, year: 2019, asOf: '2019-12-01' });
    const earliest = report({ value: 1000, year: 2018, asOf: '2018-12-01' });
    const a = assessTarget(target({ value: 30000, year: 2022 }), [earliest, early]);
    expect(a.status).toBe('no-report');
    expect(a.report).toBeUndefined();
    expect(a.earlier).toBe(early);
  });

  it('counts a report for the target year itself', () => {
    expect(assessTarget(target(), [report({ year: 2019, asOf: '2020-02-01', value: 2999 })]).status).toBe('not-met');
  });

  it('takes the closest year after the target, not the latest', () => {
    const y2020 = report({ year: 2020, asOf: '2020-06-01', value: 2500 });
    const y2023 = report({ year: 2023, asOf: '2023-06-01', value: 9000 });
    const a = assessTarget(target(), [y2023, y2020]);
    expect(a).toMatchObject({ status: 'not-met', report: y2020, considered: 2 });
  });

  it('takes the latest statement of several about the same year', () => {
    const first = report({ year: 2020, asOf: '2020-03-01', value: 2500 });
    const corrected = report({ year: 2020, asOf: '2021-01-15', value: 3100 });
    expect(assessTarget(target(), [corrected, first]).report).toBe(corrected);
    expect(assessTarget(target(), [first, corrected]).status).toBe('met');
  });

  it('converts 万 in the target before comparing', () => {
    const t = target({ value: 3, unit: '万个', year: 2022 });
    expect(assessTarget(t, [report({ value: 32000, year: 2023, asOf: '2023-01-01' })]).status).toBe('met');
    expect(assessTarget(t, [report({ value: 6500, year: 2022, asOf: '2022-05-01' })]).status).toBe('not-met');
  });

  it('ignores reports in another unit', () => {
    expect(assessTarget(target({ unit: '%' }), [report()])).toEqual({ status: 'no-report', considered: 0 });
  });

  it('compares a 新增 increment target with increment reports only', () => {
    const inc = target({ value: 20, unit: '项', measure: 'increment' });
    const cumulative = report({ value: 150, unit: '项' });
    const increment = report({ value: 12, unit: '项', measure: 'increment' });
    expect(assessTarget(inc, [cumulative]).status).toBe('no-report');
    expect(assessTarget(inc, [cumulative, increment])).toMatchObject({ status: 'not-met', report: increment, considered: 1 });
    expect(assessTarget(target({ unit: '项', value: 100 }), [increment, cumulative]).report).toBe(cumulative);
  });

  it('says undated rather than guessing when only reports without a date exist', () => {
    const undated = report({ year: null, asOf: null });
    expect(assessTarget(target(), [undated])).toEqual({ status: 'undated', report: undated, considered: 1 });
  });

  it('prefers a dated report after the target to an undated one', () => {
    const undated = report({ year: null, asOf: null, value: 100 });
    const dated = report({ year: 2020, asOf: '2020-12-31' });
    expect(assessTarget(target(), [undated, dated])).toMatchObject({ status: 'met', report: dated });
  });

  it('treats a report whose year was inferred from its text as dated, and says the status rests on that', () => {
    const inferred = report({ year: 2021, asOf: '2021-03-23', asOfInferred: true });
    expect(assessTarget(target(), [inferred])).toEqual({ status: 'met', report: inferred, considered: 1, dateInferred: true });
    expect(assessTarget(target({ year: 2022, value: 30000 }), [inferred])).toEqual({ status: 'no-report', earlier: inferred, considered: 1 });
    expect(assessTarget(target(), [report({ year: 2021 })]).dateInferred).toBeUndefined();
  });

  it('prefers a printed date to an inferred one of the same day', () => {
    const inferred = report({ id: 'a', asOfInferred: true, value: 100 });
    const printed = report({ id: 'b', asOfInferred: false });
    expect(assessTarget(target(), [inferred, printed])).toMatchObject({ status: 'met', report: printed });
    expect(assessTarget(target(), [printed, inferred]).dateInferred).toBeUndefined();
  });

  it('compares a target without a year with the latest dated report', () => {
    const older = report({ year: 2020, asOf: '2020-01-01', value: 5000 });
    const newer = report({ year: 2022, asOf: '2022-01-01', value: 2000 });
    expect(assessTarget(target({ year: null }), [older, newer])).toMatchObject({ status: 'not-met', report: newer });
  });

  it('says unclear when the report only gives a floor below the target', () => {
    expect(assessTarget(target(), [report({ comparator: '>', value: 2000 })]).status).toBe('unclear');
  });
});

describe('the indicator list', () => {
  it('puts the indicators with most targets lacking a report first', () => {
    const list = summariseIndicators([
      { indicator: 'a', status: 'met' },
      { indicator: 'b', status: 'no-report' },
      { indicator: 'c', status: 'no-report' },
      { indicator: 'c', status: 'no-report' },
      { indicator: 'a', status: 'undated' },
      { indicator: 'd', status: 'met' },
    ]);
    expect(list.map((s) => [s.indicator, s.lacking, s.targets])).toEqual([['c', 2, 2], ['b', 1, 1], ['a', 0, 2], ['d', 0, 1]]);
    expect(list[2]!.byStatus).toEqual({ 'met': 1, 'not-met': 0, 'unclear': 0, 'undated': 1, 'no-report': 0 });
  });
});
