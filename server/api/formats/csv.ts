/*
 * CSV export without a zip: one text/csv answer with a nodes section and an edges section (a blank line
 * between them), or one part only with part=nodes|edges. RFC 4180 quoting; lists as JSON text.
 */
import type { ApiGraph } from '../../graph/queries/graph-elements.ts';

/** What spreadsheet software starts a formula with (OWASP's list): = + - @, and tab and CR, which some strip first. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number is data whatever its sign; `-1+HYPERLINK(…)` starts like one and is not. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  // A cell that would start a formula gets a leading ' so spreadsheets show it as text.
  const safe = FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function table(fixed: string[], rows: { fixed: unknown[]; properties: Record<string, unknown> }[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.properties)))].filter((k) => !fixed.includes(k)).sort();
  const lines = [[...fixed, ...keys].map(csvCell).join(',')];
  for (const r of rows) lines.push([...r.fixed, ...keys.map((k) => r.properties[k])].map(csvCell).join(','));
  return lines.join('\r\n');
}

export function nodesCsv(graph: ApiGraph): string {
  return table(['id', 'label', 'name'], graph.nodes.map((n) => ({ fixed: [n.id, n.label, n.name], properties: n.properties })));
}

export function edgesCsv(graph: ApiGraph): string {
  return table(['source', 'target', 'type'], graph.edges.map((e) => ({ fixed: [e.source, e.target, e.type], properties: e.properties })));
}

export function toCsv(graph: ApiGraph, part: 'nodes' | 'edges' | 'both'): string {
  if (part === 'nodes') return `${nodesCsv(graph)}\r\n`;
  if (part === 'edges') return `${edgesCsv(graph)}\r\n`;
  return `${nodesCsv(graph)}\r\n\r\n${edgesCsv(graph)}\r\n`;
}
