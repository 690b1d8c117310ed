/*
 * Filters decide what is visible, never what is in the graph: clearing a filter brings hidden elements
 * back because nothing was removed. Pure, so unit tests can cover the rules without a canvas.
 */
import type { GEdge, GNode, GraphState } from './graph.ts';

export interface Filters {
  hiddenLabels: readonly string[];
  /** id of a Plan node: show only that plan's tasks (and plans other than it are hidden). */
  plan: string | null;
  year: string | null;
}

export const noFilters = (): Filters => ({ hiddenLabels: [], plan: null, year: null });

export function isFiltering(f: Filters): boolean {
  return f.hiddenLabels.length > 0 || f.plan !== null || f.year !== null;
}

/** Plan of each task, from HAS_TASK edges on the canvas. */
export function planOfTasks(g: GraphState): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of Object.values(g.edges)) if (e.type === 'HAS_TASK') m.set(e.target, e.source);
  return m;
}

const YEAR = /(19|20)\d{2}/;

export function nodeYear(n: GNode, g: GraphState, plans: Map<string, string>): string | null {
  const p = n.properties;
  for (const key of ['year', 'issued', 'asOf']) {
    const v = p[key];
    if (v !== undefined && v !== null) {
      const m = YEAR.exec(String(v));
      if (m) return m[0];
    }
  }
  if (n.label === 'Plan') return YEAR.exec(n.name)?.[0] ?? null;
  if (n.label === 'Task') {
    const plan = plans.get(n.id);
    const pn = plan ? g.nodes[plan] : undefined;
    return pn ? nodeYear(pn, g, plans) : null;
  }
  return null;
}

export function yearsIn(g: GraphState): string[] {
  const plans = planOfTasks(g);
  const ys = new Set<string>();
  for (const n of Object.values(g.nodes)) {
    const y = nodeYear(n, g, plans);
    if (y) ys.add(y);
  }
  return [...ys].sort();
}

export function visibleGraph(g: GraphState, f: Filters): { nodes: GNode[]; edges: GEdge[] } {
  const hiddenLabels = new Set(f.hiddenLabels);
  const plans = f.plan || f.year ? planOfTasks(g) : new Map<string, string>();
  const nodes = Object.values(g.nodes).filter((n) => {
    if (g.hidden[n.id] || hiddenLabels.has(n.label)) return false;
    if (f.plan) {
      if (n.label === 'Plan' && n.id !== f.plan) return false;
      if (n.label === 'Task' && plans.get(n.id) !== f.plan && plans.has(n.id)) return false;
    }
    if (f.year) {
      const y = nodeYear(n, g, plans);
      if (y !== null && y !== f.year) return false;
    }
    return true;
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = Object.values(g.edges).filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes, edges };
}

export function countByLabel(nodes: readonly GNode[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const n of nodes) c[n.label] = (c[n.label] ?? 0) + 1;
  return c;
}
