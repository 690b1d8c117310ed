import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/extract/index.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, gazetteer, responsibilityPairs } from './helpers.ts';

const pairs = (lines: string[]): string[] =>
  responsibilityPairs(extractText('g', 'g.txt', lines.join('\n'), '0'.repeat(64), gazetteer()).facts);

describe('task lists grouped under a heading that names their lead unit', () => {
  it('gives the unit of 一、X牵头工作(8项) as lead to every item below it, up to the next heading', () => {
    expect(pairs(['2025年县政府工作报告任务清单', '一、县示范区管委会牵头工作(8项)', '1.建设南美白对虾养殖基地。', '2.打造食用菌酵素生产基地。',
      '二、县发改局、县财政局负责的工作(1项)', '3.争取专项债券资金。'])).toEqual([
      '1|县示范区管委会|lead', '2|县示范区管委会|lead', '3|县发改局|responsible', '3|县财政局|responsible',
    ]);
  });

  it('leaves an item that prints its own list with that list', () => {
    expect(pairs(['任务清单', '一、县商务局牵头工作', '1.办好消费季活动。(责任单位:各乡镇)', '2.培育电商企业。'])).toEqual([
      '1|各乡镇|responsible', '2|县商务局|lead',
    ]);
  });

  it('reads no heading that says more than who leads, nor one whose head is not a unit', () => {
    expect(pairs(['任务清单', '一、由县商务局牵头推进的消费提振工作', '1.办好消费季活动。'])).toEqual([]);
    expect(pairs(['任务清单', '一、加快推进产业项目落地牵头工作', '1.办好消费季活动。'])).toEqual([]);
  });

  it('reads the form fixture: each heading\'s unit for its items without a list, an item\'s own list kept, a heading saying more than who leads ignored', () => {
    const text = readFileSync(path.join(FIXTURES, 'forms', 'heading-leads.txt'), 'utf8');
    expect(pairs([text])).toEqual([
      '1|县发改局|lead', '2|县发改局|lead', '3|县商务局|responsible', '3|县投促中心|responsible',
      '4|县农业农村局|responsible', '4|县水利局|responsible', '5|县农业农村局|responsible', '5|县水利局|responsible',
    ]);
  });
});
