/*
 * The read-only Cypher console's service. Safety in depth, cheapest first: the lexical deny-list, an
 * EXPLAIN of the query that must plan as a pure read, then the run itself in a READ transaction with a
 * timeout, a row cap and a response size cap. Any one layer refuses a write on its own; together they
 * make sure nothing the console accepts can change, load into or administer the database.
 */
import { AppError } from '../../errors.ts';
import { checkDenyList, stripPlanPrefix } from '../cypher-console/deny-list.ts';
import { explainCheck } from '../cypher-console/explain-check.ts';
import type { GraphDb } from '../graph-db.ts';
import { runGraphQuery, type QueryLimits, type QueryResult } from './query-result.ts';

export async function runConsoleQuery(db: GraphDb, query: string, params: Record<string, unknown>, limits: QueryLimits): Promise<QueryResult> {
  const text = stripPlanPrefix(query);
  const verdict = checkDenyList(text);
  if (!verdict.ok) throw new AppError(403, 'FORBIDDEN_QUERY', verdict.reason ?? 'The query is not allowed', { layer: 'deny-list' });
  await explainCheck(db, text, params, limits.timeoutMs);
  return runGraphQuery(db, text, params, limits);
}
