/*
 * The Explore-further slice of state (issue 15): which nodes are selected (several at once, from a box,
 * Shift+click, "select all of a label"), the last expansion of a selection with its "N of M" counts,
 * the edge being inspected, and a counter that asks the canvas for a whole-graph layout (every other
 * change only places the new elements around what is already placed).
 */
import type { EdgeDetails, NeighbourCount } from '../api/types.ts';
import type { Loadable } from './store.ts';

export interface SelectionExpansion {
  /** The nodes that were expanded. */
  ids: readonly string[];
  type: string | null;
  label: string | null;
  /** Distinct neighbours loaded so far (all pages) and in all. */
  shown: number;
  total: number;
  /** Counts per relationship type and label for the menu, whatever the filters. */
  counts: readonly NeighbourCount[];
  status: 'loading' | 'ok' | 'error';
  error?: string;
}

export interface EdgeInspection extends Loadable<EdgeDetails> {
  id: string;
}

export interface ExploreSlice {
  /** Every selected node, in the order they were selected; `State.selected` is the one whose details show. */
  selection: readonly string[];
  /** The selection-expand panel is open. */
  expandOpen: boolean;
  expansion: SelectionExpansion | null;
  edge: EdgeInspection | null;
  /** Bumped when the user asks for a whole-graph layout (layout button, layout choice). */
  wholeLayoutRun: number;
  /** The last "what does this plan touch": counts by label. */
  touches: { id: string; shown: number; total: number; totals: Record<string, number> } | null;
}

export const initialExploreSlice = (): ExploreSlice => ({
  selection: [], expandOpen: false, expansion: null, edge: null, wholeLayoutRun: 0, touches: null,
});

/** Same members, whatever the order. */
export function sameSelection(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/**
 * Distinct neighbours per relationship type, or per label (of one type, or of any: the server's '*' rows
 * count a neighbour reached two ways once), from the server's (type, label, count) rows.
 */
export function countsBy(counts: readonly NeighbourCount[], key: 'type' | 'label', type: string | null = null): [string, number][] {
  const m = new Map<string, number>();
  for (const c of counts) {
    if (key === 'type' ? c.type === '*' : c.type !== (type ?? '*')) continue;
    m.set(c[key], (m.get(c[key]) ?? 0) + c.count);
  }
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
