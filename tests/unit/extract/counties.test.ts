import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/extract/extract-document.ts';
import { loadGazetteer } from '../../../server/extract/gazetteer.ts';
import { isZoneName, jurisdictionOfName, placeCounty } from '../../../server/extract/jurisdiction.ts';
import { FIXTURES, gazetteer, ROOT, unit, where } from './helpers.ts';

const SHA = '0'.repeat(64);

/** A notice signed by `issuer` whose one item lists `units` as 责任单位, with `prose` in its opening. */
function notice(issuer: string, units: string, prose = ''): string {
  return [
    `${issuer}关于印发重点工作责任分解方案的通知`,
    '各有关单位:',
    `  现将方案印发给你们,请认真贯彻执行。${prose}`,
    issuer,
    '2024年2月22日',
    '重点工作责任分解方案',
    `1. 推进项目建设。(责任单位:${units})`,
    '2. 完善数据共享。',
  ].join('\n');
}

function extract(id: string, text: string): ReturnType<typeof extractText> {
  return extractText(id, `${id}.txt`, text, SHA, gazetteer());
}

/** The jurisdiction a government's name stands for, without the clue it came from. */
function area(name: string): Record<string, unknown> {
  const { source: _source, ...rest } = jurisdictionOfName(name, gazetteer(), 'issuer') ?? { source: 'none' };
  return rest;
}

describe('a county whose document names another city', () => {
  it('gives 嘉鱼县 its own city and province (咸宁市, 湖北省) though its text names a Wuhan port park most', () => {
    const park = '围绕武汉新港潘湾工业园建设,加快武汉新港潘湾工业园基础设施配套。';
    const r = extract('jy', notice('嘉鱼县人民政府办公室', '县发改局、市发改委', park));
    expect(r.document).toMatchObject({ jurisdiction: '嘉鱼县', jurisdictionLevel: 'district' });
    expect(where(unit(r.facts, '县发改局'))).toEqual(['agency:咸宁市嘉鱼县发改局', '嘉鱼县', 'district']);
    expect(where(unit(r.facts, '市发改委'))).toEqual(['agency:咸宁市发改委', '咸宁市', 'city']);
  });

  it('gives every unit of the real 嘉鱼县 breakdown its city 咸宁市, none 武汉市', () => {
    const file = path.join(FIXTURES, 'genre', 'jiayu-2021-work-report-breakdown.txt');
    const r = extractText('jiayu', 'jiayu.txt', readFileSync(file, 'utf8'), SHA, gazetteer());
    const county = r.facts.nodes.filter((n) => n.label === 'Agency' && n.props.jurisdiction === '嘉鱼县').map((n) => n.id);
    expect(county.length).toBeGreaterThan(3);
    expect(county.filter((id) => !id.startsWith('agency:咸宁市嘉鱼县'))).toEqual([]);
  });

  it('places a county its unit names in another city\'s document by the table (嘉鱼县政府 in a Wuhan plan)', () => {
    const r = extract('wh', notice('武汉市人民政府办公厅', '嘉鱼县政府、江夏区政府'));
    expect(where(unit(r.facts, '嘉鱼县政府'))).toEqual(['agency:咸宁市嘉鱼县政府', '嘉鱼县', 'district']);
    expect(where(unit(r.facts, '江夏区政府'))).toEqual(['agency:武汉市江夏区政府', '江夏区', 'district']);
  });
});

describe('a district name several cities share', () => {
  it('is placed by the city the text names (朝阳区 with 北京 or 长春) and never by the look of its name (朝阳市)', () => {
    expect(area('朝阳区人民政府')).toEqual({ level: 'district', name: '朝阳区' });
    const beijing = extract('bj', notice('朝阳区人民政府办公室', '区发改委', '紧扣北京城市总体规划。'));
    expect(where(unit(beijing.facts, '区发改委'))).toEqual(['agency:北京市朝阳区发改委', '朝阳区', 'district']);
    const changchun = extract('cc', notice('朝阳区人民政府办公室', '区发改委', '服务长春现代化都市圈建设。'));
    expect(where(unit(changchun.facts, '区发改委'))).toEqual(['agency:长春市朝阳区发改委', '朝阳区', 'district']);
    // 朝阳县 is only 朝阳市's (辽宁省).
    expect(area('朝阳县人民政府')).toMatchObject({ name: '朝阳县', city: '朝阳市', province: '辽宁省' });
  });

  it('keeps it per document when no city or province the text names has one: a guess would merge two cities\' bodies', () => {
    const r = extract('cy', notice('朝阳区人民政府办公室', '区发改委、市发改委', '服务上海城市建设。'));
    expect(where(unit(r.facts, '区发改委'))).toEqual(['agency:朝阳区发改委@cy', '朝阳区', 'district']);
    expect(where(unit(r.facts, '市发改委'))).toEqual(['agency:市发改委@cy', '未知', 'unknown']);
    // A Guangzhou plan's 鼓楼区政府 is none of the four, and never Fuzhou's node.
    const gz = extract('gz', notice('广州市人民政府办公厅', '鼓楼区政府、天河区政府'));
    expect(where(unit(gz.facts, '鼓楼区政府'))).toEqual(['agency:鼓楼区政府@gz', '鼓楼区', 'district']);
    expect(where(unit(gz.facts, '天河区政府'))).toEqual(['agency:广州市天河区政府', '天河区', 'district']);
  });

  it('is placed within the province the text names when that province has one (a Jiangsu plan\'s 鼓楼区 is not Fuzhou\'s)', () => {
    const gaz = gazetteer();
    expect(placeCounty('鼓楼区', gaz, { cities: [], provinces: ['河南省'] })).toEqual({ name: '鼓楼区', level: 'district', city: '开封市', province: '河南省' });
    // 南京 and 徐州 both have one: the province is known, the city is not.
    expect(placeCounty('鼓楼区', gaz, { cities: [], provinces: ['江苏省'] })).toEqual({ name: '鼓楼区', level: 'district', province: '江苏省' });
    const r = extract('js', notice('鼓楼区人民政府办公室', '区发改委', '落实江苏省委部署。'));
    expect(where(unit(r.facts, '区发改委'))).toEqual(['agency:鼓楼区发改委@js', '鼓楼区', 'district']);
  });

  it('keeps the home city\'s district as before: 鼓楼区 in a Fuzhou plan, and a 鼓楼区 plan that names no city, is Fuzhou\'s', () => {
    const fz = extract('fz', notice('福州市人民政府办公厅', '鼓楼区政府、长乐区政府'));
    expect(where(unit(fz.facts, '鼓楼区政府'))).toEqual(['agency:鼓楼区政府', '鼓楼区', 'district']);
    expect(where(unit(fz.facts, '长乐区政府'))).toEqual(['agency:长乐区政府', '长乐区', 'district']);
    const gl = extract('gl', notice('鼓楼区人民政府办公室', '区发改局'));
    expect(where(unit(gl.facts, '区发改局'))).toEqual(['agency:鼓楼区发改局', '鼓楼区', 'district']);
  });
});

describe('county-level divisions of other kinds', () => {
  it('gives a county-level city directly under its province (仙桃市) the province and no city, and its 市X to itself', () => {
    expect(area('仙桃市人民政府')).toEqual({ level: 'district', name: '仙桃市', province: '湖北省' });
    const r = extract('xt', notice('仙桃市人民政府办公室', '市发改委、市人民政府', '对接武汉都市圈。'));
    expect(r.document).toMatchObject({ jurisdiction: '仙桃市', jurisdictionLevel: 'district' });
    expect(where(unit(r.facts, '市发改委'))).toEqual(['agency:仙桃市发改委', '仙桃市', 'district']);
  });

  it('gives a county-level city under a city (建德市, 绥芬河市) its city and province, district-level', () => {
    expect(area('建德市人民政府')).toEqual({ level: 'district', name: '建德市', city: '杭州市', province: '浙江省' });
    expect(area('绥芬河市人民政府')).toEqual({ level: 'district', name: '绥芬河市', city: '牡丹江市', province: '黑龙江省' });
  });

  it('gives a municipality\'s district the municipality as its city and province (渝中区 → 重庆市)', () => {
    expect(area('渝中区人民政府')).toEqual({ level: 'district', name: '渝中区', city: '重庆市', province: '重庆市' });
    const r = extract('yz', notice('渝中区人民政府办公室', '区发改委、市发改委'));
    expect(where(unit(r.facts, '区发改委'))).toEqual(['agency:重庆市渝中区发改委', '渝中区', 'district']);
    expect(where(unit(r.facts, '市发改委'))).toEqual(['agency:重庆市发改委', '重庆市', 'province']);
  });

  it('reads a one-character county only as a government\'s name (沁县人民政府 → 长治市), never 市县 or 各县', () => {
    expect(area('沁县人民政府')).toEqual({ level: 'district', name: '沁县', city: '长治市', province: '山西省' });
    expect(jurisdictionOfName('市县人民政府', gazetteer(), 'issuer')).toBeUndefined();
    expect(jurisdictionOfName('各县人民政府', gazetteer(), 'issuer')).toBeUndefined();
  });

  it('reads a listed division whose name is longer than the X区/X县 shape (鄂温克族自治旗, 长阳土家族自治县) with its city', () => {
    expect(area('鄂温克族自治旗人民政府办公室')).toEqual({ level: 'district', name: '鄂温克族自治旗', city: '呼伦贝尔市', province: '内蒙古自治区' });
    const r = extract('cy', notice('长阳土家族自治县人民政府办公室', '县发改局'));
    expect(where(unit(r.facts, '县发改局'))).toEqual(['agency:宜昌市长阳土家族自治县发改局', '长阳土家族自治县', 'district']);
  });

  it('reads a listed district before its government though its name has a character of verbs (来源: 莲都区人民政府办公室)', () => {
    const text = ['2023年重点工作责任分解', '来源: 莲都区人民政府办公室   发布时间: 2023-04-17', '1. 推进项目建设。(责任单位:区发改局)', '2. 完善数据共享。'].join('\n');
    const r = extract('ld', text);
    expect(r.document).toMatchObject({ jurisdiction: '莲都区', jurisdictionLevel: 'district' });
    expect(where(unit(r.facts, '区发改局'))).toEqual(['agency:丽水市莲都区发改局', '莲都区', 'district']);
    // In prose the guard stands: 新建区 is 南昌's, 加快新建区域 names no district.
    expect(jurisdictionOfName('加快新建区域建设', gazetteer(), 'text')).toBeUndefined();
  });

  it('never reads a zone as a division: the table lists none, and 浦东新区 or 苏州工业园区 stay unplaced', () => {
    const gaz = gazetteer();
    expect([...gaz.counties.keys()].filter(isZoneName)).toEqual([]);
    expect(placeCounty('浦东新区', gaz, { cities: ['上海市'], provinces: [] })).toBeUndefined();
    expect(placeCounty('苏州工业园区', gaz, { cities: ['苏州市'], provinces: [] })).toBeUndefined();
    const r = extract('hx', notice('武汉市人民政府办公厅', '东湖高新区管委会'));
    expect(where(unit(r.facts, '东湖高新区管委会'))).toEqual(['agency:武汉市东湖高新区管委会', '武汉市', 'city']);
  });
});

describe('the county table in the gazetteer', () => {
  const areas = 'areas:\n  - { province: 湖北省, short: [湖北], cities: [武汉, 咸宁] }\n  - { province: 重庆市, short: [重庆] }\n';
  const load = (counties: string) => loadGazetteer([{ name: 'areas.yaml', text: areas }, { name: 'counties.yaml', text: counties }]);

  it('reads each division with its city and province, a municipality\'s with the municipality, 直辖 with none', () => {
    const gaz = load('counties:\n  湖北省:\n    咸宁市: [嘉鱼县]\n    直辖: [仙桃市]\n  重庆市:\n    重庆市: [渝中区]\n');
    expect(gaz.counties.get('嘉鱼县')).toEqual([{ name: '嘉鱼县', level: 'district', province: '湖北省', city: '咸宁市' }]);
    expect(gaz.counties.get('仙桃市')).toEqual([{ name: '仙桃市', level: 'district', province: '湖北省' }]);
    expect(gaz.counties.get('渝中区')).toEqual([{ name: '渝中区', level: 'district', province: '重庆市', city: '重庆市' }]);
  });

  it('names the entry at fault: a city its province does not have, a province areas.yaml lacks, a name that is no division\'s', () => {
    expect(() => load('counties:\n  湖北省:\n    咸宁: [嘉鱼县]\n')).toThrow(/counties\.yaml: counties → 湖北省 → 咸宁: 咸宁 is not a city of 湖北省/);
    expect(() => load('counties:\n  湖南省:\n    长沙市: [长沙县]\n')).toThrow(/湖南省 → 长沙市: 湖南省 is not a province-level area/);
    expect(() => load('counties:\n  湖北省:\n    咸宁市: [嘉鱼]\n')).toThrow(/咸宁市: "嘉鱼" is not the name of a county-level division/);
    expect(() => load('counties:\n  湖北省: [嘉鱼县]\n')).toThrow(/counties\.yaml: counties\.湖北省/);
  });

  it('loads the committed table over the committed areas: 2,800 names, 鼓楼区 in four cities', () => {
    const gaz = gazetteer();
    expect(gaz.counties.size).toBeGreaterThan(2700);
    expect(gaz.counties.get('鼓楼区')?.map((a) => a.city)).toEqual(['南京市', '徐州市', '福州市', '开封市']);
    expect(readFileSync(path.join(ROOT, 'seeds', 'gazetteer', 'counties.yaml'), 'utf8')).toMatch(/scripts\/gazetteer\/counties-from-stats\.ts/);
  });
});
