/*
 * Runs one read query and shapes its answer as the console and the curated queries return it: a table
 * (columns, rows), a graph of every element in the rows, and a summary. The row cap, the response size
 * cap and the timeout are applied here, so both entry points obey the same limits.
 *
 * The graph is always lean (graph-elements.ts). For curated queries (`refRows`) each element in a row is
 * then only a reference to it (elementRef): a page of tasks-of-agency names the same agency, group and plans
 * on every row, and carrying their elements there as well as in the graph was half of the answer. The
 * console returns the rows as the user's query asked for them, within the same caps.
 */
import { AppError } from '../../errors.ts';
import { collectElements, missingEndpoints } from '../cypher-console/graph-collector.ts';
import type { GraphDb, ReadOptions, Row } from '../graph-db.ts';
import { isPlainNode, isPlainRelationship, type PlainNode, type PlainRelationship } from '../neo4j-values.ts';
import { buildGraph, LEAN_PARAMS, leanElement, type ApiGraph, type LeanNode, type LeanRelationship } from './graph-elements.ts';
import { loadApiCypher } from './api-cypher.ts';

/** Connecting returned nodes is skipped above this many (the large-graph view draws what was returned). */
const CONNECT_MAX_NODES = 2_000;
const CONNECT_MAX_RELATIONSHIPS = 5_000;

export interface QueryLimits {
  timeoutMs: number;
  maxRows: number;
  maxResponseBytes: number;
}

export interface QueryResult {
  columns: string[];
  rows: Row[];
  graph: ApiGraph;
  summary: { ms: number; rows: number; truncated: boolean; truncatedBy?: 'rows' | 'bytes' };
}

/**
 * What a table needs of an element and where to find the rest: a node's id and name (its key in the graph,
 * where its labels and other properties are; the element id when it has no id), a relationship's type and
 * role and its element id (an edge's key).
 * Client cells show exactly these (client/src/state/result-cells.ts).
 */
export function elementRef(value: PlainNode | PlainRelationship): Record<string, unknown> {
  const pick = (keys: readonly string[]) => Object.fromEntries(keys.filter((k) => value.properties[k] !== undefined && value.properties[k] !== null).map((k) => [k, value.properties[k]]));
  if (value.kind === 'node') {
    const properties = pick(['id', 'name']);
    return { kind: 'node', ...(typeof properties.id === 'string' ? {} : { elementId: value.elementId }), properties };
  }
  return { kind: 'relationship', elementId: value.elementId, type: value.type, properties: pick(['role']) };
}

/** A row with every element in it (inside lists, maps and paths too) replaced by its reference. */
function refValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isPlainNode(value) || isPlainRelationship(value)) return elementRef(value);
  if (Array.isArray(value)) return value.map(refValue);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = refValue(v);
  return out;
}

export async function runGraphQuery(
  db: GraphDb, cypher: string, params: Record<string, unknown>, limits: QueryLimits,
  opts: { refRows?: boolean; connect?: boolean; read?: Pick<ReadOptions, 'metadata' | 'retry'> } = {},
): Promise<QueryResult> {
  const started = performance.now();
  const result = await db.readResult(cypher, params, { timeoutMs: limits.timeoutMs, maxRows: limits.maxRows, ...opts.read });
  let truncatedBy: 'rows' | 'bytes' | undefined = result.truncated ? 'rows' : undefined;

  // Rows and the graph repeat the same elements, so rows get half of the byte budget.
  const shown = opts.refRows ? result.rows.map((row) => refValue(row) as Row) : result.rows;
  const rows: Row[] = [];
  let bytes = 0;
  for (const row of shown) {
    bytes += Buffer.byteLength(JSON.stringify(row));
    if (bytes > limits.maxResponseBytes / 2) {
      truncatedBy = 'bytes';
      break;
    }
    rows.push(row);
  }

  // The graph is drawn from the elements of the rows that are shown, before they became references.
  const found = collectElements(result.rows.slice(0, rows.length));
  const missing = missingEndpoints(found);
  if (missing.length > 0) {
    const extra = await db.read<{ n: LeanNode }>(loadApiCypher('nodes-by-element-id'), { ids: missing, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys }, { timeoutMs: limits.timeoutMs });
    for (const { n } of extra) found.nodes.set(n.elementId, leanElement({ ...n, properties: Array.isArray(n.properties) ? Object.fromEntries(n.properties) : n.properties }) as PlainNode);
  }
  // Nodes a console query returned without any relationship are drawn with the relationships between
  // them; a query that returns relationships or paths has chosen which to draw.
  if (opts.connect && found.relationships.size === 0 && found.nodes.size > 1 && found.nodes.size <= CONNECT_MAX_NODES) {
    const among = await db.read<{ r: LeanRelationship }>(loadApiCypher('relationships-among'),
      { ids: [...found.nodes.keys()], limit: CONNECT_MAX_RELATIONSHIPS, hiddenRelKeys: LEAN_PARAMS.hiddenRelKeys },
      { timeoutMs: limits.timeoutMs, ...opts.read });
    for (const { r } of among) {
      if (!found.relationships.has(r.elementId)) found.relationships.set(r.elementId, { ...r, properties: Array.isArray(r.properties) ? Object.fromEntries(r.properties) : r.properties } as PlainRelationship);
    }
  }
  const graph = buildGraph(found.nodes.values(), found.relationships.values());
  const answer: QueryResult = {
    columns: result.columns,
    rows,
    graph,
    summary: { ms: Math.round(performance.now() - started), rows: rows.length, truncated: truncatedBy !== undefined, ...(truncatedBy ? { truncatedBy } : {}) },
  };
  if (Buffer.byteLength(JSON.stringify(answer)) > limits.maxResponseBytes) {
    throw new AppError(413, 'RESULT_TOO_LARGE', `The result is larger than ${limits.maxResponseBytes} bytes; return fewer or smaller rows`, { maxResponseBytes: limits.maxResponseBytes });
  }
  return answer;
}
