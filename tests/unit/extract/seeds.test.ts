import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFacts } from '../../../server/extract/index.ts';
import { GraphFacts } from '../../../server/extract/graph-facts.ts';
import { extractFile, ROOT, SEEDS } from './helpers.ts';

const files = readdirSync(SEEDS).sort().map((f) => path.join(SEEDS, f));
const results = files.map(extractFile);
const facts = mergeFacts(results.map((r) => r.facts));
const node = (id: string) => facts.nodes.find((n) => n.id === id);
const PLAN_2019 = '002_bccb920477d76c9e';

describe('the seed documents', () => {
  it('reproduce the gold responsibility table of the 2019 plan exactly', () => {
    const gold = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'gold', '2019-work-plan-responsibility.json'), 'utf8')) as {
      tasks: { number: string; title: string; responsible: string[] }[];
    };
    const expected = gold.tasks.flatMap((t) => t.responsible.map((u) => `${t.number}|${u}`)).sort();
    const got = facts.relationships
      .filter((r) => r.type === 'RESPONSIBLE_FOR' && r.to.startsWith(`task:${PLAN_2019}:`))
      .flatMap((r) => r.evidence.map((e) => `${String(node(r.to)!.props.number)}|${e.text}`))
      .sort();
    expect(got).toHaveLength(95);
    expect(got).toEqual(expected);
    for (const t of gold.tasks) expect(node(`task:${PLAN_2019}:${t.number}`)!.props.title).toBe(t.title);
  });

  it('resolve both spellings of the 市行政(市民)服务中心 committee to one agency', () => {
    const from = facts.relationships.filter((r) => r.type === 'RESPONSIBLE_FOR' && r.evidence.some((e) => e.text.startsWith('市行政(市民)')));
    expect(new Set(from.map((r) => r.from))).toEqual(new Set(['agency:福州市行政(市民)服务中心管委会']));
    expect(from.map((r) => node(r.to)!.props.number).sort()).toEqual(['10', '13']);
  });

  it('answer "every task 长乐区政府 is responsible for", directly and via 各县(市)区政府', () => {
    const agency = facts.nodes.find((n) => n.label === 'Agency' && n.aliases.includes('长乐区政府'))!;
    const groups = facts.relationships.filter((r) => r.type === 'MEMBER_OF' && r.from === agency.id).map((r) => r.to);
    const numbers = (from: string[]) => facts.relationships
      .filter((r) => r.type === 'RESPONSIBLE_FOR' && from.includes(r.from) && r.to.startsWith(`task:${PLAN_2019}:`))
      .map((r) => Number(node(r.to)!.props.number)).sort((a, b) => a - b);
    expect(numbers([agency.id])).toEqual([4, 5, 17, 18]);
    expect(numbers(groups)).toEqual([2, 10, 16, 21, 22, 23, 24]);
    expect(facts.relationships).toContainEqual(expect.objectContaining({ type: 'GOVERNS', from: agency.id, to: 'district:长乐区' }));
  });

  it('name 长乐区政府 and 各县(市)区政府 in the short form of the lists, with the 人民政府 forms as aliases', () => {
    const changle = node('agency:长乐区政府')!;
    expect([changle.name, changle.aliases.includes('长乐区人民政府')]).toEqual(['长乐区政府', true]);
    const group = node('agency:各县(市)区政府')!;
    expect([group.name, group.props.group, group.aliases.includes('各县(市)区人民政府')]).toEqual(['各县(市)区政府', true, true]);
    expect(facts.nodes.filter((n) => n.id.endsWith('区人民政府') || n.id.endsWith('县人民政府'))).toEqual([]);
    const direct = facts.relationships
      .filter((r) => r.type === 'RESPONSIBLE_FOR' && r.from === 'agency:长乐区政府' && r.to.startsWith(`task:${PLAN_2019}:`))
      .map((r) => Number(node(r.to)!.props.number)).sort((a, b) => a - b);
    expect(direct).toEqual([4, 5, 17, 18]);
    expect(facts.relationships).toContainEqual(expect.objectContaining({ type: 'MEMBER_OF', from: 'agency:长乐区政府', to: 'agency:各县(市)区政府' }));
    const viaGroup = facts.relationships
      .filter((r) => r.type === 'RESPONSIBLE_FOR' && r.from === 'agency:各县(市)区政府' && r.to.startsWith(`task:${PLAN_2019}:`))
      .map((r) => Number(node(r.to)!.props.number)).sort((a, b) => a - b);
    expect(viaGroup).toEqual([2, 10, 16, 21, 22, 23, 24]);
    expect(node('agency:福州市人民政府')!.aliases).toContain('市政府');
  });

  it('give evidence that slices the original decoded text exactly', () => {
    const originals = new Map(results.map((r) => [r.document.id, r.text]));
    let checked = 0;
    for (const r of facts.relationships) {
      for (const e of r.evidence) {
        expect(originals.get(e.document)!.slice(e.start, e.end)).toBe(e.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('validate against the GraphFacts schema and are identical on a second run', () => {
    expect(() => GraphFacts.parse(facts)).not.toThrow();
    const again = mergeFacts(files.map(extractFile).map((r) => r.facts));
    expect(JSON.stringify(again)).toBe(JSON.stringify(facts));
  });

  it('read the traditional-Chinese news report with pinyin like a simplified one', () => {
    const reported = facts.relationships.filter((r) => r.type === 'REPORTS' && r.from === 'document:000_827063e15739cfdd');
    const values = reported.map((r) => node(r.to)!).map((o) => `${String(o.props.value)}${String(o.props.unit)}`);
    expect(values).toEqual(expect.arrayContaining(['4600亿元', '6500个']));
    expect(node('observation:000_827063e15739cfdd:数字经济规模:1')!.props).toMatchObject({ value: 4600, unit: '亿元' });
    expect(results[0]!.document.kind).toBe('news');
  });

  it('put the 5G base stations of three documents on one Indicator', () => {
    const of = facts.relationships.filter((r) => r.type === 'OF' && r.to === 'indicator:5G基站').map((r) => node(r.from)!);
    const summary = of.map((n) => `${n.label}:${String(n.props.comparator)}${String(n.props.value)}${String(n.props.unit)}@${String(n.props.year ?? n.props.asOf)}`).sort();
    // 000's dateline (3月23日) prints no year; 仅2020年就… puts it in 2021 (inferred-date.ts), flagged as inferred.
    expect(summary).toEqual(['Observation:=6500个@2021', 'Target:=30000个@2022', 'Target:≥3000个@2019']);
    expect(of.find((n) => n.label === 'Observation')!.props).toMatchObject({ asOf: '2021-03-23', asOfKnown: false, asOfInferred: true });
  });

  it('keep percentages as percentages and resolve 亿 in counts', () => {
    const t = node('target:plan:国家数字经济创新发展试验区(福州)工作方案:数字经济占GDP比重:2022')!;
    expect(t.props).toMatchObject({ value: 55, unit: '%', comparator: '≥' });
    const reg = facts.nodes.find((n) => n.id.startsWith('target:task:004_cc59b3da73b69152:6:工业互联网标识解析二级节点标识注册量'))!;
    expect(reg.props).toMatchObject({ value: 270000000, unit: '个', comparator: '>', year: 2026 });
  });

  it('link plans: issuer, addressees, implemented and referenced plans', () => {
    const plan2025 = 'plan:福州市加快推进数字化全面赋能经济社会高质量发展实施方案';
    expect(facts.relationships).toContainEqual(expect.objectContaining({ type: 'ISSUED_BY', from: plan2025, to: 'agency:福州市人民政府' }));
    const addressed = facts.relationships.filter((r) => r.type === 'ADDRESSED_TO' && r.from === plan2025).map((r) => r.to).sort();
    expect(addressed).toEqual(expect.arrayContaining(['agency:福州新区管委会', 'agency:长乐区政府', 'agency:各县(市)区政府', 'agency:福州高新技术产业开发区管委会']));
    expect(facts.relationships).toContainEqual(expect.objectContaining({
      type: 'IMPLEMENTS', from: 'plan:2019年数字福州工作要点', to: 'plan:数字福州建设三年行动计划(2018-2020年)',
    }));
    expect(facts.relationships).toContainEqual(expect.objectContaining({ type: 'DESCRIBES', from: `document:${PLAN_2019}`, to: 'plan:2019年数字福州工作要点' }));
  });

  it('name parks without leading verbs and skip generic phrases', () => {
    const parks = facts.nodes.filter((n) => n.label === 'Park').map((n) => n.name);
    expect(parks).toContain('航天技术应用产业园');
    expect(parks.some((p) => p.startsWith('积极') || p.startsWith('推进'))).toBe(false);
    expect(parks).not.toContain('省级重点数字经济园区');
    expect(parks.some((p) => p.includes('工业园区'))).toBe(false);
    expect(facts.relationships).toContainEqual(expect.objectContaining({ type: 'LOCATED_IN', from: 'park:数字福建(长乐)产业园', to: 'district:长乐区' }));
  });

  it('make Indicators only of measurable noun phrases, with printed variants merged', () => {
    const keys = facts.nodes.filter((n) => n.label === 'Indicator').map((n) => String(n.props.key));
    for (const junk of ['事项', '省级', '市级', '服务', '规模', '首批', '工业等', '医保定点规划等', '海创云等', '往返每人每次至少花费',
      '为用户提供各项服务', '共实施数字福州政务类项目', '前三届数字峰会共签', '有数字经济上市企业', '具有本地产业特色', '第二届峰会',
      '首届峰会', '用户累计使用服务', '数据产品并实现可信流通', '孵化或引入人工智能多模态大模型', '研制数字化赋能领域标准',
      '福州拥有数字经济相关领域国家级众创空间']) expect(keys).not.toContain(junk);
    expect(keys).toEqual(expect.arrayContaining(['数字经济上市企业', '数字福州政务类项目', '人工智能多模态大模型', '数字化赋能领域标准',
      '数字经济相关领域国家级众创空间', '上云上平台工业企业', '新基建项目']));
    const listed = facts.relationships.filter((r) => r.type === 'OF' && r.to === 'indicator:数字经济上市企业').map((r) => node(r.from)!.props.value);
    expect(listed).toEqual([37, 37]);
    expect(node('target:plan:国家数字经济创新发展试验区(福州)工作方案:数字经济增加值:2022')!.props).toMatchObject({ value: 6500, unit: '亿元', comparator: '≥' });
    // 90 before 总投资/共享服务/服务请求 stopped being indicators and 新增 figures got their own (新增…) keys.
    expect(keys).toHaveLength(89);
  });

  it('keep only named Parks, Platforms, Companies, Institutions and Events', () => {
    const names = (label: string) => facts.nodes.filter((n) => n.label === label).map((n) => n.name);
    expect(names('Institution')).not.toContain('大院大所大实验室');
    expect(names('Event')).toEqual(['中国跨境电商交易会', '华为2019生态伙伴大会', '国家数字经济创新发展试验区(福建)建设新闻发布会', '数字中国创新大赛',
      '数字中国建设峰会', '海上丝绸之路国际文化旅游节']);
    // The hand count (tests/fixtures/gold/seed-entities.json) scores which ones are right.
    expect(names('Institution')).toHaveLength(25);
    expect(names('Park')).toHaveLength(24);
  });

  it('title the news report without a headline from its first sentence, not its photo caption', () => {
    expect(results[0]!.document.title).toBe('“国家数字经济创新发展试验区(福建)建设”新闻发布会');
  });

  it('describe documents with the ids, kinds and dates other tools rely on', () => {
    expect(facts.documents.map((d) => `${d.id}:${d.kind}:${d.issued ?? ''}`)).toEqual([
      '000_827063e15739cfdd:news:', '001_0856f0b3cc0e8334:news:2021-03-23', '002_bccb920477d76c9e:plan:',
      '003_2360da3e822a146f:plan:2021-12-27', '004_cc59b3da73b69152:plan:2025-09-25',
    ]);
    expect(ROOT).toBeTruthy();
  });
});
