/*
 * The numbered blocks of a plan: headings 一、 (level 1) and (一) (level 2), items 1、 / 1. / 1． (level 3)
 * and sub-items (1) (level 4). A level-3 item is a task; a (一) block is a task only when no items
 * follow it; 一、 is always a heading. Blocks whose being a task depends on a responsibility list are
 * marked `needsList` (the caller keeps them only with one): sub-items (1), and blocks under or titled
 * as principles and goals (指导思想, 基本原则, 主要目标…), which state aims, not work.
 * Item markers are read against the sequence of item numbers: `12.5G网络提升工程` after item 11 is
 * item 12 titled 5G网络提升工程, and items printed one after another on one line (a page that lost
 * its line breaks: `…。 1.加快… (…) 2.促进…`) are split where the next expected number stands.
 * Enclosed numbers printed as one character mark blocks like their spelled-out forms (NFKC would make
 * several characters of them, so the normaliser keeps them): ㈠–㈩ = (一)…(十), ⒈–⒛ = 1.…20.,
 * ⑴–⒇ and circled ①–⑳ = (1)…(20), sub-items (a task only with a list of their own).
 */
import { parseNumeral } from './chinese-number.ts';
import type { Heading, Line, TaskBlock } from './structure.ts';

const NUMERAL = '[一二三四五六七八九十百零〇]+';
export const H1 = new RegExp(`^(${NUMERAL})、\\s*`);
export const H2 = new RegExp(`^(?:[(](${NUMERAL})[)]|(?<enclosed>[\u3220-\u3229]))\\s*`);
/** An item marker followed by its title: 1、 / 1. / 1 / ⒈ (not 1.5, a number); also a table row's first cell (| 1 |). */
export const ITEM = /^(?:\|\s*)?(?:(\d{1,3})(、|\.(?!\d)|\s|\|)|(?<enclosed>[\u2488-\u249b]))\s*(?:\|\s*)?/;
// 12.5G网络 / 3.12345热线: a marker whose title starts with digits (not 1.1 or 1.1.2 outline numbering, nor 2.5%).
const ITEM_DIGIT_TITLE = /^(\d{1,3})\.(?=\d+(?![\d.、\s%]))/;
const SUB_ITEM = /^(?:[(](\d{1,2})[)]|(?<enclosed>[\u2460-\u2487]))\s*/;

/** The number a marker prints: its digits or numeral, else the value of its enclosed-number character. */
function numeralOf(m: RegExpExecArray): string {
  if (m[1] !== undefined) return m[1];
  const c = (m.groups?.enclosed ?? '').charCodeAt(0);
  if (c >= 0x3220 && c <= 0x3229) return '一二三四五六七八九十'[c - 0x3220]!; // ㈠–㈩
  if (c >= 0x2488 && c <= 0x249b) return String(c - 0x2488 + 1); // ⒈–⒛
  if (c >= 0x2474 && c <= 0x2487) return String(c - 0x2474 + 1); // ⑴–⒇
  return String(c - 0x2460 + 1); // ①–⑳
}
// An item printed inside a line: after a sentence end or a closing bracket and a space.
const INLINE_ITEM = /([。;!?)〕】])\s+(\d{1,3})([.、])(?!\d)/g;
const APPENDIX = /^附件/;
const LOST_BREAKS = 400;
const PRINCIPLE = /(?:指导思想|基本原则|工作原则|总体要求|总体思路|(?:主要|工作|发展|总体|预期|主要预期)目标)$/;

interface RawBlock { level: 1 | 2 | 3 | 4; line: Line; numeral: string; marker: string; ordinal: number; bodyStart: number }

/** First sentence of a block body: up to 。 ; ! ? a list bracket or a table cell's end; the whole line if none. */
function titleSentence(text: string, from: number, lineEnd: number): number {
  for (let i = from; i < lineEnd; i++) {
    const c = text[i]!;
    if (c === '。' || c === ';' || c === '!' || c === '?' || c === '\t' || c === '|') return i;
    if (c === ' ' && text[i + 1] === ' ') return i;
    // A list bracket ends the title; 【数字政府】 at its start does not.
    if ((c === '(' || c === '〔' || c === '【' || c === '[') && /^.(?:责任|牵头|配合|参与|协办|主办|主责|负责|相关)/.test(text.slice(i, i + 4))) return i;
  }
  return lineEnd;
}

/** Lines of the body, with items printed one after another on one line split apart (by expected number). */
function blockLines(text: string, lines: Line[]): Line[] {
  const out: Line[] = [];
  let last = 0;
  let afterHeading = true;
  for (const l of lines) {
    if (H1.test(l.text) || H2.test(l.text)) { out.push(l); afterHeading = true; continue; }
    const lead = ITEM.exec(l.text) ?? ITEM_DIGIT_TITLE.exec(l.text);
    if (lead) { last = Number(numeralOf(lead)); afterHeading = false; }
    let start = l.start;
    INLINE_ITEM.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = INLINE_ITEM.exec(l.text)) !== null) {
      const n = Number(m[2]);
      if (n !== last + 1 && !(n === 1 && afterHeading)) continue;
      const at = l.start + m.index + m[1]!.length;
      let s = at;
      while (/\s/.test(text[s]!)) s++;
      let e = at;
      while (e > start && /\s/.test(text[e - 1]!)) e--;
      if (e > start) out.push({ start, end: e, text: text.slice(start, e) });
      start = s;
      last = n;
      afterHeading = false;
    }
    out.push(start === l.start ? l : { start, end: l.end, text: text.slice(start, l.end) });
  }
  return out;
}

function rawBlocks(lines: Line[]): RawBlock[] {
  const raw: RawBlock[] = [];
  let last = 0;
  let afterHeading = true;
  for (const line of lines) {
    const t = line.text;
    let m: RegExpExecArray | null;
    if ((m = H1.exec(t)) || (m = H2.exec(t))) {
      const numeral = numeralOf(m);
      raw.push({ level: H1.test(t) ? 1 : 2, line, numeral, marker: m[0].trim(), ordinal: parseNumeral(numeral), bodyStart: line.start + m[0].length });
      afterHeading = true;
    } else if ((m = ITEM.exec(t)) && t.length > m[0].length) {
      const numeral = numeralOf(m);
      raw.push({ level: 3, line, numeral, marker: m[0].trim() || numeral, ordinal: Number(numeral), bodyStart: line.start + m[0].length });
      last = Number(numeral);
      afterHeading = false;
    } else if ((m = ITEM_DIGIT_TITLE.exec(t))) {
      const n = Number(m[1]);
      if (n !== last + 1 && !(n === 1 && afterHeading)) continue;
      raw.push({ level: 3, line, numeral: m[1]!, marker: m[0], ordinal: n, bodyStart: line.start + m[0].length });
      last = n;
      afterHeading = false;
    } else if ((m = SUB_ITEM.exec(t)) && t.length > m[0].length) {
      const numeral = numeralOf(m);
      raw.push({ level: 4, line, numeral, marker: m[0].trim(), ordinal: Number(numeral), bodyStart: line.start + m[0].length });
    }
  }
  return raw;
}

/** Headings and tasks of the body lines[bodyLine…] (up to an 附件 line). */
export function findNumberedBlocks(text: string, lines: Line[], bodyLine: number): { headings: Heading[]; tasks: TaskBlock[] } {
  let lastLine = lines.length;
  for (let i = bodyLine; i < lines.length; i++) if (APPENDIX.test(lines[i]!.text)) { lastLine = i; break; }
  // A page that lost its line breaks holds the body on the very line the header was read from.
  const first = bodyLine > 0 && lines[bodyLine - 1]!.text.length > LOST_BREAKS ? bodyLine - 1 : bodyLine;
  const body = blockLines(text, lines.slice(first, lastLine));
  const raw = rawBlocks(body);
  const bodyEnd = body[body.length - 1]?.end ?? 0;

  const headings: Heading[] = [];
  const tasks: TaskBlock[] = [];
  let h1: RawBlock | undefined;
  let h2: RawBlock | undefined;
  const headingTitle = (b: RawBlock): string => text.slice(b.line.start, titleSentence(text, b.bodyStart, b.line.end));
  const ownTitle = (b: RawBlock): string => text.slice(b.bodyStart, titleSentence(text, b.bodyStart, b.line.end)).trim().replace(/[:。]$/, '');
  // A block's text runs to the next block of its level or above (a sub-item's parent keeps its sub-items).
  const endOf = (r: number): number => {
    const level = raw[r]!.level;
    for (let k = r + 1; k < raw.length; k++) if (raw[k]!.level <= Math.max(level, 3)) return raw[k]!.line.start;
    return bodyEnd;
  };
  for (let r = 0; r < raw.length; r++) {
    const b = raw[r]!;
    if (b.level === 1) { h1 = b; h2 = undefined; headings.push({ level: 1, ordinal: b.ordinal, marker: b.marker, title: headingTitle(b), line: b.line }); continue; }
    if (b.level === 2) {
      h2 = b;
      headings.push({ level: 2, ordinal: b.ordinal, marker: b.marker, title: headingTitle(b), line: b.line });
      // The next block that is not a sub-item (found in place: slicing the rest for every heading was quadratic).
      let next = r + 1;
      while (next < raw.length && raw[next]!.level === 4) next++;
      if (next < raw.length && raw[next]!.level === 3) continue;
    }
    const end = trimEnd(text, b.line.start, endOf(r));
    const titleEnd = titleSentence(text, b.bodyStart, b.line.end);
    const enclosing = [h1, b.level >= 3 ? h2 : undefined].filter((x): x is RawBlock => x !== undefined);
    const principle = [...enclosing, b].some((x) => PRINCIPLE.test(ownTitle(x)));
    // A sub-item's path is finished below, inside the task it is printed in.
    const parts = b.level === 2 ? [h1?.ordinal, b.ordinal] : b.level === 4 ? [h1?.ordinal, h2?.ordinal] : [h1?.ordinal, h2?.ordinal, b.ordinal];
    tasks.push({
      level: b.level, number: b.numeral, marker: b.marker, ordinal: b.ordinal,
      path: parts.filter((x): x is number => x !== undefined).join('.'),
      section: enclosing.map(headingTitle).join(' / '),
      title: text.slice(b.bodyStart, titleEnd).trim(),
      titleStart: b.line.start, titleEnd,
      start: b.line.start, end,
      text: text.slice(b.line.start, end),
      order: tasks.length + 1,
      needsList: b.level === 4 || principle,
    });
  }
  // Numbering that runs through the document identifies a task by its own number.
  const top = tasks.filter((t) => t.level !== 4);
  const numbers = new Set(top.map((t) => `${t.level}:${t.number}`));
  if (numbers.size === top.length && new Set(top.map((t) => t.level)).size === 1) {
    for (const t of top) t.path = String(t.ordinal);
  }
  // A sub-item (1) is numbered within the task it is printed in.
  let parent: TaskBlock | undefined;
  for (const t of tasks) {
    if (t.level !== 4) { parent = t; continue; }
    const prefix = parent && t.start < parent.end ? parent.path : t.path;
    t.path = prefix ? `${prefix}.(${t.ordinal})` : `(${t.ordinal})`;
  }
  // Paths stay distinct even when numbering repeats without a heading between (two item 3s).
  const seen = new Map<string, number>();
  for (const t of tasks) {
    const n = (seen.get(t.path) ?? 0) + 1;
    seen.set(t.path, n);
    if (n > 1) t.path = `${t.path}~${n}`;
  }
  return { headings, tasks };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
