/*
 * Named actions: the only way state changes. Each one is a verb the UI (and tests) can call; async ones
 * fetch through the api module and then dispatch. Graph changes go through the injected `changeGraph`
 * (state/graph-change.ts), which records the undo snapshot, so no action can forget history. main.ts
 * builds these and explore further's actions and merges them (`mergeActions`).
 */
import type { Api } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import type { ApiGraph, QueryDef } from '../api/types.ts';
import type { Lang } from '../i18n/index.ts';
import { settings } from '../settings.ts';
import { noFilters, type Filters } from './filters.ts';
import { emptyGraph, hideNodes, mergeGraph, removeNodes, setPinned, showAll } from './graph.ts';
import type { GraphChanges } from './graph-change.ts';
import { derivedEdges, entityIdIn, parseEntityParamLabel, rowsAsObjects } from './query-results.ts';
import { formErrorFrom, formErrorText, type FormError } from './form-errors.ts';
import type { LayoutName, ModeId, Store } from './store.ts';
import type { ExploreActions } from './explore-actions.ts';

export function createActions(store: Store, api: Api, graph: GraphChanges) {
  const get = store.get;
  const { changeGraph } = graph;
  // In the UI's language from the error's code, never the server's English sentence.
  const message = (e: unknown) => errorText(get().lang, e);

  function toast(text: string, kind: 'info' | 'error' = 'info'): void {
    store.dispatch('toast', (s) => ({ toast: { text, kind, run: (s.toast?.run ?? 0) + 1 } }));
  }

  async function loadDetails(id: string): Promise<void> {
    store.dispatch('detailsLoading', () => ({ details: { id, status: 'loading' } }));
    try {
      const data = await api.node(id);
      if (get().details?.id === id) store.dispatch('detailsLoaded', () => ({ details: { id, status: 'ok', data } }));
    } catch (e) {
      if (get().details?.id === id) store.dispatch('detailsFailed', () => ({ details: { id, status: 'error', error: message(e) } }));
    }
  }

  const actions = {
    toast,

    async init(): Promise<void> {
      api.queries().then(
        (data) => store.dispatch('queriesLoaded', () => ({ queries: { status: 'ok', data } })),
        (e) => store.dispatch('queriesFailed', () => ({ queries: { status: 'error', error: message(e) } })),
      );
      api.schema().then((schema) => store.dispatch('schemaLoaded', () => ({ schema })), () => undefined);
    },

    setLanguage(lang: Lang): void {
      try { localStorage.setItem('lang', lang); } catch { /* private mode */ }
      store.dispatch('setLanguage', () => ({ lang }));
    },

    setMode(mode: ModeId): void {
      store.dispatch('setMode', () => ({ mode, expandMenu: null }));
    },

    select(id: string | null): void {
      const s = get();
      if (id && s.pathFrom && id !== s.pathFrom) {
        void actions.findPath(s.pathFrom, id);
        return;
      }
      store.dispatch('select', () => ({ selected: id, details: id ? { id, status: 'loading' } : null }));
      if (id) void loadDetails(id);
    },

    async searchSelected(id: string): Promise<void> {
      const s = get();
      if (s.pathFrom && id !== s.pathFrom) return actions.findPath(s.pathFrom, id);
      if (!s.graph.nodes[id]) {
        try {
          const d = await api.node(id);
          changeGraph('searchSelected', (g) => mergeGraph(g, { nodes: [d.node] }), (st) => ({ layoutRun: st.layoutRun + 1 }));
          store.dispatch('detailsLoaded', () => ({ details: { id, status: 'ok', data: d } }));
        } catch (e) {
          return toast(message(e), 'error');
        }
      } else if (s.graph.hidden[id]) {
        changeGraph('searchSelected', (g) => { const hidden = { ...g.hidden }; delete hidden[id]; return { ...g, hidden }; });
      }
      store.dispatch('focus', (st) => ({ selected: id, focus: { id, run: (st.focus?.run ?? 0) + 1 } }));
      if (get().details?.id !== id || get().details?.status !== 'ok') void loadDetails(id);
    },

    /** Adds up to one page of neighbours (of one type, or all) and opens the expand menu with totals. */
    async expandNode(id: string, opts: { type?: string; more?: boolean; x?: number; y?: number } = {}): Promise<void> {
      const key = opts.type ?? '*';
      const menu = get().expandMenu;
      const offset = opts.more && menu?.nodeId === id ? (menu.loaded[key] ?? 0) : 0;
      try {
        const r = await api.neighbors(id, { types: opts.type, limit: settings.expandPageSize, offset });
        changeGraph('expandNode', (g) => mergeGraph(g, r), (s) => {
          const prevMenu = s.expandMenu?.nodeId === id ? s.expandMenu : null;
          return {
            layoutRun: s.layoutRun + 1,
            expandMenu: {
              nodeId: id,
              totals: r.totals,
              loaded: { ...(prevMenu?.loaded ?? {}), [key]: offset + r.nodes.filter((n) => n.id !== id).length },
              x: opts.x ?? prevMenu?.x ?? 200,
              y: opts.y ?? prevMenu?.y ?? 200,
            },
          };
        });
      } catch (e) {
        toast(message(e), 'error');
      }
    },

    /** Right-click menu; per-type totals come from the node's degree until an expand brings exact ones. */
    openMenu(id: string, x: number, y: number): void {
      store.dispatch('openMenu', (s) => ({
        expandMenu: s.expandMenu?.nodeId === id ? { ...s.expandMenu, x, y } : { nodeId: id, totals: {}, loaded: {}, x, y },
      }));
      if (get().selected !== id) actions.select(id);
    },

    closeMenu(): void {
      if (get().expandMenu) store.dispatch('closeMenu', () => ({ expandMenu: null }));
    },

    hide(ids: string[]): void {
      changeGraph('hide', (g) => hideNodes(g, ids), (s) => ({ selected: ids.includes(s.selected ?? '') ? null : s.selected }));
    },
    showHidden(): void {
      changeGraph('showHidden', showAll);
    },
    pin(ids: string[], pinned: boolean): void {
      changeGraph(pinned ? 'pin' : 'unpin', (g) => setPinned(g, ids, pinned));
    },
    remove(ids: string[]): void {
      changeGraph('remove', (g) => removeNodes(g, ids), (s) => ({
        selected: ids.includes(s.selected ?? '') ? null : s.selected,
        details: ids.includes(s.details?.id ?? '') ? null : s.details,
        expandMenu: null,
      }));
    },
    /** Puts elements the server answered (the overview's documents of a year, say) on the canvas and lays them out. */
    showElements(name: string, graph: Partial<ApiGraph>): void {
      changeGraph(name, (g) => mergeGraph(g, graph), (s) => ({ layoutRun: s.layoutRun + 1 }));
    },
    clearCanvas(): void {
      changeGraph('clearCanvas', () => emptyGraph(), () => ({ selected: null, details: null, expandMenu: null, queryResult: null }));
    },

    startPath(from: string): void {
      store.dispatch('startPath', () => ({ pathFrom: from, expandMenu: null }));
    },
    cancelPath(): void {
      store.dispatch('cancelPath', () => ({ pathFrom: null }));
    },
    async findPath(from: string, to: string): Promise<void> {
      store.dispatch('findPath', () => ({ pathFrom: null }));
      try {
        const r = await api.paths(from, to, settings.pathMaxHops);
        if (!r.paths.length) return toast('pathNone');
        changeGraph('findPath', (g) => r.paths.reduce((acc, p) => mergeGraph(acc, p), g), (s) => ({ layoutRun: s.layoutRun + 1, selected: to }));
        void loadDetails(to);
      } catch (e) {
        toast(message(e), 'error');
      }
    },

    undo: graph.undo,
    redo: graph.redo,

    setFilter(patch: Partial<Filters>): void {
      store.dispatch('setFilter', (s) => ({ filters: { ...s.filters, ...patch } }));
    },
    toggleLabel(label: string): void {
      const hl = get().filters.hiddenLabels;
      actions.setFilter({ hiddenLabels: hl.includes(label) ? hl.filter((l) => l !== label) : [...hl, label] });
    },
    clearFilters(): void {
      store.dispatch('clearFilters', () => ({ filters: noFilters() }));
    },

    setLayout(layout: LayoutName): void {
      store.dispatch('setLayout', (s) => ({ layout, layoutRun: s.layoutRun + 1 }));
    },
    relayout(): void {
      store.dispatch('relayout', (s) => ({ layoutRun: s.layoutRun + 1 }));
    },

    /** Says under the form what is wrong with it, without asking the server (e.g. an empty entity). */
    formError(fe: FormError | null): void {
      store.dispatch('formError', () => ({ formError: fe }));
    },

    async runQuery(def: QueryDef, params: Record<string, unknown>): Promise<void> {
      store.dispatch('runQuery', () => ({ runningQuery: def.name, formError: null }));
      try {
        const r = await api.runQuery(def.name, params);
        const rows = rowsAsObjects(r.columns, r.rows);
        const entityParam = def.params.find((p) => parseEntityParamLabel(p.type) !== null);
        // A typed name was resolved by the server; the node it found is the source of derived edges.
        const source = entityParam ? entityIdIn(r.graph, String(params[entityParam.name] ?? ''), parseEntityParamLabel(entityParam.type)) : null;
        const derived = derivedEdges(rows, r.graph, source);
        changeGraph('queryResult', (g) => mergeGraph(g, { ...r.graph, derived }), (s) => ({
          runningQuery: null,
          layoutRun: s.layoutRun + 1,
          // An agency's tasks read best as a ring around it: no crossing edges and room for every caption.
          layout: derived.length ? 'concentric' : s.layout,
          queryResult: {
            name: def.name, columns: r.columns, rows, ms: r.summary?.ms ?? 0, truncated: !!r.summary?.truncated, params,
            ...(r.totals ? { totals: r.totals } : {}), ...(r.page ? { page: r.page } : {}), ...(r.graph.nodes.length ? {} : { keptGraph: true }),
          },
          selected: source && r.graph.nodes.some((n) => n.id === source) ? source : s.selected,
        }));
      } catch (e) {
        const fe = formErrorFrom(def.name, e);
        store.dispatch('queryFailed', () => ({ runningQuery: null, formError: fe }));
        toast(formErrorText(get().lang, fe), 'error');
      }
    },
    closeResults(): void {
      store.dispatch('closeResults', () => ({ queryResult: null }));
    },

    async openDocument(id: string, highlight: { start: number; end: number } | null): Promise<void> {
      const docId = id.startsWith('document:') ? id : `document:${id}`;
      const cur = get().document;
      if (cur?.id === docId && cur.status === 'ok') {
        store.dispatch('openDocument', () => ({ document: { ...cur, highlight } }));
        return;
      }
      store.dispatch('openDocument', () => ({ document: { id: docId, status: 'loading', highlight } }));
      try {
        const data = await api.document(docId);
        store.dispatch('documentLoaded', (s) => ({ document: s.document?.id === docId ? { ...s.document, status: 'ok', data } : s.document }));
      } catch (e) {
        store.dispatch('documentFailed', (s) => ({ document: s.document ? { ...s.document, status: 'error', error: message(e) } : null }));
      }
    },
    closeDocument(): void {
      store.dispatch('closeDocument', () => ({ document: null }));
    },
  };
  return actions;
}

export type CoreActions = ReturnType<typeof createActions>;
/** The explorer's actions: the core ones with explore further's (selection, expand, touches, edge inspector, undoable layouts). */
export type Actions = CoreActions & ExploreActions;

/**
 * Puts explore further's actions onto the core object itself, replacing `select`, `setLayout` and `relayout`:
 * core actions that call `actions.select` (the node menu) must reach the version that also tracks the selection.
 */
export function mergeActions(core: CoreActions, explore: ExploreActions): Actions {
  return Object.assign(core, explore);
}
