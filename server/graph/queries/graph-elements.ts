/*
 * The API's one shape for graph elements ({nodes, edges} with nodes keyed by their `id` property), so the
 * neighbours view, paths, curated queries, the console and export all hand the client the same thing,
 * whatever Cypher produced them. Element ids stay internal except as a fallback key.
 *
 * Elements are lean: the loader's bookkeeping (a relationship's `documents` and parallel evidence lists,
 * a Document's nodeIds and aliasPairs) grows with every document that mentions a fact, so on a hub
 * relationship or a long plan it is thousands of entries. Graph answers carry counts and one sample span
 * instead; the evidence itself is served by GET /api/nodes/:id and GET /api/documents/:id.
 *
 * These types are the wire contract: the client imports them type-only (client/src/api/types.ts), so a
 * change of shape here is a compile error wherever the client reads it.
 */
import type { PlainNode, PlainRelationship } from '../neo4j-values.ts';

/** A property value on the wire: what Neo4j stores (primitives and lists of them), temporals as ISO text. */
export type PropValue = string | number | boolean | null | string[] | number[];
export type Props = Record<string, PropValue>;

/**
 * A converted property value (neo4j-values.ts) as a PropValue. The writer stores only these; a projection
 * may yield a map, a point or another kind of list, which travel as JSON text (a list as a list of texts)
 * rather than as a shape the client does not expect.
 */
export function propValue(v: unknown): PropValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return v as string[];
    if (v.every((x) => typeof x === 'number')) return v as number[];
    return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  }
  return JSON.stringify(v);
}

/** The properties `keep` lets through, each as a PropValue. */
export function wireProps(props: Record<string, unknown>, keep: (key: string) => boolean = () => true): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (keep(k)) out[k] = propValue(v);
  return out;
}

export interface EvidenceSpan { document: string; start: number; end: number; text: string }

/** A relationship's evidence, without the lists. */
export interface EvidenceSummary {
  /** Spans its documents give in all (the lists hold its lowest-id documents' only). */
  count: number;
  /** Documents that state the fact. */
  documents: number;
  /** The first span of the lowest document id, so a caption can quote something without another request. */
  first: EvidenceSpan | null;
}

export interface ApiNode {
  id: string;
  label: string;
  labels: string[];
  name: string;
  aliases: string[];
  properties: Props;
  /** How many Documents state the node; only GET /api/nodes/:id counts it (cypher/api/node.cypher). */
  documentCount?: number;
}

export interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Props;
  evidence?: EvidenceSummary;
}

export interface ApiGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

/**
 * A node or relationship as Cypher may project it to keep the wire lean (see cypher/api/neighbors.cypher):
 * the PlainNode / PlainRelationship shape, with `properties` either a map or a list of [key, value] pairs
 * (`[k IN keys(n) WHERE NOT k IN $hidden | [k, n[k]]]`, the only way to leave keys out in plain Cypher),
 * plus the summaries computed next to the data.
 */
export type LeanNode = Omit<PlainNode, 'properties'> & { properties: Record<string, unknown> | [string, unknown][]; documentCount?: number | null };
export type LeanRelationship = Omit<PlainRelationship, 'properties'> & {
  properties: Record<string, unknown> | [string, unknown][];
  evidence?: { count: number | null; documents: number | null; first: EvidenceSpan | null } | null;
};

/** Bookkeeping and search helpers: never part of a graph element (docs/graph-storage.md). */
export const HIDDEN_NODE_KEYS = ['propsDoc', 'aliasText', 'pinyin', 'initials', 'nodeIds', 'aliasPairs'] as const;
export const HIDDEN_RELATIONSHIP_KEYS = ['documents', 'evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts', 'evidenceCount', 'documentCount', 'pageKey'] as const;
const HIDDEN_NODE = new Set<string>(HIDDEN_NODE_KEYS);
const HIDDEN_REL = new Set<string>(HIDDEN_RELATIONSHIP_KEYS);

/** Parameters for the lean projections in cypher/api/*.cypher, so the hidden keys are listed once, here. */
export const LEAN_PARAMS = { hiddenNodeKeys: [...HIDDEN_NODE_KEYS], hiddenRelKeys: [...HIDDEN_RELATIONSHIP_KEYS] };

export function primaryLabel(labels: readonly string[]): string {
  return labels.find((l) => l !== 'Entity') ?? labels[0] ?? 'Node';
}

// Neo4j stores no null properties, so a null can only come from a projection naming a key the element
// lacks (`p {.year}`); dropping it keeps lean and raw elements alike.
function propsOf(p: Record<string, unknown> | [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries((Array.isArray(p) ? p : Object.entries(p)).filter(([, v]) => v !== null && v !== undefined));
}

/** Node key for the API: the `id` property when there is one (always, for loaded facts). */
export function nodeKey(node: PlainNode | LeanNode): string {
  const id = propsOf(node.properties).id;
  return typeof id === 'string' && id ? id : node.elementId;
}

const listSize = (v: unknown): number | undefined => (Array.isArray(v) ? v.length : undefined);

/** A lean node: bookkeeping dropped (its support as a count where the query counted it), and a Document's text left to /api/documents. */
export function toApiNode(node: PlainNode | LeanNode): ApiNode {
  const all = propsOf(node.properties);
  const isDocument = node.labels.includes('Document');
  const properties = wireProps(all, (k) => !HIDDEN_NODE.has(k) && !(k === 'text' && isDocument));
  const name = all.name;
  const aliases = all.aliases;
  const documentCount = 'documentCount' in node && typeof node.documentCount === 'number' ? node.documentCount : undefined;
  return {
    id: nodeKey(node),
    label: primaryLabel(node.labels),
    labels: [...node.labels],
    name: typeof name === 'string' ? name : nodeKey(node),
    aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
    properties,
    ...(documentCount !== undefined ? { documentCount } : {}),
  };
}

function evidenceOf(rel: PlainRelationship | LeanRelationship, all: Record<string, unknown>): EvidenceSummary | undefined {
  if ('evidence' in rel && rel.evidence) {
    return { count: rel.evidence.count ?? 0, documents: rel.evidence.documents ?? 0, first: rel.evidence.first ?? null };
  }
  const docs = all.evidenceDocs;
  if (!Array.isArray(docs)) return undefined;
  const at = <T>(key: string): T | undefined => (Array.isArray(all[key]) ? (all[key] as T[])[0] : undefined);
  // The lists hold a sample (docs/graph-storage.md, Evidence); the counts say how many there are in all.
  const count = (key: string): number | undefined => (typeof all[key] === 'number' ? all[key] : undefined);
  return {
    count: count('evidenceCount') ?? docs.length,
    documents: count('documentCount') ?? listSize(all.documents) ?? new Set(docs).size,
    first: docs.length > 0
      ? { document: String(docs[0]), start: Number(at<number>('evidenceStarts') ?? 0), end: Number(at<number>('evidenceEnds') ?? 0), text: String(at<string>('evidenceTexts') ?? '') }
      : null,
  };
}

/** A lean edge; `keyOf` maps element ids of the endpoints to API node keys. */
export function toApiEdge(rel: PlainRelationship | LeanRelationship, keyOf: (elementId: string) => string): ApiEdge {
  const all = propsOf(rel.properties);
  const properties = wireProps(all, (k) => !HIDDEN_REL.has(k));
  const evidence = evidenceOf(rel, all);
  return {
    id: rel.elementId,
    type: rel.type,
    source: keyOf(rel.startElementId),
    target: keyOf(rel.endElementId),
    properties,
    ...(evidence ? { evidence } : {}),
  };
}

/** Builds {nodes, edges} from plain or lean elements; edges whose endpoints are missing are dropped. */
export function buildGraph(nodes: Iterable<PlainNode | LeanNode>, rels: Iterable<PlainRelationship | LeanRelationship>): ApiGraph {
  const byElement = new Map<string, PlainNode | LeanNode>();
  for (const n of nodes) byElement.set(n.elementId, n);
  const edges = new Map<string, ApiEdge>();
  for (const r of rels) {
    const s = byElement.get(r.startElementId);
    const t = byElement.get(r.endElementId);
    if (!s || !t || edges.has(r.elementId)) continue;
    edges.set(r.elementId, toApiEdge(r, (e) => nodeKey(byElement.get(e)!)));
  }
  return { nodes: [...byElement.values()].map((n) => toApiNode(n)), edges: [...edges.values()] };
}

/**
 * The same element with its bookkeeping dropped, in the shape it came in (kind, elementId, labels…), so a
 * curated query's table cells stay what the query returned, only lighter.
 */
export function leanElement(value: PlainNode | PlainRelationship): PlainNode | PlainRelationship {
  if (value.kind === 'node') {
    const n = toApiNode(value);
    return { kind: 'node', elementId: value.elementId, labels: value.labels, properties: n.properties, ...(n.documentCount !== undefined ? { documentCount: n.documentCount } : {}) };
  }
  const e = toApiEdge(value, (x) => x);
  return { ...value, properties: e.properties, ...(e.evidence ? { evidence: e.evidence } : {}) };
}
