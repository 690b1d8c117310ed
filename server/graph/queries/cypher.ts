/*
 * The read-only Cypher console's service. Safety in depth, cheapest first: size limits (text length,
 * bracket, subquery and parameter nesting), the lexical check on the query as Neo4j's lexer splits it, an
 * EXPLAIN that Neo4j must plan as a pure read made only of read operators, then the run itself in a READ
 * transaction with a timeout, a row cap and a response size cap. Neo4j is sent the normalised text the
 * checks read (white space made plain), so what was checked is what runs. Both Neo4j round trips are
 * watched: no answer by the timeout plus a grace period means 408, whatever the query computes.
 */
import { AppError } from '../../errors.ts';
import { checkTokens, stripPlanPrefix } from '../cypher-console/deny-list.ts';
import { explainCheck } from '../cypher-console/explain-check.ts';
import { lexCypher, LexError, type Lexed } from '../cypher-console/lexer.ts';
import { checkNesting, checkParams, checkQueryLength, type ConsoleLimits } from '../cypher-console/limits.ts';
import type { ConsoleWatchdog } from '../cypher-console/watchdog.ts';
import type { GraphDb } from '../graph-db.ts';
import { runGraphQuery, type QueryLimits, type QueryResult } from './query-result.ts';

export type ConsoleQueryLimits = QueryLimits & ConsoleLimits;

function forbidden(reason: string, layer: string): AppError {
  return new AppError(403, 'FORBIDDEN_QUERY', reason, { layer });
}

/** A query over the per-query memory limit (db.memory.transaction.max) is the query's doing, not a busy database. */
function memoryLimitError(err: unknown): unknown {
  const code = err instanceof AppError ? (err.details as { neo4jCode?: string } | undefined)?.neo4jCode : undefined;
  if (!code || !/MemoryPoolOutOfMemoryError|TransactionOutOfMemoryError/.test(code)) return err;
  return new AppError(413, 'RESULT_TOO_LARGE', 'The query needed more memory than one query may use (db.memory.transaction.max); aggregate or return less', { neo4jCode: code });
}

export async function runConsoleQuery(
  db: GraphDb, watchdog: ConsoleWatchdog, query: string, params: Record<string, unknown>, limits: ConsoleQueryLimits,
): Promise<QueryResult> {
  checkQueryLength(query, limits);
  checkParams(params, limits);
  const text = stripPlanPrefix(query);
  let lexed: Lexed;
  try {
    lexed = lexCypher(text);
  } catch (err) {
    if (err instanceof LexError) throw forbidden(err.message, 'lexer');
    throw err;
  }
  checkNesting(lexed, limits);
  const verdict = checkTokens(lexed.tokens);
  if (!verdict.ok) throw forbidden(verdict.reason ?? 'The query is not allowed', 'deny-list');
  const cypher = lexed.normalised;
  try {
    await watchdog.guard(cypher, limits.timeoutMs, (tag) => explainCheck(db, cypher, params, limits.timeoutMs, tag.metadata));
    return await watchdog.guard(cypher, limits.timeoutMs, (tag) => runGraphQuery(db, cypher, params, limits, { connect: true, read: { ...tag, retry: false } }));
  } catch (err) {
    throw memoryLimitError(err);
  }
}
