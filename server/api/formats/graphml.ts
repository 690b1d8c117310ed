/*
 * GraphML for Gephi and yEd: one <key> per property seen, typed (string/double/boolean) so the tools can
 * size and colour by value; lists become JSON strings since GraphML has no list type.
 */
import type { ApiGraph } from '../../graph/queries/graph-elements.ts';

export function xmlEscape(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than producing a file the tools refuse.
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

type KeyType = 'string' | 'double' | 'boolean';

function typeOf(v: unknown): KeyType {
  return typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string';
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function keysOf(items: { properties: Record<string, unknown> }[], base: Record<string, unknown>[]): Map<string, KeyType> {
  const keys = new Map<string, KeyType>();
  const see = (k: string, v: unknown) => {
    if (v === null || v === undefined) return;
    const t = typeOf(v);
    const prev = keys.get(k);
    keys.set(k, prev && prev !== t ? 'string' : t);
  };
  items.forEach((item, i) => {
    for (const [k, v] of Object.entries(base[i] ?? {})) see(k, v);
    for (const [k, v] of Object.entries(item.properties)) see(k, v);
  });
  return keys;
}

export function toGraphml(graph: ApiGraph): string {
  const nodeBase = graph.nodes.map((n) => ({ label: n.label, name: n.name }));
  const edgeBase = graph.edges.map((e) => ({ type: e.type }));
  const nodeKeys = keysOf(graph.nodes, nodeBase);
  const edgeKeys = keysOf(graph.edges, edgeBase);
  const nodeIds = new Map<string, string>();
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const keyId = (scope: 'n' | 'e', k: string) => `${scope}_${k.replace(/[^\w]/g, '_')}`;
  for (const [k, t] of nodeKeys) out.push(`  <key id="${xmlEscape(keyId('n', k))}" for="node" attr.name="${xmlEscape(k)}" attr.type="${t}"/>`);
  for (const [k, t] of edgeKeys) out.push(`  <key id="${xmlEscape(keyId('e', k))}" for="edge" attr.name="${xmlEscape(k)}" attr.type="${t}"/>`);
  out.push('  <graph id="G" edgedefault="directed">');
  graph.nodes.forEach((n, i) => {
    const gid = `n${i}`;
    nodeIds.set(n.id, gid);
    out.push(`    <node id="${gid}">`);
    for (const [k, v] of Object.entries({ ...nodeBase[i], ...n.properties })) {
      if (v === null || v === undefined) continue;
      out.push(`      <data key="${xmlEscape(keyId('n', k))}">${xmlEscape(text(v))}</data>`);
    }
    out.push('    </node>');
  });
  graph.edges.forEach((e, i) => {
    const s = nodeIds.get(e.source);
    const t = nodeIds.get(e.target);
    if (!s || !t) return;
    out.push(`    <edge id="e${i}" source="${s}" target="${t}">`);
    for (const [k, v] of Object.entries({ ...edgeBase[i], ...e.properties })) {
      if (v === null || v === undefined) continue;
      out.push(`      <data key="${xmlEscape(keyId('e', k))}">${xmlEscape(text(v))}</data>`);
    }
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
