/*
 * Task-breakdown tables flattened to text: a header row whose cells include labels (序号 | 工作任务 |
 * 牵头单位 | 责任单位 | 完成时限), then one row per task with its cells separated the same way (tab,
 * '|' or a run of two or more spaces). The cells under a label column are that row's list, read like
 * a labelled list (roles by the column's label). Rows stop at a blank line or a row of another shape.
 */
import { BRACKETED_LABEL, roleOfLabel } from './list-labels.ts';
import { looksLikeUnit } from './list-units.ts';
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
const HEADER_HINT = /(?:牵头|责任|配合|主责|协办|参与|负责)(?:单位|部门)/g;

function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/**
 * A table whose cells are separated by single spaces (序号 工作任务 牵头负责部门 / 1 居民消费价格涨幅3%左右 发展改革委):
 * only a label in the last column can be told apart; each numbered row's last word is its list, kept only
 * when every unit in it reads as a unit.
 */
function lastColumnRows(text: string, header: { start: number; end: number }, readCell: ReadCell): { lists: ResponsibilityList[]; end: number } {
  const lists: ResponsibilityList[] = [];
  const words = text.slice(header.start, header.end).trim().split(/\s+/);
  const label = words[words.length - 1]!;
  if (words.length < 3 || !/^序号/.test(words[0]!) || !BRACKETED_LABEL.test(label)) return { lists, end: header.end };
  const role = roleOfLabel(label);
  let pos = header.end + 1;
  while (pos < text.length && role !== null) {
    const row = lineAround(text, pos);
    const line = text.slice(row.start, row.end);
    if (line.trim() === '') { pos = row.end + 1; continue; }
    if (!/^\s*\d{1,3}\s/.test(line)) break;
    pos = row.end + 1;
    const trimmed = line.trimEnd();
    const lastSpace = trimmed.search(/\s\S+$/);
    if (lastSpace < 0) continue;
    const units = readCell(row.start + lastSpace + 1, row.start + trimmed.length, role);
    if (units.length > 0 && units.every((u) => looksLikeUnit(u.name))) {
      lists.push({ start: units[0]!.start, end: units[units.length - 1]!.end, units, explicit: role !== 'responsible' });
    }
  }
  return { lists, end: pos };
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
      const cells = tableCells(text, row.start, row.end);
      if (cells.length !== header.length) break;
      pos = row.end + 1;
      if (/^[\s|:\-—]+$/.test(text.slice(row.start, row.end))) continue; // |---|---| under a Markdown header
      const units: ListedUnit[] = [];
      for (const col of columns) {
        const cell = cells[col.index]!;
        units.push(...readCell(cell.start, cell.end, col.role));
      }
      if (units.length > 0) lists.push({ start: units[0]!.start, end: units[units.length - 1]!.end, units, explicit: columns.some((c) => c.role !== 'responsible') });
    }
    HEADER_HINT.lastIndex = Math.max(HEADER_HINT.lastIndex, pos);
  }
  return lists;
}
