import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/extract/extract-document.ts';
import { loadGazetteer, type Gazetteer } from '../../../server/extract/gazetteer.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gazetteer, ROOT, unit, where } from './helpers.ts';

const SHA = '0'.repeat(64);

/** A plan of `issuer` (signed and dated) whose one item lists `units` as 责任单位. */
function plan(issuer: string, title: string, units: string): string {
  return [
    `${issuer}关于印发${title}的通知`,
    '各有关单位:',
    `  现将《${title}》印发给你们,请认真贯彻执行。`,
    issuer,
    '2023年3月1日',
    title,
    '一、夯实基础',
    `1. 建设政务云平台。推进部门系统迁移上云。(责任单位:${units})`,
    '2. 完善数据共享。建立数据共享交换机制。',
  ].join('\n');
}

function extract(id: string, text: string, gaz: Gazetteer = gazetteer()): ReturnType<typeof extractText> {
  return extractText(id, `${id}.txt`, text, SHA, gaz);
}

describe('jurisdiction-aware agencies', () => {
  const fuzhou = extract('fz', plan('福州市人民政府', '福州市数字政府建设方案', '市人社局、市场监管总局、市直各有关单位、市效能办'));
  const guangzhou = extract('gz', plan('广州市人民政府', '广州市数字政府建设方案', '市人社局、市人力资源社会保障局、市直各有关单位、各区人民政府'));

  it('keeps a Guangzhou plan\'s 市人社局 apart from Fuzhou\'s and names it with its city', () => {
    expect(where(unit(fuzhou.facts, '市人社局'))).toEqual(['agency:福州市人力资源和社会保障局', '福州市', 'city']);
    expect(where(unit(guangzhou.facts, '市人社局'))).toEqual(['agency:广州市人社局', '广州市', 'city']);
    expect(unit(guangzhou.facts, '市人力资源社会保障局').name).toBe('广州市人力资源社会保障局');
    expect(guangzhou.document).toMatchObject({ jurisdiction: '广州市', jurisdictionLevel: 'city', issuer: '广州市人民政府' });
  });

  it('reads 市场监管总局 in a Fuzhou plan as the national body, never a Fuzhou one', () => {
    expect(where(unit(fuzhou.facts, '市场监管总局'))).toEqual(['agency:国家市场监督管理总局', '全国', 'national']);
    expect(fuzhou.facts.nodes.some((n) => n.id.includes('福州市场'))).toBe(false);
  });

  it('gives each city its own groups: a Guangzhou 市直各有关单位 is not Fuzhou\'s', () => {
    expect(where(unit(fuzhou.facts, '市直各有关单位'))).toEqual(['agency:市直各有关单位', '福州市', 'city']);
    expect(where(unit(guangzhou.facts, '市直各有关单位'))).toEqual(['agency:广州市直各有关单位', '广州市', 'city']);
    expect(where(unit(guangzhou.facts, '各区人民政府'))).toEqual(['agency:广州市各区政府', '广州市', 'city']);
    const kinds = extract('gz3', plan('广州市人民政府', '广州市政府工作报告任务分工', '各区、县级市人民政府,市政府各部门'));
    expect(unit(kinds.facts, '县级市人民政府').props).toMatchObject({ group: true, jurisdiction: '广州市' });
    expect(unit(kinds.facts, '市政府各部门').props).toMatchObject({ group: true, jurisdiction: '广州市' });
  });

  it('addresses a group printed in parts (各县、市、区人民政府) as one group of the city, like a list does', () => {
    const text = plan('滁州市人民政府', '滁州市重点工作分解', '市发改委').replace('各有关单位:', '各县、市、区人民政府,市政府各部门、各直属机构:');
    const d = extract('cz', text);
    const addressed = d.facts.relationships.filter((r) => r.type === 'ADDRESSED_TO').map((r) => r.to).sort();
    expect(addressed).toEqual(['agency:滁州市各县、市、区政府', 'agency:滁州市各直属机构', 'agency:滁州市政府各部门']);
  });

  it('shares one node for the same agency named in two documents of one city', () => {
    const other = extract('fz2', plan('福州市人民政府办公厅', '福州市智慧交通工作要点', '市人力资源和社会保障局、市效能办'));
    expect(unit(other.facts, '市人力资源和社会保障局').id).toBe(unit(fuzhou.facts, '市人社局').id);
    expect(unit(other.facts, '市效能办').id).toBe(unit(fuzhou.facts, '市效能办').id);
  });

  it('resolves a Xiamen plan\'s 省工信厅 to the province Xiamen is in, the node a Fujian plan names too', () => {
    const xiamen = extract('xm', plan('厦门市人民政府', '厦门市数字经济发展方案', '省工信厅、市工信局'));
    const fujian = extract('fj', plan('福建省人民政府', '福建省数字经济发展方案', '省工信厅、各设区市人民政府、省直有关单位'));
    expect(where(unit(xiamen.facts, '省工信厅'))).toEqual(['agency:福建省工信厅', '福建省', 'province']);
    expect(unit(fujian.facts, '省工信厅').id).toBe('agency:福建省工信厅');
    expect(where(unit(xiamen.facts, '市工信局'))).toEqual(['agency:厦门市工信局', '厦门市', 'city']);
    expect(where(unit(fujian.facts, '各设区市人民政府'))[1]).toBe('福建省');
    expect(where(unit(fujian.facts, '省直有关单位'))[1]).toBe('福建省');
  });

  it('gives a district plan\'s 区X units to the district, and its 市X units to the district\'s city', () => {
    const gulou = extract('gl', plan('福州市鼓楼区人民政府', '鼓楼区数字经济工作要点', '区发改局、市工信局、各街道办事处'));
    expect(gulou.document).toMatchObject({ jurisdiction: '鼓楼区', jurisdictionLevel: 'district' });
    expect(where(unit(gulou.facts, '区发改局'))).toEqual(['agency:鼓楼区发改局', '鼓楼区', 'district']);
    expect(where(unit(gulou.facts, '市工信局'))).toEqual(['agency:福州市工业和信息化局', '福州市', 'city']);
    expect(where(unit(gulou.facts, '各街道办事处'))).toEqual(['agency:鼓楼区各街道办事处', '鼓楼区', 'district']);
    const nanjing = extract('nj', plan('鼓楼区人民政府', '鼓楼区数字经济工作要点', '区发改局、鼓楼区政府').replace('一、夯实基础', '一、夯实基础\n  对标南京市整体部署。'));
    expect(nanjing.document).toMatchObject({ jurisdiction: '鼓楼区', jurisdictionLevel: 'district' });
    expect(unit(nanjing.facts, '区发改局').id).toBe('agency:南京市鼓楼区发改局');
    expect(unit(nanjing.facts, '鼓楼区政府').id).toBe('agency:南京市鼓楼区政府');
    const tianhe = extract('th', plan('广州市天河区人民政府', '天河区数字经济工作要点', '区发改局、天河区政府'));
    expect(where(unit(tianhe.facts, '区发改局'))).toEqual(['agency:广州市天河区发改局', '天河区', 'district']);
    expect(where(unit(tianhe.facts, '天河区政府'))).toEqual(['agency:广州市天河区政府', '天河区', 'district']);
  });

  it('keeps a district plan\'s units apart per document when nothing says which of the cities with a district of that name it is', () => {
    // 新华区 is 石家庄's, 沧州's and 平顶山's; the text names none of them.
    const text = ['新华区人民政府办公室关于印发重点工作责任分解的通知', '1. 推进项目建设。(责任单位:区发改局、市发改委)', '2. 完善数据共享。'].join('\n');
    const r = extract('xh', text);
    expect(r.document).toMatchObject({ jurisdiction: '新华区', jurisdictionLevel: 'district' });
    expect(where(unit(r.facts, '区发改局'))).toEqual(['agency:新华区发改局@xh', '新华区', 'district']);
    expect(where(unit(r.facts, '市发改委'))).toEqual(['agency:市发改委@xh', '未知', 'unknown']);
  });

  it('reads a county-level city\'s 市X as its own, not its prefecture\'s', () => {
    const fuqing = extract('fq', plan('福清市人民政府', '福清市数字经济工作要点', '市工信局、省工信厅'));
    expect(fuqing.document).toMatchObject({ jurisdiction: '福清市', jurisdictionLevel: 'district' });
    expect(where(unit(fuqing.facts, '市工信局'))).toEqual(['agency:福清市工信局', '福清市', 'district']);
    expect(unit(fuqing.facts, '省工信厅').props.jurisdiction).toBe('福建省');
  });

  it('keeps ministries and commissions national in any document, but a provincial list\'s bare 发改委 provincial', () => {
    const national = extract('gov', plan('国务院办公厅', '数字政府建设分工方案', '国家发展改革委、工信部、发展改革委、人民银行、国家数据局、司法部'));
    expect(national.document).toMatchObject({ jurisdiction: '全国', jurisdictionLevel: 'national' });
    expect(unit(national.facts, '国家发展改革委').id).toBe('agency:国家发展和改革委员会');
    expect(unit(national.facts, '发展改革委').id).toBe('agency:国家发展和改革委员会');
    expect(where(unit(national.facts, '工信部'))).toEqual(['agency:工业和信息化部', '全国', 'national']);
    for (const u of ['人民银行', '国家数据局', '司法部']) expect(unit(national.facts, u).props.jurisdiction).toBe('全国');
    const city = extract('fz3', plan('福州市人民政府', '福州市国防动员工作要点', '人武部、宣传部、审计署'));
    expect(unit(city.facts, '人武部').props.jurisdiction).toBe('福州市');
    expect(unit(city.facts, '宣传部').props.jurisdiction).toBe('福州市');
    expect(unit(city.facts, '审计署').props.jurisdiction).toBe('全国');
    // …工作部 is a department of a party committee or a zone, never a ministry.
    const zone = extract('gz9', plan('广州市人民政府', '广州市招商工作要点', '招商工作部、统战工作部'));
    expect(unit(zone.facts, '招商工作部').props.jurisdiction).toBe('广州市');
    expect(unit(zone.facts, '统战工作部').props.jurisdiction).toBe('广州市');
    const province = extract('fj2', plan('福建省人民政府', '福建省新区发展若干意见', '省住建厅、国土厅、发改委、工信部'));
    expect(unit(province.facts, '发改委').props.jurisdiction).toBe('福建省');
    expect(unit(province.facts, '国土厅').props.jurisdiction).toBe('福建省');
    expect(unit(province.facts, '工信部').props.jurisdiction).toBe('全国');
  });

  it('gives each city a provincial list names its own government, and the province a group of unnamed cities and counties', () => {
    const province = extract('hlj', plan('黑龙江省人民政府', '黑龙江省促进经济稳增长若干措施', '哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局、相关市、县政府'));
    expect(where(unit(province.facts, '哈尔滨'))).toEqual(['agency:哈尔滨市人民政府', '哈尔滨市', 'city']);
    expect(where(unit(province.facts, '黑河'))).toEqual(['agency:黑河市人民政府', '黑河市', 'city']);
    // A county-level city areas.yaml does not list reads as a city by its shape (a known limit): its own area all the same.
    expect(unit(province.facts, '绥芬河市政府').props.jurisdiction).toBe('绥芬河市');
    expect(unit(province.facts, '哈尔滨机场扩建指挥部').props.jurisdiction).toBe('哈尔滨市');
    expect(unit(province.facts, '省农垦总局').props).toMatchObject({ jurisdiction: '黑龙江省', jurisdictionLevel: 'province' });
    expect(unit(province.facts, '相关市、县政府').props).toMatchObject({ jurisdiction: '黑龙江省', group: true });
  });

  it('takes no issuer from a first sentence used as the title: its clause ending in 部署 is not a national 署', () => {
    const text = ['各州、市人民政府,省直各委、办、厅、局:', '为认真贯彻落实中央经济工作会议关于稳增长的各项决策部署,促进全省经济平稳发展,现提出以下意见:',
      '一、推进重大项目建设', '建立重点项目制度。(省发展改革委牵头;国家开发银行云南省分行、各州、市人民政府配合)'].join('\n');
    const r = extract('yn2', text);
    expect(r.document).toMatchObject({ jurisdiction: '云南省', jurisdictionLevel: 'province' });
    expect(unit(r.facts, '省发展改革委').props.jurisdiction).toBe('云南省');
    expect(unit(r.facts, '国家开发银行云南省分行').props.jurisdiction).toBe('云南省');
  });

  it('keeps the units of a document whose jurisdiction cannot be known apart, per document', () => {
    const text = ['数字乡村工作要点', '1. 建设益农信息社。(责任单位:市人社局、各县(市)区政府)', '2. 完善数据共享。'].join('\n');
    const a = extract('anon1', text);
    const b = extract('anon2', text);
    expect(a.document).toMatchObject({ jurisdiction: '未知', jurisdictionLevel: 'unknown' });
    expect(where(unit(a.facts, '市人社局'))).toEqual(['agency:市人社局@anon1', '未知', 'unknown']);
    expect(unit(b.facts, '市人社局').id).toBe('agency:市人社局@anon2');
    expect(unit(a.facts, '各县(市)区政府').id).not.toBe('agency:各县(市)区政府');
  });

  it('reads Fuzhou as the home city only when the text names it', () => {
    const text = ['福州数字乡村工作要点', '我市将加快建设。', '1. 建设益农信息社。(责任单位:市人社局)', '2. 完善数据共享。'].join('\n');
    expect(where(unit(extract('fzh', text).facts, '市人社局'))).toEqual(['agency:福州市人力资源和社会保障局', '福州市', 'city']);
  });
});

describe('document jurisdiction detection', () => {
  const items = '1. 建设政务云平台。(责任单位:市人社局)\n2. 完善数据共享。';
  const of = (text: string) => extract('d', text).document;

  it('takes a front-matter jurisdiction field first', () => {
    expect(of(`---\ntitle: 数字经济工作要点\njurisdiction: 广州市\n---\n数字经济工作要点\n${items}`)).toMatchObject({ jurisdiction: '广州市', jurisdictionLevel: 'city' });
  });

  it('reads the signature at the end', () => {
    expect(of(`数字经济工作要点\n${items}\n深圳市人民政府办公厅\n2022年5月6日`)).toMatchObject({ jurisdiction: '深圳市', issuer: '深圳市人民政府办公厅' });
  });

  it('reads a county named with one character from its government\'s signature, never 市县 or 各县 in a name', () => {
    expect(of(`数字经济工作要点\n${items}\n沁县人民政府办公室\n2025年5月18日`)).toMatchObject({ jurisdiction: '沁县', jurisdictionLevel: 'district', issuer: '沁县人民政府办公室' });
    // The signature above an announced attachment still signs the notice; its relative units are that county's.
    const notice = extract('qx', ['各乡、镇人民政府:', '现将任务清单印发给你们。', '附件:1.任务清单', '沁县人民政府办公室', '2025年5月18日', '附件1', '任务清单',
      '1.建设产业园。(责任单位:县发改局)', '2.打造生产基地。(责任单位:县商务局)'].join('\n'));
    expect(where(unit(notice.facts, '县发改局'))).toEqual(['agency:长治市沁县发改局', '沁县', 'district']);
    expect(of(`数字经济工作要点\n${items}\n市县人民政府\n2025年5月18日`)).toMatchObject({ jurisdiction: '未知' });
    expect(of(`数字经济工作要点\n${items}\n各县人民政府\n2025年5月18日`)).toMatchObject({ jurisdiction: '未知' });
  });

  it('reads the prefix of the document\'s own number', () => {
    expect(of(`穗府办〔2021〕5号\n数字经济工作要点\n${items}`)).toMatchObject({ jurisdiction: '广州市' });
    expect(of(`国办发〔2021〕11号\n数字经济工作要点\n${items}`)).toMatchObject({ jurisdiction: '全国', jurisdictionLevel: 'national' });
    // A number cited in the text is someone else's.
    expect(of(`数字经济工作要点\n根据《意见》(国发〔2021〕7号)制定。\n${items}`)).toMatchObject({ jurisdiction: '未知' });
  });

  it('reads the title, and the issuer before 关于 in any notice', () => {
    expect(of(`杭州市数字经济工作要点\n${items}`)).toMatchObject({ jurisdiction: '杭州市' });
    expect(of(`工业和信息化部办公厅关于组织开展示范项目申报工作的通知\n${items}`)).toMatchObject({ jurisdiction: '全国', issuer: '工业和信息化部办公厅' });
    expect(of(`工业和信息化部等十部门关于印发数字化转型行动方案的通知\n${items}`)).toMatchObject({ jurisdiction: '全国' });
    expect(of(`财政部 科技部 教育部 发展改革委关于进一步做好科研项目资金管理的通知\n${items}`)).toMatchObject({ jurisdiction: '全国' });
  });

  it('reads 我市 with the city the text names, 本省 with the province, and 结合X实际', () => {
    expect(of(`数字经济工作要点\n我市与南京相比,南京市领先。\n${items}`)).toMatchObject({ jurisdiction: '南京市' });
    expect(of(`数字经济工作要点\n全省上下,江西省各地。\n${items}`)).toMatchObject({ jurisdiction: '江西省', jurisdictionLevel: 'province' });
    expect(of(`数字经济工作要点\n结合官渡区实际,制定如下措施。\n${items}`)).toMatchObject({ jurisdiction: '官渡区', jurisdictionLevel: 'district' });
    expect(of(`数字经济工作要点\n我区将加快推进。天河区数字经济规模居前,推动天河区与周边协同,高于全市平均。\n${items}`)).toMatchObject({ jurisdiction: '天河区', jurisdictionLevel: 'district' });
  });

  it('never starts a district name with the 年 of a date (2023年浔阳区 is 浔阳区)', () => {
    expect(of(`关于印发《2023年浔阳区政务公开工作要点》通知\n2023年浔阳区政务公开工作要点\n全区政务公开工作的要求。\n${items.replace('市人社局', '区人社局')}`))
      .toMatchObject({ jurisdiction: '浔阳区', jurisdictionLevel: 'district' });
  });

  it('reads a district printed after its city and before its government even when its name has a verb character (南昌市新建区人民政府)', () => {
    const d = extract('d', `南昌市新建区人民政府办公室关于印发2024年新建区政务公开工作要点的通知\n${items.replace('市人社局', '区发改委')}`);
    expect(d.document).toMatchObject({ jurisdiction: '新建区', jurisdictionLevel: 'district' });
    expect(where(unit(d.facts, '区发改委'))).toEqual(['agency:南昌市新建区发改委', '新建区', 'district']);
    // In prose, 新建 stays a verb: 加快新建区域中心 names no district.
    expect(of(`数字经济工作要点\n我区加快新建区域中心。\n${items}`)).toMatchObject({ jurisdiction: '未知' });
  });

  it('reads an unlisted number prefix as the area whose name starts with it: a city the text names, or the county a bare 县 notice names in short', () => {
    expect(of(`许政 [2020] 20号\n各县(市、区)人民政府:\n许昌市人民政府文件\n${items}`)).toMatchObject({ jurisdiction: '许昌市', jurisdictionLevel: 'city' });
    const county = ['嘉政办发〔2021〕5号', '县人民政府办公室关于对重点事项进行责任分解的通知', '各镇人民政府,嘉鱼经济开发区:',
      '现将市《政府工作报告》涉及嘉鱼的重点事项分解给你们。', items.replace('市人社局', '县财政局')].join('\n');
    const d = extract('d', county);
    expect(d.document).toMatchObject({ jurisdiction: '嘉鱼县', jurisdictionLevel: 'district' });
    expect(unit(d.facts, '县财政局').props).toMatchObject({ jurisdiction: '嘉鱼县', jurisdictionLevel: 'district' });
    // Two cities the prefix could stand for, or none named: not known.
    expect(of(`常政发〔2023〕1号\n常州市与常德市合作。\n${items}`)).toMatchObject({ jurisdiction: '未知' });
    expect(of(`许政 [2020] 20号\n数字经济工作要点\n${items}`)).toMatchObject({ jurisdiction: '未知' });
  });

  it('reads the government a news report says issued the plan (渝中区人民政府办公室发布《…》) as the area of the report, not as its issuer', () => {
    const report = (who: string): string => `近日,${who}发布《2023年区政府工作报告重点工作目标任务分解》方案。\n一、主要预期指标\n1.地区生产总值增长5%左右。\n牵头单位:区发改委\n责任单位:区税务局、区国资委等\n2.区级一般公共预算收入增长5%。`;
    const d = extract('d', report('渝中区人民政府办公室'));
    expect(d.document).toMatchObject({ jurisdiction: '渝中区', jurisdictionLevel: 'district' });
    expect(d.document.issuer).toBeUndefined();
    expect(unit(d.facts, '区发改委').props).toMatchObject({ jurisdiction: '渝中区', jurisdictionLevel: 'district' });
    expect(unit(d.facts, '区税务局').props).toMatchObject({ jurisdiction: '渝中区', jurisdictionLevel: 'district' });
    // Only a government or its office before 印发/发布《 says so, and only from the start of its name.
    expect(extract('e', report('区政府')).document).toMatchObject({ jurisdiction: '未知' });
    expect(extract('f', report('区发改委')).document).toMatchObject({ jurisdiction: '未知' });
    expect(extract('g', report('日前渝中区人民政府')).document).toMatchObject({ jurisdiction: '渝中区' });
  });

  it('reads a national body a news report says issued the plan (近日国家能源局印发…的通知), with or without 《》, as national', () => {
    const report = (lead: string): string => `能源局:2022年乡村振兴工作要点\n${lead}\n一、协调推动基础设施建设\n(一)持续提升供电保障能力。推进农村电网建设。〔新能源司、电力司牵头〕`;
    expect(extract('n', report('近日国家能源局印发2022年乡村振兴定点帮扶工作要点的通知。')).document).toMatchObject({ jurisdiction: '全国', jurisdictionLevel: 'national' });
    expect(unit(extract('n2', report('日前,工业和信息化部印发《2022年工作要点》。')).facts, '新能源司').props).toMatchObject({ jurisdiction: '全国' });
    // A local body reported the same way is not national, and says nothing without a government's name.
    expect(extract('l', report('近日,区发改委印发2022年工作要点的通知。')).document).toMatchObject({ jurisdiction: '未知' });
  });

  it('keeps two areas\' plans of one title apart: a title naming no area is its document\'s area\'s plan, or its document\'s alone', () => {
    const plans = (id: string, text: string): string[] => extract(id, text).facts.nodes.filter((n) => n.label === 'Plan').map((n) => n.id).sort();
    const report = (area: string) => `${area}人民政府办公室关于印发2024年政府工作报告重点工作分工方案的通知\n为落实《政府工作报告》,制定本方案。\n1.推进项目建设。(责任单位:区发改局)`;
    expect(plans('a', report('莲都区'))).toEqual(['plan:莲都区2024年政府工作报告重点工作分工方案', 'plan:莲都区政府工作报告']);
    expect(plans('b', report('沙坪坝区'))).toEqual(['plan:沙坪坝区2024年政府工作报告重点工作分工方案', 'plan:沙坪坝区政府工作报告']);
    // A title naming its area, or a national document's plan, is one plan wherever it is printed.
    expect(plans('c', '福州市人民政府关于印发2019年数字福州工作要点的通知\n1.建设平台。(责任单位:市大数据委)')).toEqual(['plan:2019年数字福州工作要点']);
    expect(plans('d', '国务院办公厅关于印发2024年政务公开工作要点的通知\n1.推进公开。(责任单位:国家发展改革委)')).toEqual(['plan:2024年政务公开工作要点']);
    // An unknown area keeps the plan to its document.
    expect(plans('e', '2024年重点工作分工方案\n1.推进项目建设。(责任单位:区发改局)')).toEqual(['plan:2024年重点工作分工方案@e']);
  });

  it('does not take the issuer of a cited notice (根据《国务院办公厅关于印发…的通知》) as the document\'s', () => {
    const text = `2022年红谷滩区政务公开工作要点\n根据《国务院办公厅关于印发2022年政务公开工作要点的通知》(国办发〔2022〕8号)、《江西省人民政府办公厅关于印发2022年江西省政务公开工作要点的通知》等文件精神,结合我区实际,制定本工作要点。\n${items.replace('市人社局', '区人社局')}`;
    expect(of(text)).toMatchObject({ jurisdiction: '红谷滩区', jurisdictionLevel: 'district' });
    expect(of(text).issuer).toBeUndefined();
  });
});

describe('a user\'s city in the gazetteer folder', () => {
  it('resolves that city\'s aliases in its documents only', () => {
    const dir = path.join(ROOT, 'seeds', 'gazetteer');
    const files = ['areas.yaml', 'fuzhou.yaml', 'national.yaml'].map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
    files.push({ name: 'guangzhou.yaml', text: 'jurisdiction: 广州市\nprovince: 广东省\nentities:\n  - { name: 广州市人力资源和社会保障局, type: agency, aliases: [市人社局] }\n' });
    const gaz = loadGazetteer(files);
    const gz = extract('gz', plan('广州市人民政府', '广州市数字政府建设方案', '市人社局'), gaz);
    const fz = extract('fz', plan('福州市人民政府', '福州市数字政府建设方案', '市人社局'), gaz);
    expect(where(unit(gz.facts, '市人社局'))).toEqual(['agency:广州市人力资源和社会保障局', '广州市', 'city']);
    expect(unit(fz.facts, '市人社局').id).toBe('agency:福州市人力资源和社会保障局');
  });

  it('reads a signing city whose name has a character of verbs (建德市人民政府) as the document\'s area, and its 市X as its own', () => {
    const r = extract('jd', plan('建德市人民政府', '关于推动经济高质量发展的若干政策', '市科技局'));
    expect(r.document).toMatchObject({ jurisdiction: '建德市', issuer: '建德市人民政府' });
    expect(unit(r.facts, '市科技局').props.jurisdiction).toBe('建德市');
    // A group or a relative name signing is still no area: 各县市 / 本市 never become a city.
    expect(extract('gx', plan('各县市政府', '关于推动经济高质量发展的若干政策', '市科技局')).document.jurisdiction).not.toBe('各县市');
  });

  it('reads the area that opens a title before its year (谯城区2025年…) even with a character of verbs in its name', () => {
    const r = extract('qc', ['谯城区2025年政府工作报告重点工作任务分解表', '1.地区生产总值增长6.5%左右。(责任单位:区发改委)'].join('\n'));
    expect(r.document).toMatchObject({ jurisdiction: '谯城区', jurisdictionLevel: 'district' });
    expect(unit(r.facts, '区发改委').props.jurisdiction).toBe('谯城区');
    // In prose the same words are no area: 城区2025年 / 主城区 name none.
    expect(extract('zc', ['主城区2025年工作要点', '1.推进更新。(责任单位:区住建局)'].join('\n')).document.jurisdiction).not.toBe('主城区');
  });

  it('names the file at fault when two files claim the home city', () => {
    expect(() => loadGazetteer([{ name: 'a.yaml', text: 'city: 福州\n' }, { name: 'b.yaml', text: 'city: 厦门\n' }])).toThrow(/b\.yaml.*home city/);
  });
});

describe('autonomous prefectures, central bodies\' branches and reported State Council documents', () => {
  /** A prefecture plan printed the way its documents print it: 州X for its own bodies. */
  const prefecture = (area: string, units: string) => [
    `${area}人民政府办公室关于印发2021年民生实事实施方案的通知`,
    '各县市人民政府,州直有关部门:',
    '一、就业增收',
    `1.以就业促增收。全面落实就业优先政策。(牵头部门:州人力资源和社会保障局;责任单位:${units})`,
  ].join('\n');

  it('knows an autonomous prefecture by its short form (楚雄州) and reads its 州X as the prefecture\'s own body', () => {
    const d = extract('cx', prefecture('楚雄州', '州就业工作领导小组各成员单位,10县市人民政府'));
    expect(d.document).toMatchObject({ jurisdiction: '楚雄彝族自治州', jurisdictionLevel: 'city' });
    expect(where(unit(d.facts, '州人力资源和社会保障局'))).toEqual(['agency:楚雄彝族自治州人力资源和社会保障局', '楚雄彝族自治州', 'city']);
    // A count of counties (10县市人民政府, like 九县市人民政府) is a group of the prefecture, not an area called 10县市.
    expect(unit(d.facts, '10县市人民政府').props).toMatchObject({ group: true, jurisdiction: '楚雄彝族自治州' });
    // 州直有关部门 is a group word, like 市直有关部门.
    const direct = extract('cx2', prefecture('楚雄州', '州直有关部门'));
    expect(unit(direct.facts, '州直有关部门').props).toMatchObject({ group: true, jurisdiction: '楚雄彝族自治州' });
  });

  it('places another prefecture\'s body by its short form, and keeps a province\'s short name for the province (海南, not 海南州)', () => {
    const d = extract('hd', plan('海东市人民政府', '兰西城市群建设任务清单', '海东市、临夏州发展改革部门'));
    expect(unit(d.facts, '临夏州发展改革部门').props).toMatchObject({ jurisdiction: '临夏回族自治州', jurisdictionLevel: 'city' });
    expect(extract('hn', plan('海南州人民政府', '海南州2021年工作要点', '州发展改革委')).document).toMatchObject({ jurisdiction: '海南藏族自治州' });
    expect(extract('hs', plan('海南省人民政府', '海南省2021年工作要点', '省发展改革委')).document).toMatchObject({ jurisdiction: '海南省', jurisdictionLevel: 'province' });
    // Outside a prefecture a leading 州 is not expanded.
    expect(unit(extract('fz', plan('福州市人民政府', '福州市工作要点', '州际协作办公室')).facts, '州际协作办公室').id).not.toContain('福州市州');
  });

  it('reads a central body\'s branch named after a listed province (人民银行辽宁省分行) as that province\'s, never a province called 人民银行辽宁省', () => {
    const d = extract('ln', plan('辽宁省人民政府', '辽宁省政府工作报告重点工作分工', '人民银行辽宁省分行、省发展改革委'));
    expect(unit(d.facts, '人民银行辽宁省分行').props).toMatchObject({ jurisdiction: '辽宁省', jurisdictionLevel: 'province' });
    // An area the gazetteer does not list is still read by its shape.
    const unlisted = extract('ul', plan('某某省人民政府', '某某省工作要点', '省发展改革委'));
    expect(unlisted.document.jurisdiction).not.toBe('未知');
  });

  it('reads a repost that says the State Council issued the document (近日,国务院发布关于…的意见) as national, with 供销合作总社 a national body', () => {
    const text = [
      '国务院发布落实《政府工作报告》重点工作部门分工意见',
      '近日,国务院发布关于落实《政府工作报告》重点工作部门分工的意见,提出部门分工。',
      '(二十四)健全城乡融合发展体制机制。科学制定规划。(国家发展改革委、农业农村部牵头,有关部门按职责分工负责)',
      '(二十五)推进农业供给侧结构性改革。促进农林牧渔业创新发展。(农业农村部、商务部、供销合作总社等按职责分工负责)',
    ].join('\n');
    const d = extract('gov', text);
    expect(d.document).toMatchObject({ jurisdiction: '全国', jurisdictionLevel: 'national' });
    expect(where(unit(d.facts, '供销合作总社'))).toEqual(['agency:中华全国供销合作总社', '全国', 'national']);
    expect(unit(d.facts, '有关部门').props).toMatchObject({ jurisdiction: '全国' });
  });
});
