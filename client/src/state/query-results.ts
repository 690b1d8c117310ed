/*
 * Turning a query result into canvas facts, pure. The one rule that is not a plain merge: a row that
 * says a task is reached `via` a group becomes a derived agency → task edge, drawn dashed, so the
 * difference between direct and inherited responsibility is visible on the canvas.
 */
import type { ApiGraph, QueryResult } from '../api/types.ts';
import type { Lang } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';
import type { GEdge } from './graph.ts';
import type { QueryResultView } from './store.ts';

export function rowsAsObjects(columns: readonly string[], rows: QueryResult['rows'] | readonly (readonly unknown[])[]): Record<string, unknown>[] {
  return rows.map((r) => {
    if (!Array.isArray(r)) return r as Record<string, unknown>;
    const o: Record<string, unknown> = {};
    columns.forEach((c, i) => (o[c] = r[i]));
    return o;
  });
}

/** A node id from a cell: an id string, an API node {id}, or a raw Neo4j node {kind:'node', properties:{id}}. */
export function idOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as { id?: unknown; kind?: unknown; properties?: { id?: unknown } };
  if (typeof o.id === 'string') return o.id;
  if (o.kind === 'node' && typeof o.properties?.id === 'string') return o.properties.id;
  return null;
}

/** Display text of a cell: node names for nodes, plain values otherwise. */
export function cellValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellValue).join(', ');
  if (typeof v !== 'object') return String(v);
  const o = v as { name?: unknown; kind?: unknown; type?: unknown; properties?: Record<string, unknown> };
  if (o.kind === 'node') return String(o.properties?.name ?? o.properties?.id ?? '');
  if (o.kind === 'relationship') return String(o.type ?? '') + (o.properties?.role ? `(${String(o.properties.role)})` : '');
  if (typeof o.name === 'string') return o.name;
  return JSON.stringify(v);
}

/** The node a row is about: the first value naming a node of the result graph other than `exclude`. */
export function rowSubject(row: Record<string, unknown>, graph: ApiGraph, exclude: string | null, prefer = 'Task'): string | null {
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  let fallback: string | null = null;
  for (const v of Object.values(row)) {
    const id = idOf(v);
    if (!id || id === exclude || !labels.has(id)) continue;
    if (labels.get(id) === prefer) return id;
    fallback ??= id;
  }
  return fallback;
}

export function isDirect(via: unknown): boolean {
  return via === null || via === undefined || via === '' || via === 'direct';
}

export function derivedEdges(rows: readonly Record<string, unknown>[], graph: ApiGraph, sourceId: string | null): GEdge[] {
  if (!sourceId) return [];
  const out: GEdge[] = [];
  for (const row of rows) {
    if (!('via' in row) || isDirect(row.via)) continue;
    const target = rowSubject(row, graph, sourceId);
    if (!target) continue;
    out.push({
      id: `derived:${sourceId}->${target}`,
      type: 'RESPONSIBLE_FOR',
      source: sourceId,
      target,
      properties: { via: String(row.via), role: typeof row.role === 'string' ? row.role : null },
      derived: true,
    });
  }
  return out;
}

/** The node of a result a parameter value names: by id, else by name or alias (and label, when given). */
export function entityIdIn(graph: ApiGraph, value: string, label: string | null): string | null {
  if (!value) return null;
  const fits = (n: ApiGraph['nodes'][number]) => !label || n.label === label || !!n.labels?.includes(label);
  const byId = graph.nodes.find((n) => n.id === value);
  if (byId) return byId.id;
  const byName = graph.nodes.find((n) => fits(n) && (n.name === value || !!n.aliases?.includes(value)));
  return byName?.id ?? value;
}

export function parseEntityParamLabel(type: string): string | null {
  const m = /^entity(?:\((\w+)\))?$/.exec(type);
  return m ? (m[1] ?? '') : null;
}

/** "1–50 of 15,025" for a paging query that reported totals (`all`, or its only total), else null. */
export function pageSummary(r: Pick<QueryResultView, 'page' | 'totals'>, lang: Lang): { text: string; more: boolean } | null {
  if (!r.page || !r.totals) return null;
  const values = Object.values(r.totals);
  const total = r.totals.all ?? (values.length === 1 ? values[0] : undefined);
  if (total === undefined) return null;
  const fmt = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const from = r.page.shown ? r.page.offset + 1 : r.page.offset;
  return {
    text: tf(lang, 'pageOf', { from: fmt(from), to: fmt(r.page.offset + r.page.shown), total: fmt(total) }),
    more: r.page.offset + r.page.shown < total,
  };
}
