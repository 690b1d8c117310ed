/*
 * Actions to explore further without Cypher (issue 15): several selected nodes at once (box, Shift+click,
 * all of a label), expanding that selection by relationship type and neighbour label with "N of M shown",
 * what a plan or document touches in two hops, the edge inspector, and layouts that can be undone.
 * A separate factory so actions.ts stays the shared core; main.ts merges the two (`mergeActions`).
 */
import type { Api } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import { settings } from '../settings.ts';
import { visibleGraph } from './filters.ts';
import { mergeGraph } from './graph.ts';
import type { ChangeGraph, GraphChangeExtra } from './graph-change.ts';
import { sameSelection, type ExploreSlice } from './explore-state.ts';
import type { LayoutName, State, Store } from './store.ts';

export interface ExploreBase {
  changeGraph: ChangeGraph;
  toast(text: string, kind?: 'info' | 'error'): void;
  /** The core select (details of one node, path picking), before this factory adds the selection. */
  select(id: string | null): void;
}

const patch = (s: State, p: Partial<ExploreSlice>): Pick<State, 'explore'> => ({ explore: { ...s.explore, ...p } });

export function createExploreActions(store: Store, api: Api, base: ExploreBase) {
  const get = store.get;
  const message = (e: unknown) => errorText(get().lang, e);

  /** Ids the selection actions work on: the selection, or the node whose details show. */
  const targets = (s: State): string[] => {
    const ids = s.explore.selection.filter((id) => s.graph.nodes[id]);
    return ids.length ? ids : s.selected && s.graph.nodes[s.selected] ? [s.selected] : [];
  };

  /** Records the positions before a layout, so undo puts every node back (the state gets a copy: undo must see a change). */
  const layoutStep = (name: string, extra: GraphChangeExtra) => {
    base.changeGraph(name, (g) => ({ ...g }), (s) => ({
      layoutRun: s.layoutRun + 1,
      ...patch(s, { wholeLayoutRun: s.explore.wholeLayoutRun + 1 }),
      ...extra(s),
    }));
  };

  const ex = {
    /** A plain click: this node alone is selected and its details show. */
    select(id: string | null): void {
      const s = get();
      if (!(id && s.pathFrom && id !== s.pathFrom)) {
        store.dispatch('selection', (st) => patch(st, { selection: id ? [id] : [] }));
      }
      base.select(id);
    },

    /** Shows the details of one node of the selection, keeping the others selected (right-click on one of them). */
    focusWithin(id: string): void {
      if (get().selected !== id) base.select(id);
    },

    /** The canvas's selection changed (box, Shift+click): state follows; details stay on a still-selected node. */
    setSelection(ids: readonly string[]): void {
      const s = get();
      if (sameSelection(ids, s.explore.selection)) return;
      store.dispatch('setSelection', (st) => patch(st, { selection: [...ids] }));
      if (s.selected && !ids.includes(s.selected)) base.select(ids[ids.length - 1] ?? null);
      else if (!s.selected && ids.length === 1) base.select(ids[0]!);
    },

    /** Selects every visible node of a label (legend, node menu). */
    selectLabel(label: string): void {
      const s = get();
      const ids = visibleGraph(s.graph, s.filters).nodes.filter((n) => n.label === label).map((n) => n.id);
      store.dispatch('selectLabel', (st) => ({ ...patch(st, { selection: ids }), expandMenu: null }));
      if (s.selected && !ids.includes(s.selected)) base.select(null);
    },

    /** Opens the panel that expands the selection, with counts per type and label from the server. */
    async openExpand(): Promise<void> {
      const ids = targets(get());
      if (!ids.length) return;
      store.dispatch('openExpand', (s) => ({
        expandMenu: null,
        ...patch(s, { expandOpen: true, expansion: { ids, type: null, label: null, shown: 0, total: 0, counts: s.explore.expansion && sameSelection(s.explore.expansion.ids, ids) ? s.explore.expansion.counts : [], status: 'loading' } }),
      }));
      try {
        const r = await api.expand({ ids, limit: 0 });
        store.dispatch('expandCounts', (s) => (s.explore.expansion && sameSelection(s.explore.expansion.ids, ids)
          ? patch(s, { expansion: { ...s.explore.expansion, counts: r.counts, total: r.total, status: 'ok' } }) : {}));
      } catch (e) {
        store.dispatch('expandFailed', (s) => patch(s, { expansion: s.explore.expansion ? { ...s.explore.expansion, status: 'error', error: message(e) } : null }));
      }
    },
    closeExpand(): void {
      if (get().explore.expandOpen) store.dispatch('closeExpand', (s) => patch(s, { expandOpen: false }));
    },

    /**
     * Adds one page of the selection's neighbours through `type` with `label` (null = any). `more` asks for
     * the next page of the same expansion; the panel then says how many of how many are on the canvas.
     */
    async expandSelection(opts: { type?: string | null; label?: string | null; more?: boolean; limit?: number } = {}): Promise<void> {
      const s = get();
      const prev = s.explore.expansion;
      const ids = opts.more && prev ? [...prev.ids] : targets(s);
      if (!ids.length) return;
      const type = opts.more && prev ? prev.type : (opts.type ?? null);
      const label = opts.more && prev ? prev.label : (opts.label ?? null);
      const offset = opts.more && prev ? prev.shown : 0;
      const counts = prev && sameSelection(prev.ids, ids) ? prev.counts : [];
      store.dispatch('expandSelectionLoading', (st) => patch(st, { expansion: { ids, type, label, shown: offset, total: prev?.total ?? 0, counts, status: 'loading' } }));
      try {
        const r = await api.expand({ ids, ...(type ? { types: [type] } : {}), ...(label ? { labels: [label] } : {}), limit: opts.limit ?? settings.expandPageSize, offset });
        base.changeGraph('expandSelection', (g) => mergeGraph(g, r), (st) => ({
          layoutRun: st.layoutRun + 1,
          ...patch(st, { expansion: { ids, type, label, shown: offset + r.shown, total: r.total, counts: r.counts, status: 'ok' } }),
        }));
      } catch (e) {
        store.dispatch('expandSelectionFailed', (st) => patch(st, { expansion: { ids, type, label, shown: offset, total: 0, counts, status: 'error', error: message(e) } }));
        base.toast(message(e), 'error');
      }
    },

    /** Two hops in one action: the tasks of a plan (or of the plan a document describes) and what they touch. */
    async planTouches(id: string): Promise<void> {
      try {
        const r = await api.touches(id, settings.expandPageSize * 2);
        base.changeGraph('planTouches', (g) => mergeGraph(g, r), (st) => ({
          layoutRun: st.layoutRun + 1,
          expandMenu: null,
          ...patch(st, { touches: { id, shown: r.shown, total: r.total, totals: r.totals } }),
        }));
      } catch (e) {
        base.toast(message(e), 'error');
      }
    },

    /** Shows an edge's type, role, evidence sentences and documents; derived edges are explained from state. */
    async inspectEdge(id: string): Promise<void> {
      const s = get();
      const e = s.graph.edges[id];
      if (!e) return;
      store.dispatch('inspectEdge', (st) => ({ expandMenu: null, ...patch(st, { edge: { id, status: e.derived ? 'ok' : 'loading' } }) }));
      if (e.derived) return;
      try {
        const data = await api.edge(id);
        store.dispatch('edgeLoaded', (st) => (st.explore.edge?.id === id ? patch(st, { edge: { id, status: 'ok', data } }) : {}));
      } catch (err) {
        store.dispatch('edgeFailed', (st) => (st.explore.edge?.id === id ? patch(st, { edge: { id, status: 'error', error: message(err) } }) : {}));
      }
    },
    closeEdge(): void {
      if (get().explore.edge) store.dispatch('closeEdge', (s) => patch(s, { edge: null }));
    },

    /** A whole-graph layout, on request only; undo puts every node back where it was. */
    setLayout(layout: LayoutName): void {
      layoutStep('setLayout', () => ({ layout }));
    },
    relayout(): void {
      layoutStep('relayout', () => ({}));
    },
  };
  return ex;
}

export type ExploreActions = ReturnType<typeof createExploreActions>;
