/*
 * Undo/redo as snapshots of the graph part of state. Snapshots are cheap because GraphState is
 * immutable: a snapshot is a reference, not a copy.
 */
import type { GraphState } from './graph.ts';

export interface History {
  past: readonly GraphState[];
  future: readonly GraphState[];
}

export const emptyHistory = (): History => ({ past: [], future: [] });

/** Records `before` as the state to return to; a new change forgets the redo branch. */
export function record(h: History, before: GraphState, limit: number): History {
  const past = [...h.past, before];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export function undo(h: History, current: GraphState): { history: History; graph: GraphState } | null {
  const prev = h.past[h.past.length - 1];
  if (!prev) return null;
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, graph: prev };
}

export function redo(h: History, current: GraphState): { history: History; graph: GraphState } | null {
  const next = h.future[0];
  if (!next) return null;
  return { history: { past: [...h.past, current], future: h.future.slice(1) }, graph: next };
}
