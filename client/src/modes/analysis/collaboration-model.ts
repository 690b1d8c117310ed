/*
 * The collaboration network without the DOM: the API's agency pairs turned into weighted nodes and edges
 * for the measure the user picked, clusters found with graphology's Louvain (a maintained implementation,
 * not our own), and the sizes and colours the drawing uses. Pure, so each step is unit-tested.
 *
 * Clusters run here in the browser and not on the server: they depend only on the graph the view already
 * holds, a few hundred agencies take milliseconds, and changing the measure or the minimum weight re-clusters
 * without a round trip (docs/ui.md#collaboration-network).
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { request } from '../../api/client.ts';
import type { CollaborationPair } from '../../../../server/graph/queries/analysis-collaboration.ts';

// The API's answer is the server's type, imported type-only (nothing of the server is bundled).
export type { CollaborationAnswer, CollaborationPair } from '../../../../server/graph/queries/analysis-collaboration.ts';

/** Which shared tasks weigh an edge: all, or one kind of pair. */
export const MEASURES = ['sharedTasks', 'leadSupport', 'supportSupport', 'joint'] as const;
export type Measure = (typeof MEASURES)[number];

export interface NetNode { id: string; name: string; group: boolean; jurisdiction: string | null; strength: number; cluster: number }
export interface NetEdge {
  id: string; source: string; target: string; weight: number;
  sharedTasks: number; leadSupport: number; supportSupport: number; joint: number;
}
export interface Network { nodes: NetNode[]; edges: NetEdge[]; clusters: number }

/** The edge id of a pair, the same whichever way round the pair is given. */
export const pairId = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Pairs → weighted edges and the agencies they touch: an edge weighs what the measure counts; edges below
 * minWeight (at least 1) are dropped, and so are agencies left without an edge. A node's strength is the sum
 * of its edges' weights. Pairs given twice (either way round) are one edge.
 */
export function pairsToNetwork(pairs: readonly CollaborationPair[], measure: Measure, minWeight = 1): Omit<Network, 'clusters'> {
  const edges = new Map<string, NetEdge>();
  const nodes = new Map<string, NetNode>();
  const floor = Math.max(1, minWeight);
  for (const p of pairs) {
    const weight = p[measure];
    if (p.agencyA === p.agencyB || weight < floor) continue;
    const id = pairId(p.agencyA, p.agencyB);
    if (edges.has(id)) continue;
    const [source, target] = p.agencyA < p.agencyB ? [p.agencyA, p.agencyB] : [p.agencyB, p.agencyA];
    edges.set(id, { id, source, target, weight, sharedTasks: p.sharedTasks, leadSupport: p.leadSupport, supportSupport: p.supportSupport, joint: p.joint });
    for (const [nid, name, group, jurisdiction] of [[p.agencyA, p.nameA, p.groupA, p.jurisdictionA], [p.agencyB, p.nameB, p.groupB, p.jurisdictionB]] as const) {
      const n = nodes.get(nid) ?? { id: nid, name, group, jurisdiction, strength: 0, cluster: 0 };
      n.strength += weight;
      nodes.set(nid, n);
    }
  }
  const byName = (x: NetNode, y: NetNode) => y.strength - x.strength || x.name.localeCompare(y.name, 'zh') || x.id.localeCompare(y.id);
  return { nodes: [...nodes.values()].sort(byName), edges: [...edges.values()] };
}

/**
 * Louvain communities over the weighted edges, numbered by size (0 = the largest cluster, ties by the first
 * agency's id), so colours stay put when the same network is drawn again. randomWalk is off: the same graph
 * gives the same clusters on every run.
 */
export function assignClusters(nodes: readonly NetNode[], edges: readonly NetEdge[], resolution = 1): { cluster: Map<string, number>; count: number } {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const n of nodes) graph.addNode(n.id);
  for (const e of edges) if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.mergeEdge(e.source, e.target, { weight: e.weight });
  const raw = graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', randomWalk: false, resolution }) : {};
  const members = new Map<number, string[]>();
  for (const n of nodes) {
    const c = raw[n.id] ?? -1 - members.size;
    const list = members.get(c) ?? [];
    list.push(n.id);
    members.set(c, list);
  }
  const ranked = [...members.values()].map((ids) => ids.sort()).sort((x, y) => y.length - x.length || x[0]!.localeCompare(y[0]!));
  const cluster = new Map<string, number>();
  ranked.forEach((ids, i) => { for (const id of ids) cluster.set(id, i); });
  return { cluster, count: ranked.length };
}

/** The network the view draws: pairs → edges → clusters. */
export function buildNetwork(pairs: readonly CollaborationPair[], measure: Measure, minWeight = 1): Network {
  const { nodes, edges } = pairsToNetwork(pairs, measure, minWeight);
  const { cluster, count } = assignClusters(nodes, edges);
  return { nodes: nodes.map((n) => ({ ...n, cluster: cluster.get(n.id) ?? 0 })), edges, clusters: count };
}

/** Edge width in pixels: 1 for the lightest edge up to 14 for the heaviest, by square root so hubs do not drown the rest. */
export function edgeWidth(weight: number, maxWeight: number): number {
  if (maxWeight <= 1) return 2;
  return Math.round((1 + 13 * Math.sqrt((weight - 1) / (maxWeight - 1))) * 10) / 10;
}

/** Node diameter in pixels from its strength, 14 to 44. */
export function nodeSize(strength: number, maxStrength: number): number {
  if (maxStrength <= 0) return 14;
  return Math.round(14 + 30 * Math.sqrt(strength / maxStrength));
}

// Twelve colours that stay apart for people with the common colour-vision deficiencies (Tableau 10 + two).
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1b9e77', '#7570b3'];
/** A cluster's colour; clusters past the palette share grey, as they are the smallest. */
export const clusterColour = (cluster: number): string => PALETTE[cluster] ?? '#c7c7c7';

/** Plan, year and jurisdiction as the analysis endpoints read them; empty strings are left out. */
export interface AnalysisFilterValues { plan: string; year: string; jurisdiction: string }

export interface AnalysisFilterChoices {
  plans: { id: string; name: string; year: number | null; tasks: number }[];
  years: number[];
  jurisdictions: { name: string; agencies: number }[];
}

/** GET an analysis endpoint; a 4xx/5xx becomes the app's ApiError so the usual error text applies. */
export function getAnalysis<T>(path: string, params: Record<string, string | number | boolean | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return request<T>(`analysis/${path}${q.size ? `?${q}` : ''}`);
}
