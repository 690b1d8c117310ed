/*
 * The one place the canvas's graph and its undo history change. Every action that adds, hides, removes or
 * replaces elements (a query result, a scene, a shared link) or moves them all (a layout) calls
 * `changeGraph`, which snapshots the graph first, with the nodes where they are on the canvas; undo and redo
 * step through those snapshots. main.ts creates it once and injects it into each action factory, so no action
 * can change the graph without a way back (tests/unit/client/graph-change.test.ts checks no other file writes
 * `graph` or `history`).
 */
import { settings } from '../settings.ts';
import { withPositions, type GraphState } from './graph.ts';
import { record, redo, undo } from './history.ts';
import type { State, Store } from './store.ts';

/** What a graph change may set besides the graph: selection, layout run, a slice… never the graph or history. */
export type GraphChangeExtra = (s: State) => Partial<Omit<State, 'graph' | 'history'>>;

/** Replaces the graph by `fn(graph)` under the action name `name`, recording the undo snapshot. */
export type ChangeGraph = (name: string, fn: (g: GraphState) => GraphState, extra?: GraphChangeExtra) => void;

export interface GraphChanges {
  changeGraph: ChangeGraph;
  undo(): void;
  redo(): void;
}

export function createGraphChanges(store: Store, positions: () => ReadonlyMap<string, { x: number; y: number }>): GraphChanges {
  const step = (name: 'undo' | 'redo', move: typeof undo) => {
    store.dispatch(name, (s) => {
      const r = move(s.history, withPositions(s.graph, positions()));
      return r ? { graph: r.graph, history: r.history, expandMenu: null } : {};
    });
  };
  return {
    changeGraph(name, fn, extra = () => ({})) {
      store.dispatch(name, (s) => {
        const before = withPositions(s.graph, positions());
        return { ...extra(s), graph: fn(before), history: record(s.history, before, settings.historyLimit) };
      });
    },
    undo: () => step('undo', undo),
    redo: () => step('redo', redo),
  };
}
