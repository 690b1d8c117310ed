/*
 * The workload table with other cities' documents loaded: each agency's area is a column that sorts (agencies
 * of no known area last, either way) and goes into the CSV file with the counts, in the order shown.
 */
import { describe, expect, it } from 'vitest';
import { nextSort, sortWorkload, workloadRows, type AgencyWorkload } from '../../../../client/src/modes/analysis/workload-model.ts';
import { ViewStateSchemas } from '../../../../client/src/modes/analysis/analysis-state.ts';

const counts = (led: number, supported: number) => ({ led, supported, responsible: 0, inherited: 0, total: led + supported });
const agency = (id: string, name: string, jurisdiction: string | null, group = false): AgencyWorkload =>
  ({ id, name, group, jurisdiction, plans: [], years: { 2023: counts(1, 2) }, ...counts(1, 2) });
const lishui = agency('agency:丽水市发改委', '丽水市发改委', '丽水市');
const fuzhou = agency('agency:福州市发展和改革委员会', '福州市发展和改革委员会', '福州市');
const unknown = agency('agency:doc:区发改局', '区发改局', null);
const towns = agency('agency:丽水市莲都区各乡镇(街道)', '各乡镇(街道)', '莲都区', true);

describe('the workload table\'s area column', () => {
  it('sorts by area in pinyin order, agencies of no known area last in either direction', () => {
    expect(sortWorkload([unknown, fuzhou, towns, lishui], { key: 'area', desc: false }).map((a) => a.jurisdiction)).toEqual(['福州市', '丽水市', '莲都区', null]);
    expect(sortWorkload([unknown, fuzhou, towns, lishui], { key: 'area', desc: true }).map((a) => a.jurisdiction)).toEqual(['莲都区', '丽水市', '福州市', null]);
  });

  it('starts ascending on a first click, like the names', () => {
    expect(nextSort({ key: 'total', desc: true }, 'area')).toEqual({ key: 'area', desc: false });
  });

  it('is a sort a share link or scene may carry', () => {
    const state = { plan: '', year: '', jurisdiction: '', sort: { key: 'area', desc: false }, picked: null };
    expect(ViewStateSchemas.workload.safeParse(state).success).toBe(true);
  });
});

describe('the workload CSV rows', () => {
  it('hold rank, name (a group marked), area, the five counts and each year, in the order given', () => {
    expect(workloadRows([towns, unknown], ['2023', 'none'], 'group')).toEqual([
      ['1', '各乡镇(街道) (group)', '莲都区', '1', '2', '0', '0', '3', '3', '0'],
      ['2', '区发改局', '', '1', '2', '0', '0', '3', '3', '0'],
    ]);
  });
});
