/*
 * The pure half of query mode: which $parameters a query uses and how their typed-in values become JSON,
 * the history kept in the browser, where a server error points in the text, and what to complete at the
 * cursor. No CodeMirror and no DOM here, so all of it is unit-tested.
 */
import type { Schema } from '../../api/types.ts';

/** Parameter names in order of first use; ignores $ inside strings and comments. */
export function detectParams(query: string): string[] {
  const stripped = query
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`/g, '""');
  const seen: string[] = [];
  for (const m of stripped.matchAll(/\$([A-Za-z_][\w]*)/g)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return seen;
}

/**
 * A typed-in value: JSON when it parses (numbers, true, lists, maps), otherwise the text itself, so
 * 长乐区政府 needs no quotes but 2019 is a number. Surrounding quotes force a string.
 */
export function coerceParam(raw: string): unknown {
  const t = raw.trim();
  if (t === '') return null;
  try {
    return JSON.parse(t);
  } catch {
    return raw;
  }
}

export function paramsFor(query: string, raw: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of detectParams(query)) out[name] = coerceParam(raw[name] ?? '');
  return out;
}

export interface HistoryEntry {
  query: string;
  params: Record<string, string>;
  at: string;
  ok: boolean;
  rows?: number;
  ms?: number;
}

export const HISTORY_LIMIT = 50;
export const HISTORY_KEY = 'policy-graph.query-history';

/** Newest first; re-running the same text moves it to the top instead of duplicating it. */
export function pushHistory(list: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  const key = entry.query.trim();
  return [entry, ...list.filter((e) => e.query.trim() !== key)].slice(0, limit);
}

export function parseHistory(text: string | null): HistoryEntry[] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    return raw.filter((e): e is HistoryEntry =>
      !!e && typeof e === 'object' && typeof (e as HistoryEntry).query === 'string' && typeof (e as HistoryEntry).at === 'string',
    ).map((e) => ({ ...e, params: e.params && typeof e.params === 'object' ? e.params : {} }));
  } catch {
    return [];
  }
}

export interface ErrorPosition { line: number; column: number; offset?: number }

/**
 * Offset into `text` of a server-reported position. Line and column (1-based, as Neo4j reports them) win
 * over the offset, because a server that prefixes the statement (e.g. `CYPHER 5`) shifts only the offset.
 */
export function positionToOffset(text: string, pos: ErrorPosition): number {
  if (!(pos.line >= 1 && pos.column >= 1) && typeof pos.offset === 'number' && pos.offset >= 0) return Math.min(pos.offset, text.length);
  const lines = text.split('\n');
  let off = 0;
  for (let i = 0; i < Math.min(pos.line - 1, lines.length); i++) off += lines[i]!.length + 1;
  return Math.min(text.length, off + Math.max(0, pos.column - 1));
}

export function errorPosition(details: unknown): ErrorPosition | null {
  const p = (details as { position?: Partial<ErrorPosition> } | null)?.position;
  if (!p || typeof p.line !== 'number' || typeof p.column !== 'number') return null;
  return { line: p.line, column: p.column, ...(typeof p.offset === 'number' ? { offset: p.offset } : {}) };
}

export const CYPHER_KEYWORDS = [
  'MATCH', 'OPTIONAL MATCH', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER BY', 'SKIP', 'LIMIT', 'DISTINCT',
  'AS', 'AND', 'OR', 'NOT', 'IN', 'CONTAINS', 'STARTS WITH', 'ENDS WITH', 'IS NULL', 'IS NOT NULL', 'CASE',
  'WHEN', 'THEN', 'ELSE', 'END', 'UNION', 'CALL', 'YIELD', 'EXISTS', 'COUNT', 'collect', 'count', 'size',
  'labels', 'type', 'coalesce', 'shortestPath', 'allShortestPaths', 'nodes', 'relationships', 'toLower',
] as const;

export interface CompletionItem { label: string; type: 'class' | 'type' | 'property' | 'keyword'; detail?: string }
export interface CompletionAnswer { from: number; options: CompletionItem[] }

/**
 * What to offer at the end of `before` (the text up to the cursor): labels after `(x:` , relationship
 * types after `[r:` or `|`, property keys after `.` or `{`, keywords elsewhere. Counts from the schema are
 * shown as detail so the analyst sees how much of each there is.
 */
export function completeAt(before: string, schema: Schema | null, explicit = false): CompletionAnswer | null {
  const word = /[\p{L}\p{N}_]*$/u.exec(before)?.[0] ?? '';
  const from = before.length - word.length;
  const lead = before.slice(0, from);
  const labels = (schema?.labels ?? []).map((l): CompletionItem => ({ label: l.label, type: 'class', detail: String(l.count) }));
  const types = (schema?.relationshipTypes ?? []).map((t): CompletionItem => ({ label: t.type, type: 'type', detail: String(t.count) }));
  const keys = (schema?.propertyKeys ?? []).map((k): CompletionItem => ({ label: k, type: 'property' }));
  const open = (ch: '(' | '[') => {
    const i = Math.max(lead.lastIndexOf(ch), -1);
    const close = ch === '(' ? ')' : ']';
    return i >= 0 && lead.lastIndexOf(close) < i;
  };
  let options: CompletionItem[];
  if (/:\s*$/.test(lead) || /\|\s*:?\s*$/.test(lead)) {
    if (open('[')) options = types;
    else if (open('(')) options = labels;
    else options = [...labels, ...types];
  } else if (/[\p{L}\p{N}_]\.$/u.test(lead) || /[{,]\s*$/.test(lead)) {
    if (/[{,]\s*$/.test(lead) && !/\{[^}]*$/.test(lead)) return null;
    options = keys;
  } else {
    if (!explicit && word.length < 2) return null;
    options = CYPHER_KEYWORDS.map((k): CompletionItem => ({ label: k, type: 'keyword' }));
  }
  const w = word.toLowerCase();
  const filtered = options.filter((o) => o.label.toLowerCase().startsWith(w));
  return filtered.length ? { from, options: filtered } : null;
}

/**
 * Parameters the query compares with a node's `id` — `(a:Agency {id: $agency})`, `a.id = $x`, `a.id IN $xs`,
 * `$x = a.id` — with the label of that node when the text gives one ('' when it does not). The console uses
 * it to accept a name where an id is expected.
 */
export function idParams(query: string): Map<string, string> {
  const text = query
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '""');
  const labelOf = (labels: string | undefined) =>
    (labels ?? '').split(':').map((l) => l.replace(/[`\s]/g, '')).find((l) => l && l !== 'Entity') ?? '';
  const varLabels = new Map<string, string>();
  for (const m of text.matchAll(/\(\s*([A-Za-z_]\w*)\s*((?::\s*`?\w+`?\s*)+)/g)) {
    const label = labelOf(m[2]);
    if (label && !varLabels.has(m[1]!)) varLabels.set(m[1]!, label);
  }
  const out = new Map<string, string>();
  const add = (param: string, label: string) => { if (!out.has(param) || (!out.get(param) && label)) out.set(param, label); };
  for (const m of text.matchAll(/\(\s*(?:[A-Za-z_]\w*)?\s*((?::\s*`?\w+`?\s*)*)\{[^}]*?\bid\s*:\s*\$([A-Za-z_]\w*)/g)) add(m[2]!, labelOf(m[1]));
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\.id\s*(?:=|IN\b)\s*\$([A-Za-z_]\w*)/gi)) add(m[2]!, varLabels.get(m[1]!) ?? '');
  for (const m of text.matchAll(/\$([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\.id\b/g)) add(m[1]!, varLabels.get(m[2]!) ?? '');
  return out;
}

/** Entity ids read `label:key` (agency:长乐区政府, task:…); anything else typed for an id is taken as a name. */
export function looksLikeEntityId(value: string): boolean {
  return /^[a-z][a-z_]*:\S/.test(value);
}
