import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/extract/extract-document.ts';
import { parseStructure, publicationDate, splitLines } from '../../../server/extract/structure.ts';
import { gazetteer } from './helpers.ts';

const extract = (text: string) => extractText('doc', 'doc.txt', text, '0'.repeat(64), gazetteer());
const dateOf = (text: string) => publicationDate(splitLines(text));

describe('the header of a document', () => {
  it('joins a plan title printed over two lines', () => {
    const st = parseStructure('泉州市推进工业互联网创新发展\n三年行动方案\n一、总体要求\n1.加快建设。');
    expect(st.planTitle).toBe('泉州市推进工业互联网创新发展三年行动方案');
    expect(st.documentTitle).toBe('泉州市推进工业互联网创新发展三年行动方案');
  });

  it('joins a notice title over two lines and starts the plan after its own title printed again', () => {
    const text = ['泉州市人民政府关于印发泉州市推进工业互联网',
      '创新发展三年行动方案的通知', '各县(市、区)人民政府:', '现印发给你们,请认真贯彻执行。', '泉州市人民政府', '2023年4月2日',
      '泉州市推进工业互联网创新发展', '三年行动方案', '为加快发展,制定本方案。', '一、总体要求', '1.建设平台。'].join('\n');
    const st = parseStructure(text);
    expect(st.planTitle).toBe('泉州市推进工业互联网创新发展三年行动方案');
    expect(text.slice(st.bodyStart).startsWith('为加快发展')).toBe(true);
  });

  it('joins a notice title broken over three lines whose first line ends in 关于, and reads its issuer\'s area from it', () => {
    const text = ['内蒙古自治区人民政府关于', '推动呼包鄂乌一体化发展', '若干举措的通知', '为加快建设城市群,现就有关举措通知如下。',
      '一、增强基础设施体系', '(一)打造1小时铁路经济圈,运营四市动车组。(责任单位:自治区发展改革委、财政厅)'].join('\n');
    expect(parseStructure(text).documentTitle).toBe('内蒙古自治区人民政府关于推动呼包鄂乌一体化发展若干举措的通知');
    const doc = extract(text).facts.documents[0]!;
    expect([doc.jurisdiction, doc.issuer]).toEqual(['内蒙古自治区', '内蒙古自治区人民政府']);
    // A line above a two-line title that does not end in 关于 is the issuer or a note, never part of it.
    expect(parseStructure('内蒙古自治区人民政府\n推动呼包鄂乌一体化发展\n若干举措的通知\n一、总体要求').documentTitle).toBe('推动呼包鄂乌一体化发展若干举措的通知');
  });

  it('does not join a document number, a date or a bracketed note to the title', () => {
    expect(parseStructure('泉政文〔2023〕12号\n三年行动方案\n一、总体要求').planTitle).toBe('三年行动方案');
    expect(parseStructure('(此件公开发布)\n数字乡村建设实施方案\n一、总体要求').planTitle).toBe('数字乡村建设实施方案');
  });

  it('names the plan of a notice printed as a 《》 heading after the plan it circulates', () => {
    expect(parseStructure('《某省人民政府办公厅关于印发数据要素市场建设方案的通知》\n一、目标').planTitle).toBe('数据要素市场建设方案');
  });

  it('reads the year of an annual plan from its title when the text has no date', () => {
    const r = extract('2024年数字乡村工作要点\n一、夯实基础\n1.建成5G基站200个。\n2.推进数据共享。');
    expect(r.document.issued).toBeUndefined();
    const plan = r.facts.nodes.find((n) => n.label === 'Plan')!;
    expect(plan.props.year).toBe(2024);
    expect(r.facts.nodes.find((n) => n.label === 'Target')!.props.year).toBe(2024);
  });
});

describe('the title of a notice printed without its title line', () => {
  const titleOf = (text: string) => parseStructure(text).documentTitle;

  it('is the name of the plan it circulates (《A》已经…研究通过,现印发给你们), or of each plan it circulates', () => {
    expect(titleOf('各区人民政府,市直各单位:\n《厦门市加快发展动能转换的若干措施》已经第84次市政府常务会议研究通过,现印发给你们,请认真贯彻执行。\n一、总体要求'))
      .toBe('厦门市加快发展动能转换的若干措施');
    expect(titleOf('各乡镇人民政府:\n经县政府同意,现将《2025年县政府工作报告任务分解》《2025年十五件民盼实事任务分解》印发给你们。\n一、责任到人'))
      .toBe('2025年县政府工作报告任务分解、2025年十五件民盼实事任务分解');
  });

  it('is not a quoted title that only begins the circulated plan\'s name (现将2023年《政府工作报告》重点任务分解落实方案印发)', () => {
    expect(titleOf('各区人民政府:\n现将2023年《政府工作报告》重点任务分解落实方案印发给你们,请认真贯彻执行。\n一、总体要求')).not.toBe('政府工作报告');
  });
});

describe('the date of a news item', () => {
  it('comes from a metadata line in any printed form', () => {
    expect(dateOf('数字经济再提速\n发布时间:2022-05-06 09:30\n正文')).toBe('2022-05-06');
    expect(dateOf('数字经济再提速\n来源:海峡都市报 2022年5月6日\n正文')).toBe('2022-05-06');
    expect(dateOf('数字经济再提速\n日期:2022/5/6\n正文')).toBe('2022-05-06');
  });

  it('comes from a metadata line whose date field is not its first (作者: 来源: X 发布时间: 2023-04-17), and not from another field\'s date', () => {
    expect(dateOf('重点工作责任分解\n作者:   来源: 莲都区人民政府办公室   发布时间: 2023-04-17 08:50:33\n正文')).toBe('2023-04-17');
    expect(dateOf('重点工作责任分解\n作者: 张三 2021-01-01\n正文')).toBeUndefined();
  });

  it('comes from a line that is only a date, or a dateline that prints the year', () => {
    expect(dateOf('数字经济再提速\n2022.05.06\n正文')).toBe('2022-05-06');
    expect(dateOf('新华社厦门2022年5月6日电 记者从市数据局获悉,全市……')).toBe('2022-05-06');
  });

  it('is unknown, not guessed, when the dateline has no year', () => {
    expect(dateOf('本报厦门5月6日讯 记者从市数据局获悉,今年全市新建5G基站800个。')).toBeUndefined();
    const r = extract('本报厦门5月6日讯 记者从市数据局获悉,全市已建成5G基站800个。');
    expect(r.document.issued).toBeUndefined();
    const obs = r.facts.nodes.find((n) => n.label === 'Observation')!;
    expect(obs.props).toMatchObject({ asOf: null, asOfKnown: false, year: null });
  });

  it('dates the observations of a news item when the date is known', () => {
    const r = extract('数字经济再提速\n发布时间:2022-05-06\n全市已建成5G基站800个。');
    expect(r.facts.nodes.find((n) => n.label === 'Observation')!.props).toMatchObject({ asOf: '2022-05-06', asOfKnown: true, year: 2022 });
  });
});

describe('evidence from an HTML document', () => {
  it('never shows the markup a span crosses', () => {
    const html = '<html><body><h1>全市数字经济发展情况</h1><p>发布时间:2022-05-06</p><p>全市推进福州<b>软件园</b>建设,建成<span>5G</span>基站3000个&amp;以上。</p></body></html>';
    const r = extractText('h', 'h.html', html, '0'.repeat(64), gazetteer());
    const texts = r.facts.relationships.flatMap((x) => x.evidence.map((e) => e.text));
    expect(texts).toEqual(expect.arrayContaining(['福州软件园', '建成5G基站3000个']));
    expect(texts.filter((t) => /<[^>]*>|&amp;/.test(t))).toEqual([]);
    const soft = r.facts.relationships.find((x) => x.type === 'LOCATED_IN' && x.from === 'park:福州软件园')!;
    expect([soft.props.source, soft.evidence]).toEqual(['gazetteer', []]);
  });
});
