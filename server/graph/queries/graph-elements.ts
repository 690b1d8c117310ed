/*
 * The API's one shape for graph elements ({nodes, edges} with nodes keyed by their `id` property), so the
 * neighbours view, paths, curated queries, the console and export all hand the client the same thing,
 * whatever Cypher produced them. Element ids stay internal except as a fallback key.
 */
import type { PlainNode, PlainRelationship } from '../neo4j-values.ts';

export interface ApiNode {
  id: string;
  label: string;
  labels: string[];
  name: string;
  aliases: string[];
  properties: Record<string, unknown>;
}

export interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface ApiGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

// Search helpers and bulk fields: useless on a canvas and large (a Document's text can be 100 kB).
const HIDDEN_IN_GRAPH = new Set(['aliasText', 'pinyin', 'initials', 'nodeIds', 'text']);
const HIDDEN_ON_DOCUMENT_ONLY = new Set(['text']);

export function primaryLabel(labels: readonly string[]): string {
  return labels.find((l) => l !== 'Entity') ?? labels[0] ?? 'Node';
}

/** Node key for the API: the `id` property when there is one (always, for loaded facts). */
export function nodeKey(node: PlainNode): string {
  const id = node.properties.id;
  return typeof id === 'string' && id ? id : node.elementId;
}

/** `full` keeps everything except a Document's text (node details); otherwise search helpers go too. */
export function toApiNode(node: PlainNode, full = false): ApiNode {
  const properties: Record<string, unknown> = {};
  const isDocument = node.labels.includes('Document');
  for (const [k, v] of Object.entries(node.properties)) {
    if (full ? isDocument && HIDDEN_ON_DOCUMENT_ONLY.has(k) : HIDDEN_IN_GRAPH.has(k) && (k !== 'text' || isDocument)) continue;
    properties[k] = v;
  }
  const name = node.properties.name;
  const aliases = node.properties.aliases;
  return {
    id: nodeKey(node),
    label: primaryLabel(node.labels),
    labels: [...node.labels],
    name: typeof name === 'string' ? name : nodeKey(node),
    aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
    properties,
  };
}

/** `keyOf` maps element ids of the endpoints to API node keys. */
export function toApiEdge(rel: PlainRelationship, keyOf: (elementId: string) => string): ApiEdge {
  return {
    id: rel.elementId,
    type: rel.type,
    source: keyOf(rel.startElementId),
    target: keyOf(rel.endElementId),
    properties: { ...rel.properties },
  };
}

/** Builds {nodes, edges} from plain elements; edges whose endpoints are missing are dropped. */
export function buildGraph(nodes: Iterable<PlainNode>, rels: Iterable<PlainRelationship>): ApiGraph {
  const byElement = new Map<string, PlainNode>();
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
