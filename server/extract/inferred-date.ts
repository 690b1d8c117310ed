/*
 * The year of a news dateline that prints only month and day (央广网福州3月23日消息), inferred from what the
 * text says about years. Without it such a report's figures can never be set against a plan's targets; with a
 * guess they could be set against the wrong year. So the rule is narrow, and says which clause it rests on:
 *
 * - A year the text speaks of as completed past (仅2020年就实施了…, 2020年全年…, 截至2020年底…, 2020年实现…,
 *   2020年…增长5.2%: a whole year's result, which is published only after that year ends) puts the text after
 *   that year. The latest such year Y gives Y+1 when the dateline's month is January–October. A dateline of
 *   November or December may be a year-end review of Y itself or a text of the year after: left unknown.
 * - 去年(2020年) / 今年(2021年) name the text's own year; they must agree with each other and with the above.
 * - A year the text looks forward to (到2020年, 力争2020年, 2020年前, 预计2020年) must not lie before the inferred
 *   year: a text of 2021 does not plan for 2020. If it does, the clues disagree and the date stays unknown.
 * - No clue (前三届…, 连续三年… name no year), or only future years (目标到2025年): unknown.
 *
 * Pure: works on the normalised (simplified, half-width) text and returns spans in it.
 */
import type { Line } from './structure.ts';

export interface InferredDate {
  /** ISO date: the dateline's month and day with the inferred year */
  date: string;
  /** the clause the year rests on (start/end in the normalised text) */
  clue: { start: number; end: number };
}

// 福州3月23日消息 / 新华社福州3月23日电 / 本报厦门5月6日讯: a dateline with month and day and no year before them.
const DATELINE_NO_YEAR = /^([^,。;!?\d]{0,20}?)(\d{1,2})月(\d{1,2})日(?:电|消息|讯)/;

const YEAR = '((?:19|20)\\d{2})年';
// A year looked forward to: 到/至 (not 截至/截止), 力争, 预计, 计划, 将于, 争取, 目标; or 2025年前 / 2025年将.
const FUTURE_BEFORE = /(?:(?<!截)至|到|力争|预计|计划|将于|争取|目标|有望)\s*$/;
// Not 2020年前三季度 (the first three quarters of 2020): part of a year, see PART_YEAR.
const FUTURE_AFTER = /^(?:(?:底|末|年底|年末)?前(?![一二三四五六七八九十\d]+(?:季度|个?月))|以前|之前|将|要|起将|力争|预计)/;
// A year spoken of as done: 仅2020年就 / 单2020年 / 截至2020年底 / 总结了2022年工作 / 2020年全年 / 2020年实现 /
// 2020年…增长5.2%.
const PAST_BEFORE = /(?:仅|单|截至|截止|截止到|截至到|总结了?|回顾了?)\s*$/;
const PAST_AFTER = /^(?:就|全年|一年|(?:底|末|年底|年末|12月底)(?!前)|实现|完成|共|累计|[^,。;!?\n]{0,30}?(?:增长|下降)\d)/;
// Part of a year (2020年前三季度, 上半年, 1-9月, 一季度): published within that year, so it says nothing of the year after.
const PART_YEAR = /^(?:前[一二三四五六七八九十\d]+(?:季度|个?月)|[上下]半年|第?[一二三四]季度|\d{1,2}\s*[-—~至]\s*\d{1,2}月|(?!12月(?:底|末|31日))\d{1,2}月)/;
// …but not when the clause goes on to speak of what is expected: 2021年预计增长8%, 2022年全市将建成….
const FUTURE_IN_CLAUSE = /^[^,。;!?\n]{0,30}?(?:将|预计|力争|目标|计划|有望|争取)/;
// 去年(2020年) / 今年(2021年): the text's own year, named outright.
const RELATIVE = /(去年|今年|上年)\s*[((]\s*((?:19|20)\d{2})\s*年?\s*[))]/g;

function clauseAround(text: string, pos: number): { start: number; end: number } {
  const isStop = (c: string | undefined) => c === undefined || /[,。;!?\n]/.test(c);
  let s = pos;
  // Leftwards a space also ends the clause: it is what separates a dateline (本报3月1日讯 …) from the first sentence.
  while (s > 0 && !isStop(text[s - 1]) && !/\s/.test(text[s - 1]!)) s--;
  let e = pos;
  while (e < text.length && !isStop(text[e])) e++;
  while (s < e && /\s/.test(text[s]!)) s++;
  return { start: s, end: e };
}

/** The month and day of a dateline without a year in the first lines, or undefined. */
export function yearlessDateline(head: Line[]): { month: number; day: number } | undefined {
  for (const l of head) {
    const m = DATELINE_NO_YEAR.exec(l.text);
    if (!m) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { month, day };
  }
  return undefined;
}

/**
 * The date of a text whose dateline prints month and day only, with the year inferred from the text (see the
 * rules above); undefined when there is no such dateline, no clue, or the clues disagree.
 */
export function inferDatelineDate(text: string, head: Line[]): InferredDate | undefined {
  const md = yearlessDateline(head);
  if (!md) return undefined;

  let past: { year: number; pos: number } | undefined;
  const future: number[] = [];
  for (const m of text.matchAll(new RegExp(YEAR, 'g'))) {
    const year = Number(m[1]);
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // 2018-2020年 / 2018年至2020年: a span of years (a plan's period), which says nothing on its own.
    if (/\d{4}\s*年?\s*[-—–~至到]\s*$/.test(text.slice(Math.max(0, m.index - 8), m.index)) || /^\s*[-—–~至到]\s*\d{4}/.test(after)) continue;
    if (PART_YEAR.test(after)) continue;
    if (FUTURE_BEFORE.test(before) || FUTURE_AFTER.test(after)) { future.push(year); continue; }
    if ((PAST_BEFORE.test(before) || PAST_AFTER.test(after)) && !FUTURE_IN_CLAUSE.test(after)) {
      if (!past || year > past.year) past = { year, pos: m.index };
    }
  }

  const own: { year: number; pos: number }[] = [];
  for (const m of text.matchAll(RELATIVE)) {
    const named = Number(m[2]);
    own.push({ year: m[1] === '今年' ? named : named + 1, pos: m.index });
  }

  let year: number | undefined;
  let cluePos: number | undefined;
  if (past) {
    if (md.month > 10) return undefined; // a year-end review of `past` itself, or a text of the year after
    year = past.year + 1;
    cluePos = past.pos;
  }
  for (const o of own) {
    if (year === undefined) { year = o.year; cluePos = o.pos; } else if (o.year !== year) return undefined;
  }
  if (year === undefined || cluePos === undefined) return undefined;
  if (future.some((f) => f < year)) return undefined;
  const date = `${year}-${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`;
  return { date, clue: clauseAround(text, cluePos) };
}
