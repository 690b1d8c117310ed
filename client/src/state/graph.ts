/*
 * The graph part of state and pure functions over it. Objects are replaced, never mutated, so an undo
 * snapshot is just a reference and the canvas can tell what changed by identity.
 */
import type { ApiEdge, ApiGraph, ApiNode, EvidenceSummary, Props } from '../api/types.ts';

export interface GNode {
  id: string;
  label: string;
  name: string;
  properties: Props;
  pinned?: boolean;
  /** Canvas position captured when a snapshot was taken, so undo puts nodes back where they were. */
  position?: { x: number; y: number };
}

export interface GEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Props;
  /** The server's summary of the relationship's evidence (count, documents, first span). */
  evidence?: EvidenceSummary;
  /** Not stored in the graph: inferred on the client, e.g. responsibility inherited through a group. */
  derived?: boolean;
}

export interface GraphState {
  nodes: Readonly<Record<string, GNode>>;
  edges: Readonly<Record<string, GEdge>>;
  hidden: Readonly<Record<string, true>>;
}

export const emptyGraph = (): GraphState => ({ nodes: {}, edges: {}, hidden: {} });

export function toGNode(n: ApiNode): GNode {
  return { id: n.id, label: n.label, name: n.name, properties: n.properties ?? {} };
}

export function toGEdge(e: ApiEdge): GEdge {
  return { id: e.id, type: e.type, source: e.source, target: e.target, properties: e.properties ?? {}, ...(e.evidence ? { evidence: e.evidence } : {}) };
}

/** Adds nodes and edges; known nodes keep their pin and position, edges need both ends present. */
export function mergeGraph(g: GraphState, add: Partial<ApiGraph> & { derived?: GEdge[] }): GraphState {
  const nodes: Record<string, GNode> = { ...g.nodes };
  for (const n of add.nodes ?? []) {
    const old = nodes[n.id];
    nodes[n.id] = old ? { ...toGNode(n), pinned: old.pinned, position: old.position } : toGNode(n);
  }
  const edges: Record<string, GEdge> = { ...g.edges };
  const all = [...(add.edges ?? []).map(toGEdge), ...(add.derived ?? [])];
  for (const e of all) {
    if (nodes[e.source] && nodes[e.target]) edges[e.id] = e;
  }
  const hidden = { ...g.hidden };
  for (const n of add.nodes ?? []) delete hidden[n.id];
  return { nodes, edges, hidden };
}

export function removeNodes(g: GraphState, ids: readonly string[]): GraphState {
  const drop = new Set(ids);
  const nodes: Record<string, GNode> = {};
  for (const [id, n] of Object.entries(g.nodes)) if (!drop.has(id)) nodes[id] = n;
  const edges: Record<string, GEdge> = {};
  for (const [id, e] of Object.entries(g.edges)) if (!drop.has(e.source) && !drop.has(e.target)) edges[id] = e;
  const hidden: Record<string, true> = {};
  for (const id of Object.keys(g.hidden)) if (!drop.has(id)) hidden[id] = true;
  return { nodes, edges, hidden };
}

export function hideNodes(g: GraphState, ids: readonly string[]): GraphState {
  const hidden: Record<string, true> = { ...g.hidden };
  for (const id of ids) if (g.nodes[id]) hidden[id] = true;
  return { ...g, hidden };
}

export function showAll(g: GraphState): GraphState {
  return { ...g, hidden: {} };
}

export function setPinned(g: GraphState, ids: readonly string[], pinned: boolean): GraphState {
  const nodes: Record<string, GNode> = { ...g.nodes };
  for (const id of ids) {
    const n = nodes[id];
    if (n) nodes[id] = { ...n, pinned };
  }
  return { ...g, nodes };
}

/** Copies canvas positions into the nodes (only where they moved), for snapshots. */
export function withPositions(g: GraphState, positions: ReadonlyMap<string, { x: number; y: number }>): GraphState {
  let changed = false;
  const nodes: Record<string, GNode> = { ...g.nodes };
  for (const [id, p] of positions) {
    const n = nodes[id];
    if (n && (n.position?.x !== p.x || n.position?.y !== p.y)) {
      nodes[id] = { ...n, position: { x: p.x, y: p.y } };
      changed = true;
    }
  }
  return changed ? { ...g, nodes } : g;
}

export function neighbourIds(g: GraphState, id: string): string[] {
  const out: string[] = [];
  for (const e of Object.values(g.edges)) {
    if (e.source === id) out.push(e.target);
    else if (e.target === id) out.push(e.source);
  }
  return out;
}

export function sameElements(a: GraphState, b: GraphState): boolean {
  const ka = Object.keys(a.nodes).sort().join('\n') + '|' + Object.keys(a.edges).sort().join('\n');
  const kb = Object.keys(b.nodes).sort().join('\n') + '|' + Object.keys(b.edges).sort().join('\n');
  return ka === kb;
}
