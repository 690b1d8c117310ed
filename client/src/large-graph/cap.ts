/*
 * What to draw when a result is large. Above the threshold the canvas switches to the WebGL renderer and a
 * draft layout; above the cap it draws the best-connected part and says how much was left out, because a
 * page that freezes on 50,000 elements helps nobody. Pure, so the rules are unit-tested.
 */

export interface CapNode { id: string }
export interface CapEdge { id: string; source: string; target: string }

export interface RenderPlan {
  /** 'webgl' = cytoscape's canvas renderer with its WebGL option on. */
  renderer: 'canvas' | 'webgl';
  layoutQuality: 'default' | 'draft';
  large: boolean;
}

export const LARGE_THRESHOLD = 2000;
/** Elements actually drawn at most; beyond this layout and interaction stop being fluid even with WebGL. */
export const DRAW_CAP = 12000;

export function renderPlan(elementCount: number, threshold = LARGE_THRESHOLD): RenderPlan {
  const large = elementCount > threshold;
  return { renderer: large ? 'webgl' : 'canvas', layoutQuality: large ? 'draft' : 'default', large };
}

export interface Capped<N, E> {
  nodes: N[];
  edges: E[];
  omittedNodes: number;
  omittedEdges: number;
}

/**
 * Keeps at most `cap` elements: nodes first by degree (hubs carry the picture), ties in input order, then
 * the edges whose both ends are kept, while the budget lasts. `keep` ids (the selection, pinned nodes)
 * always stay.
 */
export function capElements<N extends CapNode, E extends CapEdge>(
  nodes: readonly N[],
  edges: readonly E[],
  cap = DRAW_CAP,
  keep: ReadonlySet<string> = new Set(),
): Capped<N, E> {
  if (nodes.length + edges.length <= cap) return { nodes: [...nodes], edges: [...edges], omittedNodes: 0, omittedEdges: 0 };
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const order = nodes.map((n, i) => ({ n, i, d: keep.has(n.id) ? Infinity : (degree.get(n.id) ?? 0) }));
  order.sort((a, b) => b.d - a.d || a.i - b.i);
  // Roughly two thirds of the budget to nodes leaves room for the edges that make them readable.
  const nodeBudget = Math.max(Math.min(nodes.length, Math.ceil(cap * 0.6)), Math.min(keep.size, cap));
  const kept = order.slice(0, nodeBudget).sort((a, b) => a.i - b.i).map((o) => o.n);
  const keptIds = new Set(kept.map((n) => n.id));
  const edgeBudget = Math.max(0, cap - kept.length);
  const keptEdges: E[] = [];
  for (const e of edges) {
    if (keptEdges.length >= edgeBudget) break;
    if (keptIds.has(e.source) && keptIds.has(e.target)) keptEdges.push(e);
  }
  return { nodes: kept, edges: keptEdges, omittedNodes: nodes.length - kept.length, omittedEdges: edges.length - keptEdges.length };
}
