/*
 * Folds the facts of several prepared documents into one row per node and one row per relationship,
 * so a write transaction that carries many documents touches each shared element once. Without this,
 * a relationship stated in all 50 documents of a transaction would have its evidence lists rewritten 50
 * times (docs/loading.md). Pure: the order of the input does not change the output.
 */
import type { NodeLabel, PropValue, RelationshipType } from '../../extract/graph-facts.ts';
import { sampleEvidence, type SampledEvidence } from './evidence-sample.ts';
import { byCodePoint, type PreparedDocument } from './prepare-facts.ts';
import { cappedAliasText } from './search-keys.ts';

export interface CombinedNodeRow {
  id: string;
  /** Normally one; two documents that disagree on a node's label give it both, as writing them one at a time would. */
  labels: NodeLabel[];
  /** Union of the documents' aliases, sorted. */
  aliases: string[];
  /** The documents that state the node, sorted. */
  docIds: string[];
  /** Per key, the value of the lowest document id that sets it (the writer's tie-break rule). */
  props: Record<string, PropValue>;
}

export interface CombinedRelationshipRow {
  type: RelationshipType;
  from: string;
  to: string;
  key: string;
  docIds: string[];
  props: Record<string, PropValue>;
  evidenceDocs: string[];
  evidenceStarts: number[];
  evidenceEnds: number[];
  evidenceTexts: string[];
}

export interface CombinedFacts {
  nodes: CombinedNodeRow[];
  /** Grouped by type: the type is part of the MERGE text, so each type is one statement. */
  relationships: Map<RelationshipType, CombinedRelationshipRow[]>;
  /** Distinct relationships (per type, ends and key) across the documents. */
  relationshipCount: number;
}

/** Sets only the keys `from` has that `into` lacks: with documents visited lowest id first, the lowest wins. */
function fillMissing(into: Record<string, PropValue>, from: Record<string, PropValue>): void {
  for (const [k, v] of Object.entries(from)) if (!(k in into)) into[k] = v;
}

export function combineDocuments(docs: readonly PreparedDocument[]): CombinedFacts {
  const ordered = [...docs].sort((a, b) => byCodePoint(a.docId, b.docId));
  const nodes = new Map<string, CombinedNodeRow>();
  const rels = new Map<string, CombinedRelationshipRow>();
  for (const doc of ordered) {
    for (const n of doc.nodes) {
      let row = nodes.get(n.id);
      if (!row) {
        row = { id: n.id, labels: [], aliases: [], docIds: [], props: {} };
        nodes.set(n.id, row);
      }
      if (!row.labels.includes(n.label)) row.labels.push(n.label);
      row.docIds.push(doc.docId);
      row.aliases.push(...n.aliases);
      fillMissing(row.props, n.props);
    }
    for (const r of doc.relationships) {
      const id = `${r.type}\u0000${r.from}\u0000${r.to}\u0000${r.key}`;
      let row = rels.get(id);
      if (!row) {
        row = {
          type: r.type, from: r.from, to: r.to, key: r.key, docIds: [], props: {},
          evidenceDocs: [], evidenceStarts: [], evidenceEnds: [], evidenceTexts: [],
        };
        rels.set(id, row);
      }
      row.docIds.push(doc.docId);
      fillMissing(row.props, r.props);
      for (let i = 0; i < r.evidenceStarts.length; i++) row.evidenceDocs.push(doc.docId);
      row.evidenceStarts.push(...r.evidenceStarts);
      row.evidenceEnds.push(...r.evidenceEnds);
      row.evidenceTexts.push(...r.evidenceTexts);
    }
  }
  const nodeRows = [...nodes.values()].sort((a, b) => byCodePoint(a.id, b.id));
  for (const row of nodeRows) row.aliases = [...new Set(row.aliases)].sort(byCodePoint);
  const relationships = new Map<RelationshipType, CombinedRelationshipRow[]>();
  // Sorted by ends and key, so transactions that append to the same relationships lock them in one order.
  const relRows = [...rels.values()].sort((a, b) => byCodePoint(a.from, b.from) || byCodePoint(a.to, b.to) || byCodePoint(a.key, b.key));
  for (const row of relRows) {
    const list = relationships.get(row.type);
    if (list) list.push(row);
    else relationships.set(row.type, [row]);
  }
  return { nodes: nodeRows, relationships, relationshipCount: rels.size };
}

/**
 * Every property of a node no document supported yet: what merge-existing-nodes would leave on a fresh
 * one. `propsDoc` is the document whose values the properties are (the lowest id, see combineDocuments).
 */
export function newNodeProps(row: CombinedNodeRow): Record<string, PropValue> {
  return {
    ...row.props,
    id: row.id,
    aliases: row.aliases,
    aliasText: cappedAliasText(String(row.props.name ?? row.id), row.aliases),
    propsDoc: row.docIds[0] ?? null,
  };
}

/**
 * Every property of a relationship this transaction creates: its evidence as sampleEvidence keeps it (the
 * lowest document ids' spans and the counts of all), as merge-relationships also appends it.
 */
export function newRelationshipProps(row: CombinedRelationshipRow): Record<string, PropValue> {
  return { ...row.props, key: row.key, ...sampledEvidence(row) };
}

/** The evidence a relationship row stores: sampleEvidence of its documents and spans. */
export function sampledEvidence(row: CombinedRelationshipRow): SampledEvidence {
  const { docIds: documents, evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts } = row;
  return sampleEvidence({ documents, evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts });
}
