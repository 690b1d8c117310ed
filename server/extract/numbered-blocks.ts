/*
 * The numbered blocks of a plan: headings 一、 (level 1) and (一) (level 2), items 1、 / 1. / 1． (level 3)
 * and sub-items (1) (level 4). A level-3 item is a task; a (一) block is a task only when no items
 * follow it; 一、 is always a heading. Blocks whose being a task depends on a responsibility list are
 * marked `needsList` (the caller keeps them only with one): sub-items (1), and blocks under or titled
 * as principles and goals (指导思想, 基本原则, 主要目标…), which state aims, not work.
 * Item markers are read against the sequence of item numbers: `12.5G网络提升工程` after item 11 is
 * item 12 titled 5G网络提升工程, and blocks printed one after another on one line (a page that lost
 * its line breaks: `…。 1.加快… (…) 2.促进…`, `…。 二、目标 … (一)强化… 1、数字…`) are split where the
 * next expected number stands.
 * Enclosed numbers printed as one character mark blocks like their spelled-out forms (NFKC would make
 * several characters of them, so the normaliser keeps them): ㈠–㈩ = (一)…(十), ⒈–⒛ = 1.…20.,
 * ⑴–⒇ and circled ①–⑳ = (1)…(20), sub-items (a task only with a list of their own).
 */
import { parseNumeral } from './chinese-number.ts';
import { LABEL } from './list-labels.ts';
import { looksLikeUnit, splitListUnits } from './list-units.ts';
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
// A block printed inside a line, after a space — or right after a closing bracket, as a list ends a block
// and the next follows with no space (`…(省发改委负责)(二)公共…`, `…协办)2.重点…`): an item (3. / 3、), a
// heading 二、 or (二). An item may also follow a sentence end with no space at all, as pages that lost
// their line breaks print it (`…意见。1.对来…。责任单位:X、Y。2.对实际…`): see gluedItemContinues.
const INLINE_MARKER = new RegExp(`(?:\\s+|(?<=[)〕】]))(?:(\\d{1,3})[.、](?!\\d)|(${NUMERAL})、|[(](${NUMERAL})[)])|(?<=[。;])(\\d{1,3})[.、](?!\\d)`, 'g');

/**
 * Whether an item number glued to the sentence before it (`。2.`) continues the item sequence rather than
 * an enumeration inside the current item (`包括:1.X。2.Y。`): the piece before it must not itself print the
 * number before it as a marker. Figures never match (1.5%, 1.2万 and 第2.3条 have a digit after the point).
 */
function gluedItemContinues(piece: string, n: number): boolean {
  return !new RegExp(`(?<![\\d.])${n - 1}[.、](?!\\d)`).test(piece.slice(1));
}
// A page that lost its line breaks prints a block's own list line (`责任单位:X、Y`) with no sentence end, then
// a space and the next block (`…责任单位:县财政局 2.落实…`, `…责任单位:县司法局 二、…`): the list ends the piece.
const AFTER_LABEL_LIST = new RegExp(`(?:${LABEL.source})([^。;!?]*)$`);

/** Whether the piece [from, to) ends in a label and its units only (`责任单位:县发改局(…)、县财政局`). */
function endsInLabelList(text: string, from: number, to: number): boolean {
  const m = AFTER_LABEL_LIST.exec(text.slice(from, to));
  if (!m) return false;
  const units = splitListUnits(text, to - m[1]!.length, to);
  return units.length > 0 && units.every((u) => looksLikeUnit(u.name));
}
// `…责任分解 一、王丹县长牵头重点工作 1.全县…`: a heading after a title (no sentence end) still opens a block
// where its short title is followed by its first item or (一).
const HEADING_THEN_FIRST = /^[^\s。;!?,]{2,40}\s+(?:1[.、](?!\d)|[(]一[)])/;
// A row number alone in its table cell (`1 |`): a table flattened one cell per line, the title on the next line.
const NUMBER_CELL_LINE = /^\|?\s*(\d{1,3})\s*\|$/;
// The same table flattened without bars prints the bare number (`1`); a bare number is a row's only under
// a header printed one cell per line from a lone `序号` (a page number or a figure alone on its line is not).
const BARE_NUMBER_LINE = /^\s*(\d{1,3})\s*$/;
const LONE_SERIAL_HEADER = /^\s*\|?\s*序号\s*\|?\s*$/;
// A table exported with a bar on its own line after each cell (`1` / `|` / its title / `|` …): a bare number
// followed by such a bar line is a row's number cell, header or not; a page number or a figure has no bar after it.
export const BAR_LINE = /^\s*\|\s*$/;
// A column printed before 序号 that groups the rows (分类 / 类别 …): its cell is merged over its group, so it is
// printed only on the first row of each group — those rows are one line wider than the others.
const GROUP_COLUMN = /^\s*\|?\s*(?:分类|类别|类型|领域|板块|方面|大类|门类|工作类别|任务类别|项目类别)\s*\|?\s*$/;
// Where a block may start inside a line: after a sentence end or a closing bracket.
const SENTENCE_END = /[。;!?)〕】]/;
const APPENDIX = /^附件/;
/** The notice's list of its attachments: 附件:1.X / 附件:X, continued by numbered lines (2.Y). */
const ATTACHMENT_LIST = /^附件\s*[:：]\s*(?:\d{1,2}\s*[.、．]\s*)?(.+)$/;
const ATTACHMENT_MORE = /^\d{1,2}\s*[.、．]\s*(.+)$/;
/** The heading of an attachment itself: 附件 / 附件1 alone on its line. */
const ATTACHMENT_HEADING = /^附件\s*\d{0,2}$/;
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

/**
 * Lines of the body, with blocks printed one after another on one line split apart. A page that lost
 * its line breaks runs headings and items together: `…要点。 一、总体要求 … (一)强化…公开 1、数字…`.
 * A block inside a line starts after a space and only where the sequence expects it: an item with the
 * next item number (or 1 right after a heading), a heading 二、 with the next heading number, (二) with
 * the next number under its heading; and after a sentence end or a closing bracket — or, for an item
 * or the (一) under a heading, right after that heading's title, which has no sentence end.
 */
function blockLines(text: string, lines: Line[]): Line[] {
  const out: Line[] = [];
  let lastItem = 0;
  let lastH1 = 0;
  let lastH2 = 0;
  let afterHeading = true;
  /** the level of the block the current piece of the line opens (0 for text that opens none) */
  let pieceLevel = 0;
  const open = (piece: string): void => {
    let m: RegExpExecArray | null;
    if ((m = H1.exec(piece))) { lastH1 = parseNumeral(numeralOf(m)); lastH2 = 0; afterHeading = true; pieceLevel = 1; }
    else if ((m = H2.exec(piece))) { lastH2 = parseNumeral(numeralOf(m)); afterHeading = true; pieceLevel = 2; }
    else if ((m = ITEM.exec(piece) ?? ITEM_DIGIT_TITLE.exec(piece))) { lastItem = Number(numeralOf(m)); afterHeading = false; pieceLevel = 3; }
    else pieceLevel = 0;
  };
  // A header printed cell by cell from a lone `序号`, without bars: its width (lines from 序号 to the first
  // row number), the group columns printed before 序号 and the lines since its last row began. A bare number
  // opens a row only where a row is due (first, or a header's width of lines after the last), so a count cell
  // printing `2` in row 1 does not. With group columns a row is due a group cell earlier or later as well: the
  // width may hold the first row's group cell, and each group's first row prints its own. A row may also be a
  // cell short — an empty last cell (责任领导) left out — so the next number opens a row one line early too; a
  // count cell printing the next number there is followed by the row's own number, which the join below refuses.
  // A heading line (`一、做大做强主导产业`) printed between the header and a row, or between rows, is no cell.
  let bare: { width: number; groups: number; sinceRow: number } | undefined;
  const bareRowAt = (t: string): RegExpExecArray | null => {
    if (!bare || (bare.sinceRow >= 0 && Math.abs(bare.sinceRow - bare.width) > bare.groups && bare.sinceRow !== bare.width - 1)) return null;
    return BARE_NUMBER_LINE.exec(t);
  };
  const isHeadingLine = (t: string): boolean => H1.test(t.trimStart()) || H2.test(t.trimStart());
  for (let k = 0; k < lines.length; k++) {
    let l = lines[k]!;
    // A new such header: its rows are numbered from 1 again.
    if (LONE_SERIAL_HEADER.test(l.text)) {
      let groups = 0;
      while (k - groups - 1 >= 0 && GROUP_COLUMN.test(lines[k - groups - 1]!.text)) groups++;
      bare = { width: 0, groups, sinceRow: -1 };
      lastItem = 0;
    }
    const printedCell = NUMBER_CELL_LINE.exec(l.text) ?? bareRowAt(l.text);
    const barred = !printedCell && BAR_LINE.test(lines[k + 1]?.text ?? '') ? BARE_NUMBER_LINE.exec(l.text) : null;
    const cell = printedCell ?? barred;
    const next = lines[k + (barred ? 2 : 1)];
    // `1 |` (or `1` under such a header) then its title: one item, the number's line joined to the title's.
    // The first row under such a header may take any number: a page may show only the end of a table (24 |).
    const firstRow = bare !== undefined && bare.sinceRow < 0 && lastItem === 0;
    if (cell && next && (Number(cell[1]) === lastItem + 1 || firstRow) && !NUMBER_CELL_LINE.test(next.text) && !BARE_NUMBER_LINE.test(next.text)
      && !(barred && BAR_LINE.test(next.text))) {
      l = { start: l.start, end: next.end, text: text.slice(l.start, next.end) };
      k += barred ? 2 : 1;
      if (bare) bare.sinceRow = 2;
    } else if (bare && !isHeadingLine(l.text)) {
      if (bare.sinceRow < 0) bare.width++;
      else bare.sinceRow++;
    }
    open(l.text);
    let start = l.start;
    INLINE_MARKER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = INLINE_MARKER.exec(l.text)) !== null) {
      const afterSentence = m.index > 0 && (SENTENCE_END.test(l.text[m.index - 1]!)
        || (/^\s/.test(m[0]) && endsInLabelList(text, start, l.start + m.index)));
      const afterTitle = pieceLevel === 1 || pieceLevel === 2;
      let expected: boolean;
      if (m[1] !== undefined) {
        const n = Number(m[1]);
        expected = (afterSentence || afterTitle) && (n === lastItem + 1 || (n === 1 && afterHeading));
      } else if (m[4] !== undefined) {
        const n = Number(m[4]);
        expected = (n === lastItem + 1 || (n === 1 && afterHeading)) && gluedItemContinues(text.slice(start, l.start + m.index), n);
      } else if (m[2] !== undefined) {
        expected = parseNumeral(m[2]) === lastH1 + 1
          && (afterSentence || HEADING_THEN_FIRST.test(l.text.slice(m.index + m[0].length)));
      } else {
        const n = parseNumeral(m[3]!);
        expected = (afterSentence && n === lastH2 + 1) || (n === 1 && pieceLevel === 1);
      }
      if (!expected) continue;
      const at = l.start + m.index;
      let e = at;
      while (e > start && /\s/.test(text[e - 1]!)) e--;
      if (e > start) out.push({ start, end: e, text: text.slice(start, e) });
      start = at + m[0].length - m[0].trimStart().length;
      open(text.slice(start, l.end));
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

const titleKey = (s: string): string => s.replace(/[《》〈〉\s]/g, '').replace(/[。.]$/, '');

/**
 * The body lines from lines[first]: up to an 附件 line — attachments are forms, tables and receipts —
 * unless the notice announces an attachment (附件:1.X …) that it prints below (附件1, then X): a
 * notice that circulates a breakdown as its attachment has its tasks there. The lines from the
 * announcement to the attachment's title (its numbered list, the date) are not body text.
 */
function bodyLinesOf(lines: Line[], first: number): Line[] {
  const out: Line[] = [];
  for (let i = first; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!APPENDIX.test(t)) { out.push(lines[i]!); continue; }
    const list = ATTACHMENT_LIST.exec(t);
    if (!list) break;
    const announced = new Set([titleKey(list[1]!)]);
    let m: RegExpExecArray | null;
    for (let k = i + 1; k < lines.length && (m = ATTACHMENT_MORE.exec(lines[k]!.text)); k++) announced.add(titleKey(m[1]!));
    let heading = -1;
    for (let k = i + 1; k + 1 < lines.length; k++) {
      if (ATTACHMENT_HEADING.test(lines[k]!.text) && announced.has(titleKey(lines[k + 1]!.text))) { heading = k; break; }
    }
    if (heading < 0) break;
    i = heading + 1;
  }
  return out;
}

/** Headings and tasks of the body lines[bodyLine…] (up to an 附件 line, see bodyLinesOf). */
export function findNumberedBlocks(text: string, lines: Line[], bodyLine: number): { headings: Heading[]; tasks: TaskBlock[] } {
  // A page that lost its line breaks holds the body on the very line the header was read from.
  const first = bodyLine > 0 && lines[bodyLine - 1]!.text.length > LOST_BREAKS ? bodyLine - 1 : bodyLine;
  const body = blockLines(text, bodyLinesOf(lines, first));
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
    if (b.level === 1) {
      h1 = b; h2 = undefined;
      headings.push({ level: 1, ordinal: b.ordinal, marker: b.marker, title: headingTitle(b), line: b.line });
      // A section with no block below it (measures numbered 一、二、 only, each one paragraph) is its own
      // work item when it carries a list: a task that needs one, as principles and goals do.
      const next = raw[r + 1];
      if (next !== undefined && next.level !== 1) continue;
    }
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
    const enclosing = [b.level > 1 ? h1 : undefined, b.level >= 3 ? h2 : undefined].filter((x): x is RawBlock => x !== undefined);
    const principle = [...enclosing, b].some((x) => PRINCIPLE.test(ownTitle(x)));
    // A sub-item's path is finished below, inside the task it is printed in.
    const parts = b.level === 1 ? [b.ordinal] : b.level === 2 ? [h1?.ordinal, b.ordinal] : b.level === 4 ? [h1?.ordinal, h2?.ordinal] : [h1?.ordinal, h2?.ordinal, b.ordinal];
    tasks.push({
      level: b.level, number: b.numeral, marker: b.marker, ordinal: b.ordinal,
      path: parts.filter((x): x is number => x !== undefined).join('.'),
      section: enclosing.map(headingTitle).join(' / '),
      title: text.slice(b.bodyStart, titleEnd).trim(),
      titleStart: b.line.start, titleEnd,
      start: b.line.start, end,
      text: text.slice(b.line.start, end),
      order: tasks.length + 1,
      needsList: b.level === 4 || b.level === 1 || principle,
    });
  }
  // Numbering that runs through the document identifies a task by its own number. Sections (level 1) are
  // left out: a section task exists only where no block is, and must not renumber the others.
  const top = tasks.filter((t) => t.level !== 4 && t.level !== 1);
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
    if (t.level === 1) continue;
    const n = (seen.get(t.path) ?? 0) + 1;
    seen.set(t.path, n);
    if (n > 1) t.path = `${t.path}~${n}`;
  }
  for (const t of tasks) if (t.level === 1 && seen.has(t.path)) t.path = `${t.path}~s`;
  return { headings, tasks };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
