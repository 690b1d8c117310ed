import { describe, expect, it } from 'vitest';
import { findResponsibilityLists } from '../../../server/extract/responsibility.ts';

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
