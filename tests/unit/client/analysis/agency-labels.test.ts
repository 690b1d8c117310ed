/*
 * Agencies of several areas listed side by side: a name two of them share gets its area, so the collaboration
 * network and the workload chart tell 金乡县's and 立山区's 各街道办事处 apart.
 */
import { describe, expect, it } from 'vitest';
import { agencyLabels } from '../../../../client/src/modes/analysis/agency-labels.ts';
import { topAgencySeries, type AgencyWorkload } from '../../../../client/src/modes/analysis/workload-model.ts';

const jinxiang = { id: 'agency:济宁市金乡县各街道办事处', name: '各街道办事处', jurisdiction: '金乡县' };
const lishan = { id: 'agency:鞍山市立山区各街道办事处', name: '各街道办事处', jurisdiction: '立山区' };
const unknown = { id: 'agency:区发改局@xianan', name: '区发改局', jurisdiction: null };
const unknown2 = { id: 'agency:区发改局@other', name: '区发改局', jurisdiction: null };
const fuzhou = { id: 'agency:福州市发展和改革委员会', name: '福州市发展和改革委员会', jurisdiction: '福州市' };

describe('the labels of agencies listed side by side', () => {
  it('add the area only to names that two listed agencies share', () => {
    expect([...agencyLabels([jinxiang, lishan, fuzhou], 'zh').values()]).toEqual(['各街道办事处 · 金乡县', '各街道办事处 · 立山区', '福州市发展和改革委员会']);
  });

  it('say the area is unknown in the UI language when it is', () => {
    expect(agencyLabels([unknown, unknown2], 'en').get(unknown.id)).toBe('区发改局 · area unknown');
    expect(agencyLabels([unknown, unknown2], 'zh').get(unknown2.id)).toBe('区发改局 · 地区不明');
  });

  it('leave an agency listed twice under its one id as its name', () => {
    expect(agencyLabels([jinxiang, jinxiang], 'zh').get(jinxiang.id)).toBe('各街道办事处');
  });

  it('keep two same-named agencies apart in the workload chart\'s series', () => {
    const w = (a: typeof jinxiang): AgencyWorkload => ({ ...a, group: true, plans: [], years: { 2025: { led: 0, supported: 0, responsible: 2, inherited: 0, total: 2 } }, led: 0, supported: 0, responsible: 2, inherited: 0, total: 2 });
    const labels = agencyLabels([jinxiang, lishan], 'zh');
    expect(topAgencySeries([w(jinxiang), w(lishan)], ['2025'], 8, (a) => labels.get(a.id)!).map((s) => s.name)).toEqual(['各街道办事处 · 金乡县', '各街道办事处 · 立山区']);
  });
});
