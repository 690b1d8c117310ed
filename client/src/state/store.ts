/*
 * The ONE state object of the explorer and a tiny store around it: dispatch(name, reducer) replaces the
 * state and notifies subscribers, which re-derive the canvas and the panels. Action names are kept in a
 * short log so tests and debugging can see what happened.
 */
import type { DocumentView, NodeDetails, QueryDef, Schema } from '../api/types.ts';
import type { Lang } from '../i18n/index.ts';
import { settings } from '../settings.ts';
import { noFilters, type Filters } from './filters.ts';
import { emptyGraph, type GraphState } from './graph.ts';
import { emptyHistory, type History } from './history.ts';
import type { FormError } from './form-errors.ts';
// Console slices (query mode, scenes, present mode) live with their modes; registered here.
import { initialQuerySlice, type QuerySlice } from '../modes/query/query-state.ts';
import { initialPresentSlice, type PresentSlice } from '../modes/present/present-state.ts';
import { initialScenesSlice, type ScenesSlice } from '../scenes/scenes-state.ts';
import { initialExploreSlice, type ExploreSlice } from './explore-state.ts';
import { defaultViewStyle, type ViewStyle } from '../canvas/view-style.ts';
import { initialAnalysisSlice, type AnalysisSlice } from '../modes/analysis/analysis-state.ts';

export type ModeId = 'explore' | 'query' | 'present' | 'library' | 'analysis';
export type LayoutName = 'fcose' | 'dagre' | 'concentric' | 'grid';

export interface Loadable<T> {
  status: 'loading' | 'ok' | 'error';
  data?: T;
  error?: string;
}

export interface QueryResultView {
  name: string;
  columns: string[];
  rows: Record<string, unknown>[];
  ms: number;
  truncated: boolean;
  /** The parameters it ran with, so the next page can be asked for. */
  params?: Record<string, unknown>;
  totals?: Record<string, number>;
  page?: { offset: number; limit: number; shown: number };
  /** The answer had no nodes: the canvas still shows what it showed before (the drawer says so). */
  keptGraph?: boolean;
}

export interface ExpandMenu {
  nodeId: string;
  totals: Record<string, number>;
  /** Neighbours already requested per type ('*' = all types). */
  loaded: Record<string, number>;
  x: number;
  y: number;
}

export interface State {
  lang: Lang;
  mode: ModeId;
  graph: GraphState;
  history: History;
  selected: string | null;
  details: (Loadable<NodeDetails> & { id: string }) | null;
  filters: Filters;
  layout: LayoutName;
  /** Bumped when the canvas should run the layout again (new elements, layout change). */
  layoutRun: number;
  /** Node to centre on once it is drawn. */
  focus: { id: string; run: number } | null;
  queries: Loadable<QueryDef[]>;
  runningQuery: string | null;
  queryResult: QueryResultView | null;
  /** Why the last run of a curated query's form failed (shown under the form, in the UI's language). */
  formError: FormError | null;
  document: (Loadable<DocumentView> & { id: string; highlight: { start: number; end: number } | null }) | null;
  expandMenu: ExpandMenu | null;
  /** Source node while the user picks the target of "find path". */
  pathFrom: string | null;
  schema: Schema | null;
  toast: { text: string; kind: 'info' | 'error'; run: number } | null;
  /** Bumped whenever documents were added, replaced or removed, so every view of the library refreshes. */
  documentsVersion: number;
  /** Last action names, newest last (debugging and tests). */
  log: readonly string[];
  query: QuerySlice;
  scenes: ScenesSlice;
  present: PresentSlice;
  /** Explore further: multi-selection, selection expansion, edge inspector, whole-layout requests. */
  explore: ExploreSlice;
  /** Node colours and sizes the user chose in the legend (part of the view: scenes, links, exports). */
  style: ViewStyle;
  /** Analysis mode's open tab and each view's filters (carried by share links and scenes). */
  analysis: AnalysisSlice;
}

export function initialState(lang: Lang = settings.defaultLanguage): State {
  return {
    lang,
    mode: 'explore',
    graph: emptyGraph(),
    history: emptyHistory(),
    selected: null,
    details: null,
    filters: noFilters(),
    layout: 'fcose',
    layoutRun: 0,
    focus: null,
    queries: { status: 'loading' },
    runningQuery: null,
    queryResult: null,
    formError: null,
    document: null,
    expandMenu: null,
    pathFrom: null,
    schema: null,
    toast: null,
    documentsVersion: 0,
    log: [],
    query: initialQuerySlice(),
    scenes: initialScenesSlice(),
    present: initialPresentSlice(),
    explore: initialExploreSlice(),
    style: defaultViewStyle(settings),
    analysis: initialAnalysisSlice(),
  };
}

export type Listener = (state: State, prev: State) => void;

export interface Store {
  get(): State;
  dispatch(name: string, reducer: (s: State) => Partial<State>): void;
  subscribe(fn: Listener): () => void;
}

export function createStore(initial: State): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    dispatch(name, reducer) {
      const prev = state;
      const patch = reducer(prev);
      state = { ...prev, ...patch, log: [...prev.log.slice(-49), name] };
      for (const fn of listeners) fn(state, prev);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
