/*
 * The parameter rows of a write transaction, built before the transaction opens. Building them (combining
 * the documents, whole property maps, Neo4j integer conversion) is a few milliseconds of CPU per document;
 * inside the transaction it ran while the transaction held the hub agencies' locks, so a second
 * transaction in flight waited for it. Only the split into new and existing elements needs the database
 * and happens inside (write-documents.ts).
 */
import type { RelationshipType } from '../../extract/graph-facts.ts';
import { toNeo4jParams } from '../neo4j-params.ts';
import { combineDocuments, newNodeProps, newRelationshipProps } from './combine-documents.ts';
import { byCodePoint, type PreparedDocument } from './prepare-facts.ts';

export interface NodePlan {
  id: string;
  /** Row for merge-nodes.cypher and create-nodes.cypher (the node had no supporting document). */
  create: Record<string, unknown>;
  /** Row for merge-existing-nodes.cypher, built on demand: few nodes of a load exist already. */
  merge: () => Record<string, unknown>;
}

export interface RelationshipPlan {
  from: string;
  to: string;
  /**
   * Row for create-relationships.cypher (an end is new, so the relationship cannot exist): a positional
   * list, [from, to, key, documents, evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts, props].
   * Most of a load's parameter traffic is these rows, and a map would carry ~11 key strings per row that
   * the driver encodes and Neo4j decodes every time (about 45% of all strings sent).
   */
  create: unknown[];
  /** Row for merge-relationships.cypher, built on demand: few rows of a load need it. */
  merge: () => Record<string, unknown>;
}

export interface WritePlan {
  nodes: NodePlan[];
  /**
   * Rows for create-states.cypher, one per document and node it states: [docNodeId, nodeId, aliases the
   * document printed for the node, outTypes, outEnds] — the type and other end of each relationship the
   * document states from that node, sorted by type and end (what GET /api/documents/:id seeks by).
   * Positional for the same reason as relationship rows.
   */
  states: unknown[][];
  relationships: Map<RelationshipType, RelationshipPlan[]>;
  relationshipCount: number;
  documents: Record<string, unknown>[];
}

export function planWrite(docs: readonly PreparedDocument[]): WritePlan {
  const combined = combineDocuments(docs);
  const nodes = combined.nodes.map((n) => ({
    id: n.id,
    create: toNeo4jParams({ id: n.id, labels: n.labels, props: newNodeProps(n) }),
    merge: () => toNeo4jParams({ id: n.id, labels: n.labels, aliases: n.aliases, doc: n.docIds[0] ?? null, props: n.props }),
  }));
  const relationships = new Map<RelationshipType, RelationshipPlan[]>();
  for (const [type, rows] of combined.relationships) {
    relationships.set(type, rows.map((r) => ({
      from: r.from,
      to: r.to,
      create: [r.from, r.to, r.key, r.docIds, r.evidenceDocs, toNeo4jParams(r.evidenceStarts), toNeo4jParams(r.evidenceEnds), r.evidenceTexts, toNeo4jParams(r.props)],
      merge: () => ({ from: r.from, to: r.to, key: r.key, props: toNeo4jParams(r.props), created: toNeo4jParams(newRelationshipProps(r)) }),
    })));
  }
  const documents = docs.map((d) => ({ docNodeId: d.docNodeId, props: toNeo4jParams(d.documentProps) }));
  // Sorted by node: creating a relationship locks a sparse node, so transactions lock shared nodes in one order.
  const states = docs.flatMap((d) => {
    const outs = statedOut(d);
    return d.nodes.map((n) => [d.docNodeId, n.id, n.aliases, ...(outs.get(n.id) ?? [[], []])] as [string, string, string[], string[], string[]]);
  }).sort((a, b) => byCodePoint(a[1], b[1]) || byCodePoint(a[0], b[0]));
  return { nodes, states, relationships, relationshipCount: combined.relationshipCount, documents };
}

/**
 * Per start node, the distinct (type, other end) of the relationships one document states, sorted by type
 * then end, as two parallel lists: stored on the document's STATES to that node, so a reader finds each
 * of the document's facts by a typed expand between two known nodes (docs/graph-storage.md).
 */
export function statedOut(doc: PreparedDocument): Map<string, [string[], string[]]> {
  const pairs = new Map<string, Set<string>>();
  for (const r of doc.relationships) {
    let set = pairs.get(r.from);
    if (!set) pairs.set(r.from, (set = new Set()));
    set.add(`${r.type}\u0000${r.to}`);
  }
  const out = new Map<string, [string[], string[]]>();
  for (const [from, set] of pairs) {
    const sorted = [...set].map((p) => p.split('\u0000') as [string, string])
      .sort((a, b) => byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]));
    out.set(from, [sorted.map((p) => p[0]), sorted.map((p) => p[1])]);
  }
  return out;
}
