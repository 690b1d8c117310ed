/*
 * The current view's data as JSON, GraphML and CSV, written on the client from the elements on the canvas
 * so the file matches what the analyst sees (hidden nodes and unsaved query results included or not, as
 * drawn), without a round trip to /api/export.
 */

export type ExportValue = string | number | boolean | null | readonly string[] | readonly number[];

export interface ExportNode {
  id: string;
  label: string;
  name: string;
  properties: Readonly<Record<string, ExportValue>>;
  x?: number;
  y?: number;
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Readonly<Record<string, ExportValue>>;
}

export interface ExportGraph {
  nodes: readonly ExportNode[];
  edges: readonly ExportEdge[];
}

export function toJson(g: ExportGraph): string {
  return `${JSON.stringify({ nodes: g.nodes, edges: g.edges }, null, 2)}\n`;
}

export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters even when escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function graphmlType(values: ExportValue[]): 'string' | 'double' | 'boolean' {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'number')) return 'double';
  if (present.length && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

const valueText = (v: ExportValue): string => (Array.isArray(v) ? JSON.stringify(v) : String(v));

/**
 * GraphML with one <key> per property seen; lists are stored as JSON strings because GraphML has no list
 * type. Keys are prefixed by domain (n_/e_) so a node and an edge property of the same name stay distinct.
 */
export function toGraphML(g: ExportGraph): string {
  const nodeKeys = new Map<string, ExportValue[]>([['label', []], ['name', []]]);
  for (const n of g.nodes) {
    nodeKeys.get('label')!.push(n.label);
    nodeKeys.get('name')!.push(n.name);
    for (const [k, v] of Object.entries(n.properties)) {
      if (k === 'label' || k === 'name') continue;
      (nodeKeys.get(k) ?? nodeKeys.set(k, []).get(k)!).push(v);
    }
  }
  const edgeKeys = new Map<string, ExportValue[]>([['type', []]]);
  for (const e of g.edges) {
    edgeKeys.get('type')!.push(e.type);
    for (const [k, v] of Object.entries(e.properties)) {
      if (k === 'type') continue;
      (edgeKeys.get(k) ?? edgeKeys.set(k, []).get(k)!).push(v);
    }
  }
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [k, vals] of nodeKeys) out.push(`  <key id="n_${xmlEscape(k)}" for="node" attr.name="${xmlEscape(k)}" attr.type="${graphmlType(vals)}"/>`);
  for (const [k, vals] of edgeKeys) out.push(`  <key id="e_${xmlEscape(k)}" for="edge" attr.name="${xmlEscape(k)}" attr.type="${graphmlType(vals)}"/>`);
  out.push('  <graph id="G" edgedefault="directed">');
  const data = (prefix: string, k: string, v: ExportValue) =>
    v === null || v === undefined ? '' : `      <data key="${prefix}_${xmlEscape(k)}">${xmlEscape(valueText(v))}</data>`;
  for (const n of g.nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">`);
    const lines = [data('n', 'label', n.label), data('n', 'name', n.name)];
    for (const [k, v] of Object.entries(n.properties)) if (k !== 'label' && k !== 'name') lines.push(data('n', k, v));
    out.push(...lines.filter(Boolean), '    </node>');
  }
  for (const e of g.edges) {
    out.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`);
    const lines = [data('e', 'type', e.type)];
    for (const [k, v] of Object.entries(e.properties)) if (k !== 'type') lines.push(data('e', k, v));
    out.push(...lines.filter(Boolean), '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
export function csvField(v: ExportValue | undefined): string {
  if (v === null || v === undefined) return '';
  let s = valueText(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Lines of CSV as one file: CRLF line ends and a BOM, so that Excel reads the Chinese as UTF-8. */
export function csvDocument(lines: readonly string[]): string {
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV for the whole view: a `kind` column says node or edge, so a single file opens in a spreadsheet
 * and can still be split by filtering. Property columns are the union of keys, sorted.
 */
export function toCsv(g: ExportGraph): string {
  const keys = new Set<string>();
  for (const n of g.nodes) for (const k of Object.keys(n.properties)) keys.add(k);
  for (const e of g.edges) for (const k of Object.keys(e.properties)) keys.add(k);
  const fixed = ['kind', 'id', 'label', 'name', 'source', 'target'];
  const extra = [...keys].filter((k) => !fixed.includes(k)).sort();
  const rows: string[] = [[...fixed, ...extra].map(csvField).join(',')];
  for (const n of g.nodes) rows.push([...['node', n.id, n.label, n.name, '', ''], ...extra.map((k) => n.properties[k])].map((v) => csvField(v ?? null)).join(','));
  for (const e of g.edges) rows.push([...['edge', e.id, e.type, '', e.source, e.target], ...extra.map((k) => e.properties[k])].map((v) => csvField(v ?? null)).join(','));
  return csvDocument(rows);
}
