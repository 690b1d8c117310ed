import { describe, expect, it } from 'vitest';
import { groupSeries, planFamily, type SeriesPlan } from '../../../server/analysis/plan-series.ts';

const plan = (id: string, name: string, year: number, issuer: string | null, jurisdiction: string | null = '甲市'): SeriesPlan =>
  ({ id, name, year, issued: null, issuer, jurisdiction, tasks: 10, responsibilities: 5 });

describe('plan title families', () => {
  it('drop the years a plan\'s name carries, and the brackets they leave', () => {
    expect(planFamily('2019年数字福州工作要点')).toBe('数字福州工作要点');
    expect(planFamily('2020年度数字福州工作要点')).toBe('数字福州工作要点');
    expect(planFamily('数字福州建设三年行动计划(2018-2020年)')).toBe('数字福州建设三年行动计划');
    expect(planFamily('国家数字经济创新发展试验区(福州)工作方案')).toBe('国家数字经济创新发展试验区(福州)工作方案');
  });
});

describe('series of plans', () => {
  const plans = [
    plan('p21', '2021年数字甲市工作要点', 2021, '甲市大数据委'),
    plan('p19', '2019年数字甲市工作要点', 2019, null),
    plan('p20', '2020年数字甲市工作要点', 2020, '甲市大数据委'),
    plan('q20', '甲市智慧城市实施方案', 2020, '甲市人民政府'),
    plan('r19', '2019年数字乙市工作要点', 2019, null, '乙市'),
  ];

  it('offer a family\'s, an issuer\'s and a jurisdiction\'s plans in year order, annual series (one plan a year) first', () => {
    const series = groupSeries(plans);
    expect(series.map((s) => [s.id, s.plans.map((p) => p.id)])).toEqual([
      ['甲市|family|数字甲市工作要点', ['p19', 'p20', 'p21']],
      ['甲市|issuer|甲市大数据委', ['p20', 'p21']],
      ['甲市|jurisdiction|', ['p19', 'p20', 'q20', 'p21']],
    ]);
  });

  it('leave out a jurisdiction with a single plan and a narrower series that holds every plan', () => {
    const series = groupSeries(plans.filter((p) => p.id !== 'q20'));
    expect(series.map((s) => s.id)).toEqual(['甲市|jurisdiction|', '甲市|issuer|甲市大数据委']);
  });
});
