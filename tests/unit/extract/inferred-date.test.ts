import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/extract/extract-document.ts';
import { inferDatelineDate } from '../../../server/extract/inferred-date.ts';
import { normaliseText } from '../../../server/extract/normalise.ts';
import { splitLines } from '../../../server/extract/structure.ts';
import { FIXTURES, gazetteer } from './helpers.ts';

const DATES = path.join(FIXTURES, 'dates');
const read = (file: string) => readFileSync(path.join(DATES, file), 'utf8');
const extract = (file: string) => extractText(file.replace(/\.txt$/, ''), file, read(file), '0'.repeat(64), gazetteer());
const infer = (raw: string) => {
  const text = normaliseText(raw).text;
  const r = inferDatelineDate(text, splitLines(text).slice(0, 40));
  return r && { date: r.date, clue: text.slice(r.clue.start, r.clue.end) };
};
/** The Observation of the 5G base stations built so far (全市已建成5G基站N个). */
const observation = (r: ReturnType<typeof extract>, value: number) =>
  r.facts.nodes.find((n) => n.label === 'Observation' && n.id.includes(':5G基站:') && n.props.value === value)!.props;

describe('a news dateline with month and day but no year', () => {
  it('takes the year after the latest year the text reports as completed, and keeps the clause it rests on', () => {
    const r = extract('completed-year.txt');
    expect(r.document.issued).toBeUndefined();
    expect(r.document.inferredIssued).toMatchObject({ date: '2022-02-18', clue: { text: '2021年全年' } });
    expect(observation(r, 9800)).toMatchObject({ asOf: '2022-02-18', year: 2022, asOfKnown: false, asOfInferred: true, asOfClue: '2021年全年' });
  });

  it('reads a traditional-script item the same way, quoting the clue as printed', () => {
    const r = extract('traditional-completed-year.txt');
    expect(r.document.inferredIssued!.date).toBe('2020-04-09');
    expect(r.document.inferredIssued!.clue.text).toBe('僅2019年就上線政務服務事項860項');
    expect(read('traditional-completed-year.txt').slice(r.document.inferredIssued!.clue.start, r.document.inferredIssued!.clue.end))
      .toBe(r.document.inferredIssued!.clue.text);
  });

  it('takes the year a text names as its own (去年(2021年)) when nothing contradicts it', () => {
    expect(extract('own-year-named.txt').document.inferredIssued).toMatchObject({ date: '2022-03-12', clue: { text: '去年(2021年)' } });
  });

  it('stays unknown when the text speaks only of future years (目标到2025年, 力争2023年)', () => {
    const r = extract('future-only.txt');
    expect(r.document.inferredIssued).toBeUndefined();
    expect(observation(r, 3500)).toMatchObject({ asOf: null, asOfKnown: false });
    expect(observation(r, 3500).asOfInferred).toBeUndefined();
  });

  it('stays unknown when the clues disagree (截至2020年底 done, yet 到2020年底将 still ahead)', () => {
    expect(extract('conflicting-years.txt').document.inferredIssued).toBeUndefined();
  });

  it('stays unknown for a November or December dateline, which may review the year it reports as done', () => {
    expect(extract('year-end-review.txt').document.inferredIssued).toBeUndefined();
  });

  it('leaves a dateline that prints its year as printed, with nothing inferred', () => {
    const r = extract('dateline-with-year.txt');
    expect(r.document.issued).toBe('2022-05-06');
    expect(r.document.inferredIssued).toBeUndefined();
    expect(observation(r, 5200)).toMatchObject({ asOf: '2022-05-06', asOfKnown: true });
    expect(observation(r, 5200).asOfInferred).toBeUndefined();
  });
});

describe('the clues the year is inferred from', () => {
  it('count a whole year\'s growth rate, 仅…就 and 截至…底 as a completed year', () => {
    expect(infer('本报3月1日讯 2020年规模以上工业增加值增长5.2%。')?.date).toBe('2021-03-01');
    expect(infer('本报3月1日讯 截至2019年底,全市建成5G基站800个。')?.date).toBe('2020-03-01');
    expect(infer('本报3月1日讯 截至2019年12月底,全市建成5G基站800个。')?.date).toBe('2020-03-01');
    expect(infer('本报3月1日讯 全市仅2018年就新增企业30家,2016年全年新增20家。')).toEqual({ date: '2019-03-01', clue: '全市仅2018年就新增企业30家' });
    // A work conference in January sums up the year before and sets the tasks of its own year.
    expect(infer('中新网1月11日电 11日,全国工作会议召开。会议总结了2022年工作,强调2023年要抓好十三个方面重点任务。')?.date).toBe('2023-01-11');
  });

  it('do not count a plan period, a count of summits or a year still expected', () => {
    expect(infer('本报3月1日讯 《数字福州建设三年行动计划(2018-2020年)》提出,前三届数字峰会共签约334个项目。')).toBeUndefined();
    expect(infer('本报3月1日讯 2018年至2020年,全市建成5G基站800个。')).toBeUndefined();
    expect(infer('本报3月1日讯 2021年全市预计增长8%。')).toBeUndefined();
    expect(infer('本报3月1日讯 截至2020年底建成5G基站800个,2022年底前建成2000个。')?.date).toBe('2021-03-01');
    expect(infer('本报3月1日讯 仅2020年就新增企业30家,到2020年底前建成5G基站800个。')).toBeUndefined();
  });

  it('read part of a year (2020年前三季度, 1-9月) as neither a deadline nor a completed year', () => {
    expect(infer('本报3月1日讯 仅2020年就新增企业30家,其中2020年前三季度新增20家。')?.date).toBe('2021-03-01');
    expect(infer('本报10月20日讯 2020年前三季度全市数字经济增加值增长9%。')).toBeUndefined();
    expect(infer('本报10月20日讯 2020年1-9月全市数字经济增加值增长9%。')).toBeUndefined();
  });

  it('need a dateline without a year in the first lines', () => {
    expect(infer('全市仅2020年就新增企业30家。')).toBeUndefined();
  });

  it('disagree when 去年 and 今年 name different years', () => {
    expect(infer('本报3月1日讯 去年(2020年)全市新增企业30家,今年(2022年)力争新增40家。')).toBeUndefined();
  });
});
