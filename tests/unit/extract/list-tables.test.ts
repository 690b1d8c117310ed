import { describe, expect, it } from 'vitest';
import { findResponsibilityLists } from '../../../server/extract/responsibility.ts';
import { extractText } from '../../../server/extract/extract-document.ts';
import { gazetteer, responsibilityPairs } from './helpers.ts';

const units = (text: string): string[] => findResponsibilityLists(text).flatMap((l) => l.units.map((u) => `${u.name}|${u.role}`));

describe('task tables printed one row per line', () => {
  it('reads the rows of a group whose merged first cell only its first row prints, the others closed by padding cells', () => {
    const text = [
      '工作任务 | 具体要求 | 责任部门 |',
      '一、做好财政信息公开。 | 1.积极推进本中心预算公开。 | 财务科 |',
      '二、做好网站信息公开。 | 2.及时更新概况信息。 | 办公室 |',
      '3.及时反馈网民的意见。 | 各科室 | |',
      '4.及时更新微信公众号信息。 | 办公室牵头,各科室配合 | |',
    ].join('\n');
    expect(units(text)).toEqual(['财务科|responsible', '办公室|responsible', '各科室|responsible', '办公室|lead', '各科室|support']);
  });

  it('ends the table at a shorter row that is not an item closed by padding cells', () => {
    const noPadding = ['工作任务 | 具体要求 | 责任部门 |', '一、做好公开。 | 1.推进预算公开。 | 财务科 |', '3.及时反馈网民的意见。 | 各科室'].join('\n');
    const noItem = ['工作任务 | 具体要求 | 责任部门 |', '一、做好公开。 | 1.推进预算公开。 | 财务科 |', '备注 | 各科室 | |'].join('\n');
    expect(units(noPadding)).toEqual(['财务科|responsible']);
    expect(units(noItem)).toEqual(['财务科|responsible']);
  });
});

describe('task tables exported with a bar line after each cell', () => {
  const cells = (...c: string[]): string => c.map((x) => `${x}\n|`).join('\n');
  const pairs = (text: string): string[] => responsibilityPairs(extractText('d', 'd.txt', text, '0'.repeat(64), gazetteer()).facts);

  it('reads rows by their numbers under a header without 序号 whose group cell stands before a group\'s first row', () => {
    const text = cells('工作任务', '具体要求', '责任科室', '时限要求',
      '强化规范性文件公开', '1', '对行政规范性文件进行全面清理。', '办公室', '年底前',
      '做好主动公开基础工作', '2', '严格规范政府信息公开专栏。', '各科室', '持续推进',
      '3', '规范做好政府信息公开工作年度报告编制发布工作。', '办公室', '持续推进');
    expect(pairs(text)).toEqual(['1|办公室|responsible', '2|各科室|responsible', '3|办公室|responsible']);
  });

  it('opens no row at a bare number without a bar line after it', () => {
    const text = ['工作任务', '具体要求', '责任科室', '时限要求', '强化规范性文件公开', '1', '对行政规范性文件进行全面清理。', '办公室', '年底前'].join('\n');
    expect(pairs(text)).toEqual([]);
  });
});
