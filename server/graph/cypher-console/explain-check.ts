/*
 * Second layer of the read-only console: ask Neo4j to plan the query (EXPLAIN runs nothing) and accept
 * it only when the planner calls it a read (`queryType` 'r') and no operator in the plan writes, loads
 * files or calls a procedure outside the allowed set. This catches what text matching cannot, e.g. a
 * write reached through a construct the deny-list does not know. A syntax error surfaces here as a 400
 * with Neo4j's message and position (neo4j-errors.ts).
 */
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import { toNeo4jParams } from '../neo4j-params.ts';
import { toAppError } from '../neo4j-errors.ts';
import { ALLOWED_PROCEDURES } from './deny-list.ts';

export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

const WRITE_OPERATOR = /^(Create|Merge|Delete|DetachDelete|Set|Remove|Foreach|SubqueryForeach|TransactionForeach|TransactionApply|LoadCSV|LockingMerge)/i;

/** Returns a reason when a plan operator writes, loads or calls a procedure that is not allowed. */
export function planViolation(plan: PlanNode | undefined | false): string | undefined {
  if (!plan) return undefined;
  const op = plan.operatorType.split('@')[0] ?? plan.operatorType;
  if (op === 'LoadCSV') return 'The plan loads a CSV file or URL';
  if (WRITE_OPERATOR.test(op)) return `The plan contains the writing operator ${op}`;
  if (op === 'ProcedureCall') {
    const details = String(plan.arguments?.Details ?? plan.arguments?.details ?? '');
    const name = /^\s*([\w.]+)\s*\(/.exec(details)?.[1]?.toLowerCase();
    if (!name || !ALLOWED_PROCEDURES.has(name)) return `The plan calls the procedure ${name ?? '(unknown)'}, which is not allowed`;
  }
  for (const child of plan.children ?? []) {
    const v = planViolation(child);
    if (v) return v;
  }
  return undefined;
}

const PREFIX = 'EXPLAIN ';

/** Neo4j counts positions in the text it was sent; the user wants them in the text they typed. */
export function withoutPrefixOffset(err: AppError, shift: number): AppError {
  const details = err.details as { position?: { line: number; column: number; offset: number } } | undefined;
  const pos = details?.position;
  if (err.code !== 'CYPHER_SYNTAX' || !pos) return err;
  const fixed = { line: pos.line, column: pos.line === 1 ? Math.max(1, pos.column - shift) : pos.column, offset: Math.max(0, pos.offset - shift) };
  const message = err.message.replace(/line (\d+), column (\d+) \(offset: (\d+)\)/, `line ${fixed.line}, column ${fixed.column} (offset: ${fixed.offset})`);
  return new AppError(err.status, err.code, message, { ...details, position: fixed });
}

/** Plans the query in a READ session; throws 403 unless it is a pure read. */
export async function explainCheck(db: GraphDb, query: string, params: Record<string, unknown>, timeoutMs: number): Promise<void> {
  const session = db.session('READ');
  let queryType: string;
  let plan: PlanNode | false;
  try {
    const result = await session.executeRead((tx) => tx.run(`${PREFIX}${query}`, toNeo4jParams(params)), { timeout: timeoutMs });
    queryType = result.summary.queryType;
    plan = result.summary.plan as PlanNode | false;
  } catch (err) {
    throw withoutPrefixOffset(toAppError(err), PREFIX.length);
  } finally {
    await session.close();
  }
  if (queryType !== 'r') {
    const what = queryType === 'w' || queryType === 'rw' ? 'writes to the graph' : queryType === 's' ? 'changes the schema or administers the database' : `is of type '${queryType}'`;
    throw new AppError(403, 'FORBIDDEN_QUERY', `The query ${what}; the console only reads`, { layer: 'explain', queryType });
  }
  const violation = planViolation(plan);
  if (violation) throw new AppError(403, 'FORBIDDEN_QUERY', violation, { layer: 'explain', queryType });
}
