/*
 * Runs one read query and shapes its answer as the console and the curated queries return it: a table
 * (columns, rows), a graph of every element in the rows, and a summary. The row cap, the response size
 * cap and the timeout are applied here, so both entry points obey the same limits.
 */
import { AppError } from '../../errors.ts';
import { collectElements, missingEndpoints } from '../cypher-console/graph-collector.ts';
import type { GraphDb, Row } from '../graph-db.ts';
import type { PlainNode } from '../neo4j-values.ts';
import { buildGraph, type ApiGraph } from './graph-elements.ts';
import { loadApiCypher } from './api-cypher.ts';

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

export async function runGraphQuery(db: GraphDb, cypher: string, params: Record<string, unknown>, limits: QueryLimits): Promise<QueryResult> {
  const started = performance.now();
  const result = await db.readResult(cypher, params, { timeoutMs: limits.timeoutMs, maxRows: limits.maxRows });
  let truncatedBy: 'rows' | 'bytes' | undefined = result.truncated ? 'rows' : undefined;

  // Rows and the graph repeat the same elements, so rows get half of the byte budget.
  const rows: Row[] = [];
  let bytes = 0;
  for (const row of result.rows) {
    bytes += Buffer.byteLength(JSON.stringify(row));
    if (bytes > limits.maxResponseBytes / 2) {
      truncatedBy = 'bytes';
      break;
    }
    rows.push(row);
  }

  const found = collectElements(rows);
  const missing = missingEndpoints(found);
  if (missing.length > 0) {
    const extra = await db.read<{ n: PlainNode }>(loadApiCypher('nodes-by-element-id'), { ids: missing }, { timeoutMs: limits.timeoutMs });
    for (const { n } of extra) found.nodes.set(n.elementId, n);
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
