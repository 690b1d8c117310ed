import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlessTitle, splitLines } from '../../../server/extract/structure.ts';
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
