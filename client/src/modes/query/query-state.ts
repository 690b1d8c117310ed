/*
 * The query-mode slice of the one state object: editor text, typed parameters, the last result or error,
 * the result tab and the run history. Registered in state/store.ts; changed only by query-actions.ts.
 */
import type { ApiGraph } from '../../api/types.ts';
import { HISTORY_KEY, parseHistory, type HistoryEntry } from './query-model.ts';

export type ResultTab = 'graph' | 'table' | 'json';

export interface CypherResultView {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: ApiGraph;
  ms: number;
  rowCount: number;
  truncated: boolean;
  /** Set when the result was too large for the main canvas and went to the large-graph view. */
  large: { renderer: 'canvas' | 'webgl'; drawn: number; omitted: number } | null;
  /** The result had no nodes, so the canvas still shows the graph from before (the panel says so). */
  keptGraph?: boolean;
  /** Names typed for id parameters and the ids they were replaced by. */
  resolved?: ResolvedParam[];
}

export interface ResolvedParam { param: string; name: string; id: string }

export interface CypherError {
  code: string;
  /** The server's own words (Neo4j's, for a syntax error): shown folded, under the message of the code. */
  message: string;
  /** The error's details, for the message of its code in the UI's language (error-text.ts). */
  details?: unknown;
  /** Offset in the query text the server's position maps to, when it gave one. */
  offset: number | null;
  line: number | null;
  column: number | null;
}

export interface QuerySlice {
  text: string;
  params: Record<string, string>;
  status: 'idle' | 'running' | 'ok' | 'error';
  result: CypherResultView | null;
  error: CypherError | null;
  tab: ResultTab;
  history: HistoryEntry[];
  /** Run counter, so views can tell a new result from a re-render. */
  run: number;
}

export const DEFAULT_QUERY = 'MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task)\nRETURN a, r, t\nLIMIT 25';

function storedHistory(): HistoryEntry[] {
  try {
    return parseHistory(globalThis.localStorage?.getItem(HISTORY_KEY) ?? null);
  } catch {
    return [];
  }
}

export function initialQuerySlice(): QuerySlice {
  const history = storedHistory();
  return {
    text: history[0]?.query ?? DEFAULT_QUERY,
    params: history[0]?.params ?? {},
    status: 'idle',
    result: null,
    error: null,
    tab: 'table',
    history,
    run: 0,
  };
}
