/*
 * A canonical, order-independent picture of the whole graph, so tests can say "the same graph" —
 * lists whose order depends on load order (aliases, evidence) are sorted before comparing.
 */
import type { GraphDb } from '../../server/graph/graph-db.ts';

export interface GraphSnapshot { nodes: string[]; relationships: string[] }

export async function snapshot(db: GraphDb): Promise<GraphSnapshot> {
  const nodes = await db.read<{ id: string; labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props');
  const rels = await db.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props');
  const nodeLines = nodes.map(({ id, labels, props }) => {
    // size is the byte count of the file a load read; hand-written facts written directly have none.
    const { loadedAt: _t, size: _s, nodeIds, aliasPairs, aliases, aliasText: _a, ...rest } = props;
    return JSON.stringify([id, [...labels].sort(), sorted(nodeIds), sorted(aliases), sorted(aliasPairs), sortKeys(rest)]);
  });
  const relLines = rels.map(({ type, from, to, props }) => {
    // aliases: on STATES, the surface forms the document printed for the node, in no particular order.
    // outTypes/outEnds/outKeys/outSpans: on STATES, the relationships the document states from the node
    // and its spans of them, as one line per relationship and span (the entries' order is the writer's).
    const { documents, evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts, aliases, outTypes, outEnds, outKeys, outSpans, ...rest } = props as Record<string, unknown[]>;
    const spans = (evidenceDocs ?? []).map((d, i) => `${String(d)}@${String(evidenceStarts?.[i])}-${String(evidenceEnds?.[i])}:${String(evidenceTexts?.[i])}`).sort();
    const entry = (i: number) => `${String(outTypes?.[i])} ${String(outEnds?.[i])} ${String(outKeys?.[i])}`;
    const outs = outTypes
      ? [...outTypes.map((_t, i) => entry(i)), ...(outSpans ?? []).flatMap((v, k, all) => (k % 3 === 0 ? [`${entry(Number(v))} @${String(all[k + 1])}-${String(all[k + 2])}`] : []))].sort()
      : null;
    return JSON.stringify([type, from, to, sorted(documents), spans, sorted(aliases), outs, sortKeys(rest)]);
  });
  return { nodes: nodeLines.sort(), relationships: relLines.sort() };
}

function sorted(v: unknown): unknown {
  return Array.isArray(v) ? [...v].map(String).sort() : v ?? null;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
