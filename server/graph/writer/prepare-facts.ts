/*
 * Turns one document's GraphFacts into the parameter rows the writer's Cypher expects
 * (docs/graph-storage.md). Pure and synchronous, so every rule about shape — one document per
 * write, endpoints that exist, evidence that belongs to the document, props that do not overwrite
 * bookkeeping keys — fails here with a message naming the fact, before a transaction is opened.
 */
import {
  documentNodeId, GraphFacts, NODE_LABELS, RELATIONSHIP_TYPES,
  type NodeLabel, type PropValue, type RelationshipType,
} from '../../extract/graph-facts.ts';
import { aliasText, searchKeys } from './search-keys.ts';
import { documentReadings, type DocumentMeta } from './document-readings.ts';

export class FactsError extends Error {
  override name = 'FactsError';
}

export interface NodeRow {
  id: string;
  label: NodeLabel;
  aliases: string[];
  /** Everything SET on the node besides `propsDoc` and the merged aliases. */
  props: Record<string, PropValue>;
}

export interface RelationshipRow {
  type: RelationshipType;
  from: string;
  to: string;
  key: string;
  props: Record<string, PropValue>;
  evidenceStarts: number[];
  evidenceEnds: number[];
  evidenceTexts: string[];
}

export interface PreparedDocument {
  docId: string;
  docNodeId: string;
  sha256: string;
  /** Properties of the Document node. */
  documentProps: Record<string, PropValue>;
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  /**
   * Ids of the non-Document nodes the facts touch, sorted: the ends of the Document's STATES
   * relationships, which are the nodes' support (docs/graph-storage.md).
   */
  nodeIds: string[];
  relationshipCount: number;
}

/** Keys the writer owns; a fact prop with one of these names would corrupt the bookkeeping. */
const NODE_RESERVED = new Set(['id', 'name', 'aliases', 'aliasText', 'pinyin', 'initials', 'propsDoc', 'nodeIds', 'aliasPairs', '_lock']);
const RELATIONSHIP_RESERVED = new Set(['key', 'documents', 'evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts', 'evidenceCount']);

/** Code-point order, independent of locale: the order every lock list and stored list is sorted in. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Validates (zod + cross-references) and shapes one document's facts; throws FactsError saying what and where. */
export function prepareDocument(input: unknown, text: string, meta: DocumentMeta = {}): PreparedDocument {
  const parsed = GraphFacts.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FactsError(`invalid graph facts at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}`);
  }
  const facts = parsed.data;
  if (facts.documents.length !== 1) {
    throw new FactsError(`graph facts must describe exactly one document per write, got ${facts.documents.length}`);
  }
  const doc = facts.documents[0]!;
  const docNodeId = documentNodeId(doc.id);
  const evidenceNames = new Set([doc.id, doc.file, docNodeId]);

  const nodes = new Map<string, NodeRow>();
  for (const [i, n] of facts.nodes.entries()) {
    if (n.id === docNodeId) continue; // the Document node is written from `documents`, not from `nodes`
    if (!(NODE_LABELS as readonly string[]).includes(n.label)) throw new FactsError(`nodes[${i}] (${n.id}): unknown label ${n.label}`);
    checkProps(n.props, NODE_RESERVED, `nodes[${i}] (${n.id})`);
    const keys = searchKeys(n.name);
    const prev = nodes.get(n.id);
    if (prev && prev.label !== n.label) {
      throw new FactsError(`nodes[${i}]: id ${n.id} appears with two labels, ${prev.label} and ${n.label}`);
    }
    const aliases = [...new Set([...(prev?.aliases ?? []), ...n.aliases])].sort(byCodePoint);
    nodes.set(n.id, {
      id: n.id,
      label: n.label,
      aliases,
      props: { ...(prev?.props ?? {}), ...n.props, id: n.id, name: n.name, pinyin: keys.pinyin, initials: keys.initials },
    });
  }

  const relationships: RelationshipRow[] = [];
  const seen = new Map<string, RelationshipRow>();
  for (const [i, r] of facts.relationships.entries()) {
    const where = `relationships[${i}] (${r.from} -[${r.type}]-> ${r.to})`;
    if (!(RELATIONSHIP_TYPES as readonly string[]).includes(r.type)) throw new FactsError(`${where}: unknown type`);
    for (const end of [r.from, r.to]) {
      if (end !== docNodeId && !nodes.has(end)) throw new FactsError(`${where}: node ${end} is not among the document's nodes`);
    }
    checkProps(r.props, RELATIONSHIP_RESERVED, where);
    const key = r.type === 'RESPONSIBLE_FOR' && typeof r.props.role === 'string' ? r.props.role : '';
    for (const [j, e] of r.evidence.entries()) {
      if (!evidenceNames.has(e.document)) throw new FactsError(`${where}: evidence[${j}] names document ${e.document}, not ${doc.id}`);
      if (e.end < e.start || e.end > text.length) throw new FactsError(`${where}: evidence[${j}] span ${e.start}-${e.end} is outside the text (${text.length} characters)`);
    }
    const id = `${r.type}\u0000${r.from}\u0000${r.to}\u0000${key}`;
    let row = seen.get(id);
    if (!row) {
      row = { type: r.type, from: r.from, to: r.to, key, props: {}, evidenceStarts: [], evidenceEnds: [], evidenceTexts: [] };
      seen.set(id, row);
      relationships.push(row);
    }
    // The key is the row's own `key`, stored once: keeping it in props too sent it twice per relationship.
    row.props = { ...row.props, ...r.props };
    for (const e of r.evidence) {
      row.evidenceStarts.push(e.start);
      row.evidenceEnds.push(e.end);
      row.evidenceTexts.push(e.text);
    }
  }

  const documentProps: Record<string, PropValue> = {
    id: docNodeId, docId: doc.id, name: doc.title, aliases: [], aliasText: doc.title,
    ...searchKeys(doc.title), file: doc.file, kind: doc.kind, issued: doc.issued ?? null, year: doc.year ?? null,
    issuedInferred: doc.inferredIssued?.date ?? null,
    jurisdiction: doc.jurisdiction ?? null, jurisdictionLevel: doc.jurisdictionLevel ?? null, issuer: doc.issuer ?? null, sha256: doc.sha256, text,
  };
  return {
    docId: doc.id,
    docNodeId,
    sha256: doc.sha256,
    // The counts of what was read travel with the Document node, so the library never walks the facts.
    documentProps: { ...documentProps, ...documentReadings(nodes.values(), relationships, meta) },
    // Sorted by id: merge-nodes takes the node locks in this order (see write-document.ts).
    nodes: [...nodes.values()].sort((x, y) => byCodePoint(x.id, y.id))
      .map((n) => ({ ...n, props: { ...n.props, aliasText: aliasText(String(n.props.name), n.aliases) } })),
    relationships,
    nodeIds: [...nodes.keys()].sort(byCodePoint),
    relationshipCount: seen.size,
  };
}

function checkProps(props: Record<string, PropValue>, reserved: Set<string>, where: string): void {
  for (const k of Object.keys(props)) {
    if (reserved.has(k)) throw new FactsError(`${where}: prop "${k}" is reserved for the loader's bookkeeping`);
  }
}

/** Sorted union of two sorted-or-not id lists: the lock order for a replacement. */
export function lockOrder(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(byCodePoint);
}
