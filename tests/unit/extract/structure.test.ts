import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlessTitle, parseStructure, splitLines } from '../../../server/extract/structure.ts';
import { extractText } from '../../../server/extract/index.ts';
import { normaliseText } from '../../../server/extract/normalise.ts';
import { GraphFacts } from '../../../server/extract/graph-facts.ts';
import { extractFile, FIXTURES, gazetteer, responsibilityPairs } from './helpers.ts';

const title = (text: string): string => headlessTitle(splitLines(text));

describe('the title of a news text without a headline', () => {
  it('is never a photo caption, and is the quoted event name of the first sentence', () => {
    const r = extractFile(path.join(FIXTURES, 'news-caption.txt'));
    expect(r.document).toMatchObject({ kind: 'news', title: '“闽江口数字产业合作”推介会' });
  });

  it('skips captions that end in 摄, 供图 or name the picture source', () => {
    expect(title('活动现场(记者 王五 摄)\n智慧城市展览开幕')).toBe('智慧城市展览开幕');
    expect(title('无人机航拍的滨海新城(市融媒体中心供图)\n(图片来源:网络)\n图为智慧停车场\n滨海新城建设提速。')).toBe('滨海新城建设提速');
  });

  it('falls back to the first sentence without its dateline, trimmed at a punctuation boundary', () => {
    expect(title('现场照片(新华社记者 赵六 摄)\n新华社福州6月2日电(记者 赵六)记者从市数据管理局获悉,今年以来全市新增数据中心机架1200架,算力规模持续扩大,数字基础设施支撑能力显著增强。'))
      .toBe('今年以来全市新增数据中心机架1200架,算力规模持续扩大');
    expect(title('据悉,全市今年以来持续推进城市数字化转型并在交通医疗教育文旅等多个重点领域取得明显成效,群众获得感不断增强。'))
      .toBe('全市今年以来持续推进城市数字化转型并在交通医疗教育文旅等多个重点领域取得明显成效');
    expect(title('图为会场\n会议指出要统筹推进数字政府建设和数字经济发展各项工作任务落实见效以高质量数字化赋能城市治理现代化水平全面提升。'))
      .toBe('会议指出要统筹推进数字政府建设和数字经济发展各项工作任务落实见效以高质量数字化赋');
    expect(title('本报讯 全市政务服务事项全面实现网上可办。')).toBe('全市政务服务事项全面实现网上可办');
  });

  it('never takes the addressee line of a page that starts there, and reads the one measure such a page prints as a plan', () => {
    expect(title('各州、市人民政府,省直各委、办、厅、局:\n为促进全省经济持续平稳发展,现提出以下意见:')).toBe('为促进全省经济持续平稳发展,现提出以下意见:');
    const text = '各州、市人民政府,省直各委、办、厅、局:\n为促进全省经济平稳发展,现提出以下意见:\n一、推进重大项目建设\n建立重点项目制度。(省发展改革委牵头,各州、市人民政府配合)';
    const r = extractText('yn1', 'yn1.txt', text, '0'.repeat(64), gazetteer());
    expect(r.document).toMatchObject({ kind: 'plan', title: '为促进全省经济平稳发展,现提出以下意见:' });
    expect(() => GraphFacts.parse(r.facts)).not.toThrow();
    expect(responsibilityPairs(r.facts)).toEqual(['1|各州、市人民政府|support', '1|省发展改革委|lead']);
    // A news text's one numbered line without a list stays in the report: no task hangs from a plan that is not there.
    const news = extractText('n1', 'n1.txt', '新华社北京5月6日电 会议部署了三项工作。\n1.加快项目建设。', '0'.repeat(64), gazetteer());
    expect(news.document.kind).toBe('news');
    expect(news.facts.nodes.filter((n) => n.label === 'Task')).toEqual([]);
    expect(() => GraphFacts.parse(news.facts)).not.toThrow();
  });

  it('keeps a short first line that reads as a headline', () => {
    expect(title('数字经济规模突破五千亿元\n\n记者日前获悉,……')).toBe('数字经济规模突破五千亿元');
    expect(title('通讯基础设施建设再提速\n全市新建基站……')).toBe('通讯基础设施建设再提速');
  });
});

describe('numbered items', () => {
  const tasks = (text: string): string[] => parseStructure(`示例工作方案\n${text}`).tasks.map((t) => `${t.path}|${t.title}${t.needsList ? '|needs a list' : ''}`);

  it('keeps sub-items and principle items only when they carry a list, and reads digit titles and large Chinese numerals', () => {
    const r = extractFile(path.join(FIXTURES, 'forms', 'item-markers.txt'));
    const titles = r.facts.nodes.filter((n) => n.label === 'Task').map((n) => `${String(n.props.path)}|${String(n.props.title)}`);
    expect(titles).toEqual([
      '1.2.2|开放合作', '102.1|地下管廊监测', '2.11|数据中心集约工程', '2.12|5G网络提升工程', '2.13|12345热线智能化工程',
      '2.14|车联网示范工程', '2.14.(1)|建设测试道路', '21.1|老旧小区光纤改造',
    ]);
  });

  it('reads 12.5G after item 11 as item 12, but not outline numbers or decimals', () => {
    expect(tasks('11.甲工程。\n12.5G网络提升工程。\n13.2%的企业完成改造。')).toEqual(['11|甲工程', '12|5G网络提升工程']);
    expect(tasks('1.1 总体布局\n1.2 重点方向')).toEqual([]);
  });

  it('ends a title at a list bracket but not at a bracketed keyword that opens it', () => {
    expect(tasks('1.【数字政府】推进一网通办。(责任单位:市数据局)\n2.建设平台〔牵头单位:市工信局〕')).toEqual(['1|【数字政府】推进一网通办', '2|建设平台']);
  });

  it('splits headings and items of a page that lost its line breaks: 一、 after a sentence, (一) and 1、 right after a heading title', () => {
    const r = parseStructure('示例工作要点\n根据文件精神,制定本要点。 一、总体要求 今年是开局之年。 二、目标任务 主要任务是:聚焦发展。 (一)强化重点领域信息公开 1、数字经济发展领域。开设专题。(责任单位:区政府办公室) 2、优化营商环境。加强公开。 (二)深化政策解读 3、做好解读。');
    expect(r.headings.map((h) => h.marker)).toEqual(['一、', '二、', '(一)', '(二)']);
    // 一、总体要求 has no block below: a section that is a task only with a list of its own (it has none).
    expect(r.tasks.map((t) => `${t.path}|${t.title}${t.needsList ? '|needs a list' : ''}`)).toEqual(['1~s|总体要求 今年是开局之年|needs a list', '1|数字经济发展领域', '2|优化营商环境', '3|做好解读']);
    // A (一) block right after its heading's title is a task when no item follows it.
    const z = parseStructure('示例分工方案\n制定本方案。 一、强化信息公开,促进政策阳光透明 (一)加强稳增长信息公开。围绕重点工作。(责任单位:市发改委)');
    expect(z.tasks.map((t) => `${t.path}|${t.title}`)).toEqual(['1|加强稳增长信息公开']);
  });

  it('splits a block printed right after the closing bracket of the list before it, with no space: (省发改委负责)(二) and 协办)2.', () => {
    const r = parseStructure('示例分工意见\n一、主要目标\n(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。(省财政厅主办,省国税局协办)\n二、产业项目\n(一)推进产业项目建设。\n1.抓好重点产业项目。(省发改委主办,省工信委协办)2.重点抓好燃气轮机项目。(省工信委主办)');
    expect(r.tasks.map((t) => `${t.path}|${t.title}`)).toEqual(['1.1|地区生产总值增长11%左右', '1.2|公共财政收入增长13%左右', '2.1.1|抓好重点产业项目', '2.1.2|重点抓好燃气轮机项目']);
    // Only the number the sequence expects next: a bracket followed by another number is text.
    expect(parseStructure('示例工作方案\n1.甲工作。(2023年)3.5%的企业上云。\n2.乙工作。').tasks.map((t) => t.title)).toEqual(['甲工作', '乙工作']);
  });

  it('offers a section 一、 with no block below it as a task that needs a list, and keeps it only with one', () => {
    const text = ['示例稳增长意见', '各州、市人民政府:', '一、推进重大项目建设', '建立重点项目制度。(省发展改革委、财政厅牵头;各州、市人民政府配合)', '二、加强城市基础设施投入', '省财政筹措资金。'].join('\n');
    expect(parseStructure(text).tasks.map((t) => `${t.path}|${t.title}|${t.needsList}`)).toEqual(['1|推进重大项目建设|true', '2|加强城市基础设施投入|true']);
    const facts = extractText('yn', 'yn.txt', text, '0'.repeat(64), gazetteer()).facts;
    expect(facts.nodes.filter((n) => n.label === 'Task').map((n) => `${String(n.props.path)}|${String(n.props.order)}`)).toEqual(['1|1']);
    expect(responsibilityPairs(facts)).toEqual(['1|各州、市人民政府|support', '1|省发展改革委|lead', '1|财政厅|lead']);
    // A section with blocks below stays a heading, and a section without a list neither makes a task nor shifts the order of those after it.
    const planText = ['示例工作方案', '一、总体要求', '坚持稳中求进。', '二、重点任务', '1.甲工作。(责任单位:市发改委)'].join('\n');
    expect(parseStructure(planText).tasks.map((t) => `${t.path}|${t.title}|${t.level}`)).toEqual(['1~s|总体要求|1', '1|甲工作|3']);
    const planFacts = extractText('plan', 'plan.txt', planText, '0'.repeat(64), gazetteer()).facts;
    expect(planFacts.nodes.filter((n) => n.label === 'Task').map((n) => `${String(n.props.path)}|${String(n.props.order)}`)).toEqual(['1|1']);
  });

  it('reads no pair from a list printed on a 一、 heading line whose section text follows below it (the heading\'s bracket)', () => {
    const text = ['示例政策举措', '一、强化科技创新(区科技局牵头)', '加快培育发展新质生产力。2025年,力争研发投入强度达到2.95%。', '二、扩大有效投资', '推进项目建设。'].join('\n');
    expect(responsibilityPairs(extractText('h', 'h.txt', text, '0'.repeat(64), gazetteer()).facts)).toEqual([]);
    // A section printed whole on its heading line is one work item: its list is its own.
    const oneLine = ['示例政策举措', '一、强化科技创新,加快培育发展新质生产力。(区科技局牵头)', '二、扩大有效投资。推进项目建设。(区发改局负责)'].join('\n');
    expect(responsibilityPairs(extractText('o', 'o.txt', oneLine, '0'.repeat(64), gazetteer()).facts)).toEqual(['1|区科技局|lead', '2|区发改局|responsible']);
  });

  it('reads the tasks of the attachment a notice announces and prints below it, and no further attachment', () => {
    const notice = ['县人民政府办公室关于对重点工作进行责任分解的通知', '各镇人民政府:', '现将重点工作责任分解给你们。',
      '附件:1.县重点工作责任分解', '2.市重点事项责任分解', '2021年5月12日', '附件1', '县重点工作责任分解', '一、主要目标',
      '(一)地区生产总值增长11%。(牵头单位:县发改局;责任单位:各镇人民政府)', '(二)财政收入增长32%。(牵头单位:县财政局)'];
    const r = parseStructure(notice.join('\n'));
    expect(r.tasks.map((t) => `${t.path}|${t.title}`)).toEqual(['1|地区生产总值增长11%', '2|财政收入增长32%']);
    // An attachment that was not announced (a receipt form) ends the body, and so does an announcement whose attachment is not printed.
    expect(parseStructure(['示例工作方案', '1.甲工作。推进。', '附件:1.回执', '附件2', '联系表', '2.乙工作。'].join('\n')).tasks.map((t) => t.title)).toEqual(['甲工作']);
    expect(parseStructure(['示例工作方案', '1.甲工作。推进。', '附件:1.任务清单(略)', '原件示政〔2021〕3号.pdf'].join('\n')).tasks.map((t) => t.text)).toEqual(['1.甲工作。推进。']);
  });

  it('does not split a line at a heading or item number the sequence does not expect', () => {
    const r = parseStructure('示例工作要点\n一、总体要求\n1.甲工作。推进。 三、不是下一个标题 (三)也不是 3、也不是下一项');
    expect(r.headings.map((h) => h.marker)).toEqual(['一、']);
    expect(r.tasks.map((t) => t.title)).toEqual(['甲工作']);
  });

  it('splits items printed one after another on one line at the next expected number', () => {
    expect(tasks('为推动发展,制定本措施。 1.加快释放消费。落实政策。(市发改委负责) 2.促进服务消费。提升品质,增长2.5个百分点。 4.不是下一项')).toEqual([
      '1|加快释放消费', '2|促进服务消费',
    ]);
  });

  it('numbers headings beyond 十 and keeps restarting items distinct through their section', () => {
    expect(tasks('五十三、第一部分\n1.甲项\n2.乙项\n五十四、第二部分\n1.丙项')).toEqual(['53.1|甲项', '53.2|乙项', '54.1|丙项']);
    expect(tasks('一、总体要求\n(一)指导思想。坚持创新。\n(二)发展目标\n二、任务\n(一)建设平台')).toEqual([
      '1.1|指导思想|needs a list', '1.2|发展目标|needs a list', '2.1|建设平台',
    ]);
  });
});

describe('item markers in compatibility and enclosed forms', () => {
  const gaz = gazetteer();
  const pairs = (text: string): string[] => responsibilityPairs(extractText('p', 'p.txt', text, '0'.repeat(64), gaz).facts);
  const tasks = (text: string): string[] => {
    const st = parseStructure(normaliseText(text).text);
    return st.tasks.map((t) => `${t.path} ${t.title}`);
  };

  it('reads items numbered with the small full stop (1﹒) and the label lines below them', () => {
    const text = [
      '某省2023年重点工作责任分工方案',
      '1﹒全省地区生产总值增长6%左右',
      '牵头责任单位:省发展改革委',
      '协同责任单位:省统计局、省财政厅',
      '2﹒城乡居民收入与经济增长基本同步',
      '牵头责任单位:省人力资源社会保障厅',
    ].join('\n');
    expect(tasks(text)).toEqual(['1 全省地区生产总值增长6%左右', '2 城乡居民收入与经济增长基本同步']);
    expect(pairs(text)).toEqual(['1|省发展改革委|lead', '1|省统计局|support', '1|省财政厅|support', '2|省人力资源社会保障厅|lead'].sort());
  });

  it('reads a list in small-form brackets like one in ordinary brackets', () => {
    const text = ['某市数字乡村建设工作要点', '1﹒建设益农信息社﹙责任单位﹕市农业农村局﹑市商务局﹚', '2﹒推广农村电商﹙责任单位﹕市商务局﹚'].join('\n');
    expect(pairs(text)).toEqual(['1|市农业农村局|responsible', '1|市商务局|responsible', '2|市商务局|responsible']);
  });

  it('reads ㈠ as the heading (一), ⒈ as the item 1. and ⑴ / ① as the sub-item (1)', () => {
    const text = [
      '某区营商环境提升行动方案',
      '一、重点任务',
      '㈠优化政务服务',
      '⒈推行一网通办',
      '⑴整合办事入口(责任单位:区数据局)',
      '⑵精简办事材料',
      '⒉推进一窗受理(责任单位:区政务中心)',
      '①设置综合窗口(责任单位:区行政服务中心)',
      '㈡降低企业成本',
      '⒈落实减税降费(责任单位:区税务局)',
    ].join('\n');
    expect(tasks(text)).toEqual([
      '1.1.1 推行一网通办', '1.1.1.(1) 整合办事入口', '1.1.1.(2) 精简办事材料', '1.1.2 推进一窗受理', '1.1.2.(1) 设置综合窗口', '1.2.1 落实减税降费',
    ]);
    // A sub-item is a task only with a list of its own (⑵ has none); ① takes its own list, not ⒉'s.
    expect(pairs(text)).toEqual(['1.1.1.(1)|区数据局|responsible', '1.1.2.(1)|区行政服务中心|responsible', '1.1.2|区政务中心|responsible', '1.2.1|区税务局|responsible'].sort());
  });
});

