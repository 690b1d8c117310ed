/*
 * Task-breakdown tables flattened to text: a header row whose cells include labels (序号 | 工作任务 |
 * 牵头单位 | 责任单位 | 完成时限), then one row per task with its cells separated the same way (tab,
 * '|' or a run of two or more spaces). The cells under a label column are that row's list, read like
 * a labelled list (roles by the column's label). Rows stop at a blank line or a row of another shape.
 * A table flattened with every cell on a line of its own (序号 | / 重点工作 | / 责任单位 | / …, then one
 * line per cell of each row) is read by counting: each row is as many lines as the header, starting
 * with the row's number.
 */
import { BRACKETED_LABEL, roleOfLabel } from './list-labels.ts';
import { looksLikeUnit, splitListUnits } from './list-units.ts';
import { BAR_LINE, H1, H2 } from './numbered-blocks.ts';
import type { ListedUnit, ResponsibilityList, Role } from './responsibility.ts';

export interface Cell { start: number; end: number }

const CELL_SEPARATOR = /\t|\||\s{2,}|　/g;

/** Cells of [start, end) split at tabs, '|' and runs of spaces; empty edge cells (| a | b |) dropped. */
export function tableCells(text: string, start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  const line = text.slice(start, end);
  CELL_SEPARATOR.lastIndex = 0;
  let from = 0;
  let m: RegExpExecArray | null;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/.test(line[a]!)) a++;
    while (b > a && /\s/.test(line[b - 1]!)) b--;
    cells.push({ start: start + a, end: start + b });
  };
  while ((m = CELL_SEPARATOR.exec(line)) !== null) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, line.length);
  while (cells.length > 0 && cells[0]!.end === cells[0]!.start) cells.shift();
  while (cells.length > 0 && cells[cells.length - 1]!.end === cells[cells.length - 1]!.start) cells.pop();
  return cells;
}

type ReadCell = (start: number, end: number, role: Role) => ListedUnit[];

// A line that may be a header row: a label word somewhere in it.
// A header cell may wrap inside its words (`牵头 单位`).
// A department's own table names its divisions (责任科室, 牵头处室).
const HEADER_HINT = /(?:牵头|责任|配合|主责|协办|参与|负责|协同)\s?(?:单位|部门|处室|科室)/g;

function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/**
 * A table whose cells are separated by single spaces (序号 工作任务 牵头负责部门 / 1 居民消费价格涨幅3%左右 发展改革委):
 * only the label columns at the end of the header can be told apart (序号 重点工作任务 主要责任单位 协同配合单位),
 * and only as the last words of each numbered row. The last label column is the row's last word; the ones
 * before it take one word each, the first of them every word left between the title and them — a cell of
 * several units printed one per line (`2 任务。 区财政局` / `区税务局` / `区政府有关部门,…`). A row goes on over
 * the lines that follow it as single words; a heading line (一、…) between rows is passed over. A row's
 * lists are kept only when every unit in them reads as a unit.
 */
function lastColumnRows(text: string, header: { start: number; end: number }, readCell: ReadCell): { lists: ResponsibilityList[]; end: number } {
  const lists: ResponsibilityList[] = [];
  const words = text.slice(header.start, header.end).trim().split(/\s+/);
  let firstLabel = words.length;
  while (firstLabel > 2 && BRACKETED_LABEL.test(words[firstLabel - 1]!)) firstLabel--;
  const labels = words.slice(firstLabel);
  if (words.length < 3 || !/^序号/.test(words[0]!) || labels.length === 0) return { lists, end: header.end };
  const roles = labels.map(roleOfLabel);
  if (roles[roles.length - 1] === null) return { lists, end: header.end };
  let pos = header.end + 1;
  while (pos < text.length) {
    const row = lineAround(text, pos);
    const line = text.slice(row.start, row.end);
    if (line.trim() === '' || isHeadingLine(line)) { pos = row.end + 1; continue; }
    if (!/^\s*\d{1,3}\s/.test(line)) break;
    pos = row.end + 1;
    // The row's words: those of its line, then those of the single-word lines that continue it.
    const cells = wordsOf(text, row.start, row.end).slice(2);
    while (pos < text.length) {
      const more = lineAround(text, pos);
      const t = text.slice(more.start, more.end).trim();
      if (t === '' || /\s/.test(t) || /^\d{1,3}$/.test(t) || isHeadingLine(t)) break;
      cells.push(...wordsOf(text, more.start, more.end));
      pos = more.end + 1;
    }
    if (cells.length === 0) continue;
    // The label columns from the end: one word each, the first label column the words left over.
    const columns: Cell[][] = labels.map(() => []);
    for (let w = cells.length - 1, c = labels.length - 1; w >= 0; w--, c = Math.max(0, c - 1)) columns[c]!.push(cells[w]!);
    const units: ListedUnit[] = [];
    columns.forEach((col, c) => {
      const role = roles[c];
      if (role === null || role === undefined) return;
      for (const cell of col.reverse()) units.push(...readCell(cell.start, cell.end, role));
    });
    if (units.length > 0 && units.every((u) => looksLikeUnit(u.name))) {
      lists.push({ start: units[0]!.start, end: units[units.length - 1]!.end, units, explicit: roles.some((r) => r !== 'responsible') });
    }
  }
  return { lists, end: pos };
}

/** A heading line between a table's rows (一、…, (一)…), by the body's own heading markers. */
const isHeadingLine = (line: string): boolean => H1.test(line.trimStart()) || H2.test(line.trimStart());

/** The words of [start, end) split at spaces, a sentence's closing 。 left out of the word it ends. */
function wordsOf(text: string, start: number, end: number): Cell[] {
  const out: Cell[] = [];
  const re = /\S+/g;
  const line = text.slice(start, end);
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const b = m.index + m[0].length - (m[0].endsWith('。') ? 1 : 0);
    out.push({ start: start + m.index, end: start + b });
  }
  return out;
}

// One cell alone on its line, as a table flattened cell by cell prints it: `责任单位 |`, `1 |`.
const LONE_CELL = /^\s*\|?\s*([^|\s][^|]{0,15}?)\s*\|?\s*$/;
const NUMBER_CELL = /^\s*\|?\s*(\d{1,3})\s*\|?\s*$/;

interface TextLine { start: number; end: number; text: string }

function nonBlankLines(text: string, from: number, to: number): TextLine[] {
  const out: TextLine[] = [];
  for (let pos = from; pos < to;) {
    const l = lineAround(text, pos);
    if (text.slice(l.start, l.end).trim() !== '') out.push({ ...l, text: text.slice(l.start, l.end) });
    pos = l.end + 1;
  }
  return out;
}

/**
 * A header printed one cell per line around the label at `at` (序号 | / 重点工作 | / 责任领导 | /
 * 责任单位 | / 完成时限 |): the rows below are read by counting lines, each row as many lines as the
 * header, the first its number (1, 2, 3 … in turn). Undefined when the lines around are not such a header.
 */
function cellPerLineRows(text: string, at: number, readCell: ReadCell): { lists: ResponsibilityList[]; end: number } | undefined {
  const lineOf = lineAround(text, at);
  if (!LONE_CELL.test(text.slice(lineOf.start, lineOf.end))) return undefined;
  // Exported with a bar on its own line after each cell (`责任科室` / `|`): the bar lines hold no cell, and
  // the header may have no 序号 cell (its first column is a group cell merged over the number's, `工作任务`);
  // the rows are then told by their numbers and their label cells matched by what they hold.
  const barLines = BAR_LINE.test(text.slice(lineOf.end + 1, lineAround(text, lineOf.end + 1).end));
  const cellLines = (from: number, to: number): TextLine[] => nonBlankLines(text, from, to).filter((l) => !barLines || !BAR_LINE.test(l.text));
  // The header: the run of lone cells around the label, from the one that says 序号.
  const before = cellLines(Math.max(0, lineOf.start - 200), lineOf.start).reverse();
  let first = lineOf.start;
  for (const l of before) {
    if (!LONE_CELL.test(l.text) || NUMBER_CELL.test(l.text)) break;
    first = l.start;
    if (/^\s*\|?\s*序号/.test(l.text)) break;
  }
  const lines = cellLines(first, text.length);
  const header: string[] = [];
  let i = 0;
  for (; i < lines.length && LONE_CELL.test(lines[i]!.text) && !NUMBER_CELL.test(lines[i]!.text); i++) header.push(LONE_CELL.exec(lines[i]!.text)![1]!);
  if (header.length < 3 || (!/^序号/.test(header[0]!) && !(barLines && NUMBER_CELL.test(lines[i]?.text ?? '')))) return undefined;
  const columns = labelColumns(header);
  if (columns.length === 0) return undefined;
  const lists: ResponsibilityList[] = [];
  const explicit = columns.some((c) => c.role !== 'responsible');
  let end = lines[i - 1]!.end;
  // Rows are numbered on from their first number (a page may show only the end of a table: 24, 25, …).
  const firstRow = Number(NUMBER_CELL.exec(lines[i]?.text ?? '')?.[1]);
  for (let n = firstRow; i < lines.length && Number(NUMBER_CELL.exec(lines[i]!.text)?.[1]) === n; n++) {
    const width = rowWidth(lines, i, n, header.length);
    const units: ListedUnit[] = [];
    // Counted cells hold what the header says only when the row is as wide as the header and its label
    // cells read as units; else (a merged cell, a closing bar line) the cells are matched by what they hold.
    const counted = width === header.length
      ? columns.map((col) => [col, tableCells(text, lines[i + col.index]!.start, lines[i + col.index]!.end)[0]] as const)
      : [];
    const byCount = counted.length > 0 && counted.every(([, c]) => c === undefined || isUnitsCell(text, c));
    for (const [col, cell] of byCount ? counted : unitCells(text, lines.slice(i + 1, i + width), columns)) {
      if (cell) units.push(...readCell(cell.start, cell.end, col.role));
    }
    if (units.length > 0) lists.push({ start: units[0]!.start, end: units[units.length - 1]!.end, units, explicit });
    end = lines[i + width - 1]!.end;
    i += width;
  }
  return { lists, end };
}

/**
 * The label columns of a header: a cell that is a label (牵头单位, `牵头 单位` wrapped inside its words), or
 * two labels joined (责任主体与协同单位): one column whose units the header does not tell apart — beside a
 * lead column they are the ones who support it, else they are responsible.
 */
function labelColumns(header: string[]): { index: number; role: Role }[] {
  const cols: { index: number; role: Role | null; joined: boolean }[] = header.map((cell, index) => {
    const label = cell.replace(/\s+/g, '');
    if (BRACKETED_LABEL.test(label)) return { index, role: roleOfLabel(label), joined: false };
    const parts = label.split(/与|和|及|、/);
    if (parts.length > 1 && parts.every((p) => BRACKETED_LABEL.test(p) && roleOfLabel(p) !== null)) {
      const roles = new Set(parts.map((p) => roleOfLabel(p)));
      return { index, role: roles.size === 1 ? [...roles][0]! : 'responsible', joined: roles.size > 1 };
    }
    return { index, role: null, joined: false };
  });
  const hasLead = cols.some((c) => c.role === 'lead' && !c.joined);
  return cols.filter((c): c is { index: number; role: Role; joined: boolean } => c.role !== null)
    .map((c) => ({ index: c.index, role: c.joined && hasLead ? 'support' : c.role }));
}

/** Whether a cell holds units only (市政局、相关街道), not a name of a person, a date or a sentence. */
function isUnitsCell(text: string, c: Cell): boolean {
  const units = splitListUnits(text, c.start, c.end);
  return units.length > 0 && units.every((u) => looksLikeUnit(u.name));
}

// A line of a table exported cell by cell that only closes a row or prints an empty cell: `|`, `||`.
const PIPES_ONLY = /^\s*\|+\s*$/;

/**
 * How many lines row `n` starting at lines[at] takes: the header's width when the next row's number stands
 * there (or the table ends there); else up to the next row's number — a row with a merged cell prints fewer
 * cells than its header, an exported row may close with a line of bars — and for the last row, its lines
 * that end in a bar.
 */
function rowWidth(lines: TextLine[], at: number, n: number, headerWidth: number): number {
  const isNext = (k: number): boolean => Number(NUMBER_CELL.exec(lines[k]?.text ?? '')?.[1]) === n + 1;
  if (at + headerWidth >= lines.length || isNext(at + headerWidth)) return Math.min(headerWidth, lines.length - at);
  for (let k = at + 1; k < Math.min(lines.length, at + 2 * headerWidth); k++) if (isNext(k)) return k - at;
  let k = at + 1;
  while (k < lines.length && k < at + headerWidth && /\|\s*$/.test(lines[k]!.text)) k++;
  return k - at;
}

/**
 * The cells of a row whose count differs from its header's, matched to the label columns by what they hold:
 * the first run of cells that read as units only (a name, a person, a date or a sentence does not), one
 * cell per label column in order. Nothing when the run and the columns do not match.
 */
function unitCells(text: string, rowLines: TextLine[], columns: { index: number; role: Role }[]): [{ index: number; role: Role }, Cell][] {
  const cells = rowLines.filter((l) => !PIPES_ONLY.test(l.text)).map((l) => tableCells(text, l.start, l.end)[0]).filter((c): c is Cell => c !== undefined);
  const isUnits = (c: Cell): boolean => isUnitsCell(text, c);
  const from = cells.findIndex(isUnits);
  if (from < 0) return [];
  let to = from;
  while (to < cells.length && isUnits(cells[to]!)) to++;
  if (to - from !== columns.length) return [];
  return columns.map((col, k) => [col, cells[from + k]!]);
}

// A row closed by empty cells the page pads it with: `… | 各科室 | |`.
const PADDED_ROW_END = /\|\s*\|\s*$/;
const ITEM_CELL = /^\d{1,3}\s*[.、．]/;

/**
 * The cells of a row under a header whose first column groups the rows (`工作任务 | 具体要求 | 责任部门 |`):
 * the group's cell is merged over its rows, so only the first prints it (`一、做好…。 | 1.积极… | 财务科 |`)
 * and the others start at their own item and close with the empty cells the page pads them with
 * (`3.及时反馈… | 各科室 | |`). Such a row's cells stand under the header's last columns; the merged
 * columns before them are `undefined`. Undefined when the row is not of that shape (the table ends there).
 */
function groupedRowCells(text: string, row: { start: number; end: number }, cells: Cell[], width: number): (Cell | undefined)[] | undefined {
  if (cells.length < 2 || cells.length >= width) return undefined;
  if (!PADDED_ROW_END.test(text.slice(row.start, row.end)) || !ITEM_CELL.test(text.slice(cells[0]!.start, cells[0]!.end))) return undefined;
  return [...new Array<undefined>(width - cells.length), ...cells];
}

/**
 * Lists of the rows under every header row of the text. `readCell` reads one cell as a labelled run
 * (the list rules live in responsibility.ts).
 */
export function readTables(text: string, readCell: ReadCell): ResponsibilityList[] {
  const lists: ResponsibilityList[] = [];
  HEADER_HINT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADER_HINT.exec(text)) !== null) {
    const line = lineAround(text, m.index);
    HEADER_HINT.lastIndex = line.end;
    const perLine = cellPerLineRows(text, m.index, readCell);
    if (perLine) {
      for (const l of perLine.lists) lists.push(l);
      HEADER_HINT.lastIndex = Math.max(HEADER_HINT.lastIndex, perLine.end);
      continue;
    }
    if (!/\t|\||\s{2}/.test(text.slice(line.start, line.end))) {
      const rows = lastColumnRows(text, line, readCell);
      for (const l of rows.lists) lists.push(l);
      HEADER_HINT.lastIndex = Math.max(HEADER_HINT.lastIndex, rows.end);
      continue;
    }
    const header = tableCells(text, line.start, line.end);
    if (header.length < 3) continue;
    const columns: { index: number; role: Role }[] = [];
    header.forEach((c, index) => {
      const label = text.slice(c.start, c.end);
      const role = BRACKETED_LABEL.test(label) ? roleOfLabel(label) : null;
      if (role) columns.push({ index, role });
    });
    if (columns.length === 0) continue;
    let pos = line.end + 1;
    while (pos < text.length) {
      const row = lineAround(text, pos);
      const printed = tableCells(text, row.start, row.end);
      const cells = printed.length === header.length ? printed : groupedRowCells(text, row, printed, header.length);
      if (!cells) break;
      pos = row.end + 1;
      if (/^[\s|:\-—]+$/.test(text.slice(row.start, row.end))) continue; // |---|---| under a Markdown header
      const units: ListedUnit[] = [];
      for (const col of columns) {
        const cell = cells[col.index];
        if (cell) units.push(...readCell(cell.start, cell.end, col.role));
      }
      if (units.length > 0) lists.push({ start: units[0]!.start, end: units[units.length - 1]!.end, units, explicit: columns.some((c) => c.role !== 'responsible') });
    }
    HEADER_HINT.lastIndex = Math.max(HEADER_HINT.lastIndex, pos);
  }
  return lists;
}
