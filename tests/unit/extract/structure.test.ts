import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlessTitle, parseStructure, splitLines } from '../../../server/extract/structure.ts';
import { extractFile, FIXTURES } from './helpers.ts';

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
