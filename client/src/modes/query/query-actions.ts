/*
 * Named actions of query mode. Running a query records it in the browser history, then either draws the
 * result graph on the main canvas (an undoable graph change, like every other one) or, when it is large,
 * hands it to the large-graph view so the page stays responsive.
 */
import { ApiError, type Api } from '../../api/client.ts';
import { ambiguousEntityText, type EntityCandidate } from '../../api/error-text.ts';
import type { ApiGraph, QueryDef } from '../../api/types.ts';
import { capElements, LARGE_THRESHOLD } from '../../large-graph/cap.ts';
import { settings } from '../../settings.ts';
import { mergeGraph, emptyGraph } from '../../state/graph.ts';
import type { ChangeGraph } from '../../state/graph-change.ts';
import { rowsAsObjects } from '../../state/query-results.ts';
import type { State, Store } from '../../state/store.ts';
import { errorPosition, HISTORY_KEY, idParams, looksLikeEntityId, paramsFor, positionToOffset, pushHistory } from './query-model.ts';
import { entityWord } from '../../i18n/index.ts';
import { tf } from '../../i18n/format.ts';
import type { ResolvedParam, ResultTab } from './query-state.ts';

export interface QueryHooks {
  /** The one way to replace the canvas's graph (undoable). */
  changeGraph: ChangeGraph;
  /** Draws a large result in the dedicated view; returns what it drew. */
  showLarge(graph: ApiGraph): { renderer: 'canvas' | 'webgl'; drawn: number; omitted: number };
  hideLarge(): void;
}

/** Curated query text as /api/queries lists it. */
export function curatedText(def: QueryDef): string | null {
  return def.cypher.trim() ? def.cypher : null;
}

export function createQueryActions(store: Store, api: Api, hooks: QueryHooks) {
  const patch = (name: string, fn: (q: ReturnType<Store['get']>['query']) => Partial<ReturnType<Store['get']>['query']>) =>
    store.dispatch(name, (s) => ({ query: { ...s.query, ...fn(s.query) } }));

  const saveHistory = () => {
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(store.get().query.history)); } catch { /* quota or private mode */ }
  };

  const actions = {
    setQueryText(text: string): void {
      if (store.get().query.text !== text) patch('setQueryText', () => ({ text }));
    },
    setParam(name: string, value: string): void {
      patch('setParam', (q) => ({ params: { ...q.params, [name]: value } }));
    },
    setResultTab(tab: ResultTab): void {
      patch('setResultTab', () => ({ tab }));
    },
    /** Opens a curated query in the editor with its default parameters, to be adapted. */
    async openCurated(def: QueryDef): Promise<boolean> {
      const params: Record<string, string> = {};
      for (const p of def.params) if (p.default !== undefined && p.default !== null) params[p.name] = typeof p.default === 'string' ? p.default : JSON.stringify(p.default);
      const text = curatedText(def);
      if (!text) return false;
      const body = text;
      store.dispatch('openCurated', (s) => ({ mode: 'query', query: { ...s.query, text: body, params: { ...s.query.params, ...params }, error: null } }));
      return true;
    },
    clearHistory(): void {
      patch('clearHistory', () => ({ history: [] }));
      saveHistory();
    },

    async runCypher(): Promise<void> {
      const q = store.get().query;
      if (q.status === 'running' || !q.text.trim()) return;
      const params = paramsFor(q.text, q.params);
      const usedParams = Object.fromEntries(Object.keys(params).map((k) => [k, q.params[k] ?? '']));
      patch('runCypher', () => ({ status: 'running', error: null }));
      const at = new Date().toISOString();
      let resolved: ResolvedParam[];
      try {
        resolved = await resolveNames(api, q.text, params);
      } catch (e) {
        const lang = store.get().lang;
        const unknown = e instanceof UnknownEntityError;
        const ambiguous = e instanceof AmbiguousEntityError;
        const message = unknown ? tf(lang, 'qmUnknownEntity', { param: e.param, name: e.value, label: entityWord(lang, e.label) })
          : ambiguous ? `$${e.param}: ${ambiguousEntityText(lang, e.value, e.label, e.candidates)}`
          : e instanceof Error ? e.message : String(e);
        const code = unknown ? 'UNKNOWN_ENTITY' : ambiguous ? 'AMBIGUOUS_ENTITY' : e instanceof ApiError ? e.code : 'NETWORK';
        const details = e instanceof ApiError ? e.details : undefined;
        store.dispatch('cypherFailed', (s) => ({
          query: { ...s.query, status: 'error', error: { code, message, details, offset: null, line: null, column: null }, run: s.query.run + 1 },
        }));
        return;
      }
      try {
        const r = await api.cypher(q.text, params);
        const rows = rowsAsObjects(r.columns, r.rows);
        const count = r.graph.nodes.length + r.graph.edges.length;
        const large = count > LARGE_THRESHOLD ? hooks.showLarge(r.graph) : null;
        if (!large) hooks.hideLarge();
        const keptGraph = !large && !r.graph.nodes.length;
        const result = { columns: r.columns, rows, graph: r.graph, ms: r.summary?.ms ?? 0, rowCount: r.summary?.rows ?? rows.length, truncated: !!r.summary?.truncated, large, resolved, keptGraph };
        const tab: ResultTab = r.graph.nodes.length ? 'graph' : 'table';
        const query = (s: State) => ({
          ...s.query, status: 'ok' as const, result, error: null, run: s.query.run + 1, tab,
          history: pushHistory(s.query.history, { query: q.text, params: usedParams, at, ok: true, rows: result.rowCount, ms: result.ms }),
        });
        if (large || !r.graph.nodes.length) {
          store.dispatch('cypherResult', (s) => ({ query: query(s) }));
        } else {
          // A new query replaces the canvas (undo brings the previous one back), like a new frame.
          const capped = capElements(r.graph.nodes, r.graph.edges, settings.largeGraphThreshold);
          hooks.changeGraph('cypherResult', () => mergeGraph(emptyGraph(), { nodes: capped.nodes, edges: capped.edges }), (s) => ({
            query: query(s), layoutRun: s.layoutRun + 1, selected: null, details: null, expandMenu: null,
          }));
        }
      } catch (e) {
        const err = e instanceof ApiError ? e : null;
        const pos = err ? errorPosition(err.details) : null;
        const offset = pos ? positionToOffset(q.text, pos) : null;
        store.dispatch('cypherFailed', (s) => ({
          query: {
            ...s.query,
            status: 'error',
            error: { code: err?.code ?? 'NETWORK', message: e instanceof Error ? e.message : String(e), details: err?.details, offset, line: pos?.line ?? null, column: pos?.column ?? null },
            history: pushHistory(s.query.history, { query: q.text, params: usedParams, at, ok: false }),
            run: s.query.run + 1,
          },
        }));
      }
      saveHistory();
    },
  };
  return actions;
}

export type QueryActions = ReturnType<typeof createQueryActions>;

export class UnknownEntityError extends Error {
  constructor(readonly param: string, readonly value: string, readonly label: string) {
    super(`$${param}: no ${label || 'entity'} named '${value}'`);
  }
}

export class AmbiguousEntityError extends Error {
  constructor(readonly param: string, readonly value: string, readonly label: string, readonly candidates: EntityCandidate[]) {
    super(`$${param}: '${value}' names ${candidates.length} nodes`);
  }
}

/**
 * Replaces, in place, a name typed for a parameter the query compares with an id by that entity's id: an
 * exact name or alias match among the search suggestions (of the node's label when the query names one).
 * Throws UnknownEntityError when nothing is called that, so the console says so instead of returning no rows,
 * and AmbiguousEntityError when several are, naming each with its area.
 */
export async function resolveNames(api: Pick<Api, 'search'>, text: string, params: Record<string, unknown>): Promise<ResolvedParam[]> {
  const resolved: ResolvedParam[] = [];
  for (const [name, label] of idParams(text)) {
    const v = params[name];
    const values = typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
    if (!values) continue;
    const ids: string[] = [];
    for (const value of values) {
      if (!value.trim() || looksLikeEntityId(value)) { ids.push(value); continue; }
      const hits = await api.search(value.trim(), 20, label || undefined);
      // A name first, then an alias, as the server resolves a curated form's; several nodes called that
      // (市发改委 of two cities) are the user's choice to make, not the first suggestion's.
      const named = hits.filter((h) => h.name === value.trim());
      const matches = [...new Map((named.length ? named : hits.filter((h) => h.matched === value.trim())).map((h) => [h.id, h])).values()];
      const hit = matches[0];
      if (!hit) throw new UnknownEntityError(name, value.trim(), label);
      if (matches.length > 1) throw new AmbiguousEntityError(name, value.trim(), label, matches.map((h) => ({ id: h.id, name: h.name, jurisdiction: h.jurisdiction ?? null })));
      ids.push(hit.id);
      resolved.push({ param: name, name: value.trim(), id: hit.id });
    }
    params[name] = typeof v === 'string' ? ids[0] : ids;
  }
  return resolved;
}
