/*
 * The one result table of the app, used by Explore's results drawer and Query mode's Table tab, so both
 * sort, copy and export the same way: a header click sorts (numbers as numbers, text by the UI language's
 * collation, so Chinese sorts by pinyin; empty cells last) with ▲/▼ on the sorted column; Copy puts the
 * whole result on the clipboard as TSV (pastes into a spreadsheet as cells); CSV saves it as UTF-8 with a
 * BOM (Excel opens Chinese correctly). The rules are pure and unit-tested; the DOM part is thin.
 */
import { csvDocument, csvField } from '../export/data-writers.ts';
import type { Lang } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';
import { h, replace } from './dom.ts';
import './result-table.css';

export type SortDir = 'asc' | 'desc';
export interface SortState { column: string; dir: SortDir }

type Row = Record<string, unknown>;

/** A cell's number, when it is one (a number, or text that is only a number): sorted numerically. */
function numeric(v: unknown, text: string): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  const t = text.trim();
  return t !== '' && /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : null;
}

const collators = new Map<Lang, Intl.Collator>();
function collator(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true, sensitivity: 'base' })));
  return c;
}

/**
 * Rows in the order of `sort`, compared by their shown text (`text`) unless both cells are numbers.
 * Stable, and empty cells stay at the end in both directions, so "descending" never starts with blanks.
 */
export function sortRows<R extends Row>(rows: readonly R[], sort: SortState | null, text: (column: string, v: unknown) => string, lang: Lang): R[] {
  if (!sort) return [...rows];
  const keyed = rows.map((row, i) => {
    const v = row[sort.column];
    const t = text(sort.column, v);
    return { row, i, t, n: numeric(v, t), empty: v === null || v === undefined || t === '' };
  });
  const sign = sort.dir === 'asc' ? 1 : -1;
  const coll = collator(lang);
  keyed.sort((a, b) => {
    if (a.empty !== b.empty) return a.empty ? 1 : -1;
    let c = 0;
    if (a.n !== null && b.n !== null) c = a.n - b.n;
    else if (a.n !== null || b.n !== null) c = a.n !== null ? -1 : 1;
    else c = coll.compare(a.t, b.t);
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return keyed.map((k) => k.row);
}

/** Header click: a new column sorts ascending, the same column flips, a third click returns to the query's order. */
export function nextSort(cur: SortState | null, column: string): SortState | null {
  if (!cur || cur.column !== column) return { column, dir: 'asc' };
  return cur.dir === 'asc' ? { column, dir: 'desc' } : null;
}

/** Tab-separated text for the clipboard; tabs and line breaks inside a cell become spaces so cells stay cells. */
export function toTsv(header: readonly string[], body: readonly (readonly string[])[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [header, ...body].map((r) => r.map(clean).join('\t')).join('\n');
}

/**
 * The table as a CSV file, with the view export's field rule (data-writers.ts: RFC 4180 quoting, formulas
 * defused) and its BOM; cells that are numbers go out as numbers, so a negative count is not defused.
 */
export function toCsv(header: readonly string[], body: readonly (readonly string[])[]): string {
  const field = (s: string) => csvField(numeric(s, s) ?? s);
  return csvDocument([header, ...body].map((r) => r.map(field).join(',')));
}

/** A name for the exported file: the result's name, without characters file systems refuse. */
export function csvFileName(name: string): string {
  const base = name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'result';
  return `${base}.csv`;
}

export interface ResultTableOptions {
  /** Element id of the <table> (tests and the one-language walk find tables by it). */
  id: string;
  lang: Lang;
  columns: readonly string[];
  rows: readonly Row[];
  /** A column's header as shown (the UI language's name, or the user's own alias in the console). */
  header: (column: string) => string;
  /** A cell as shown, copied and exported. */
  cell: (column: string, v: unknown) => string;
  /** Rows drawn at most (all rows are still sorted, copied and exported). */
  maxRows?: number;
  /** Name of the CSV file, without extension. */
  name: string;
  onRow?: (row: Row) => void;
  rowClickable?: (row: Row) => boolean;
  notify: (text: string, kind?: 'info' | 'error') => void;
}

/** The sort of each table, kept while its columns stay the same, so a redraw (language, paging) keeps it. */
const sorts = new Map<string, { columns: string; sort: SortState | null }>();

/** The table (in its scroller) and its Copy / CSV buttons, which the caller puts in its own header line. */
export function resultTable(o: ResultTableOptions): { tools: HTMLElement; body: HTMLElement } {
  const signature = o.columns.join('\u001f');
  const kept = sorts.get(o.id);
  let sort = kept?.columns === signature ? kept.sort : null;
  const headerTexts = () => o.columns.map((c) => o.header(c));
  const bodyTexts = () => sortRows(o.rows, sort, o.cell, o.lang).map((r) => o.columns.map((c) => o.cell(c, r[c])));

  const table = h('table', { class: 'results result-table', id: o.id });
  const draw = () => {
    const shown = sortRows(o.rows, sort, o.cell, o.lang).slice(0, o.maxRows ?? Infinity);
    replace(table,
      h('thead', {}, h('tr', {}, o.columns.map((c) => {
        const dir = sort?.column === c ? sort.dir : null;
        return h('th', {
          title: `${c} · ${tf(o.lang, 'tblSortHint')}`, 'data-column': c, 'aria-sort': dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none',
          class: `sortable${dir ? ` sorted-${dir}` : ''}`,
          onclick: () => { sort = nextSort(sort, c); sorts.set(o.id, { columns: signature, sort }); draw(); },
        }, o.header(c), h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''));
      }))),
      h('tbody', {}, shown.map((row) => {
        const clickable = !!o.onRow && (o.rowClickable?.(row) ?? true);
        return h('tr', { class: clickable ? 'clickable' : '', onclick: () => { if (clickable) o.onRow!(row); } },
          o.columns.map((c) => { const t = o.cell(c, row[c]); return h('td', { title: t }, t); }));
      })));
  };
  draw();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toTsv(headerTexts(), bodyTexts()));
      o.notify(tf(o.lang, 'tblCopied', { n: o.rows.length }));
    } catch {
      o.notify(tf(o.lang, 'tblCopyFailed'), 'error');
    }
  };
  const exportCsv = () => {
    const blob = new Blob([toCsv(headerTexts(), bodyTexts())], { type: 'text/csv;charset=utf-8' });
    const a = h('a', { href: URL.createObjectURL(blob), download: csvFileName(o.name) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const tools = h('span', { class: 'result-table-tools' },
    h('button', { class: 'btn small', type: 'button', 'data-action': 'copy', 'data-table': o.id, onclick: () => void copy() }, tf(o.lang, 'tblCopy')),
    h('button', { class: 'btn small', type: 'button', 'data-action': 'csv', 'data-table': o.id, onclick: exportCsv }, tf(o.lang, 'tblCsv')));
  return { tools, body: h('div', { class: 'results-scroll' }, table) };
}
