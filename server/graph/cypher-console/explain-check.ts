/*
 * Second layer of the read-only console: ask Neo4j to plan the query (EXPLAIN runs nothing) and accept it
 * only from Neo4j's own parse: the planner must call it a read (`queryType` 'r'), every operator in the
 * plan must be on an allow-list of read operators, and a procedure call must name an allowed procedure.
 * The allow-list matters because Neo4j plans SHOW SETTINGS / TRANSACTIONS / PROCEDURES and TERMINATE
 * TRANSACTIONS as reads (type 'r', operators ShowSettings, TerminateTransactions …): a check for writing
 * operators alone let them through. Anything Neo4j plans that is not known here is refused, so a new
 * operator costs a false refusal, never an escape. A syntax error surfaces here as a 400 with Neo4j's
 * message and position (neo4j-errors.ts).
 */
import { AppError } from '../../errors.ts';
import { EXPLAIN_PREFIX, type GraphDb } from '../graph-db.ts';
import { toAppError } from '../neo4j-errors.ts';
import { ALLOWED_PROCEDURES } from './deny-list.ts';

export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

const WRITE_OPERATOR = /^(Create|Merge|Delete|DetachDelete|Set|Remove|Foreach|SubqueryForeach|TransactionForeach|TransactionApply|LoadCSV|LockingMerge)/i;

/**
 * Operators that only read (Neo4j 5.26 Cypher manual, "Operators"; names without the `(All)`/`(Into)`
 * variant). Leaf scans and seeks, joins and applies, projections, aggregations, sorting and paging.
 */
export const READ_OPERATORS = new Set([
  'AllNodesScan', 'NodeByLabelScan', 'NodeByIdSeek', 'NodeByElementIdSeek', 'NodeIndexSeek', 'NodeUniqueIndexSeek', 'NodeIndexScan',
  'NodeIndexContainsScan', 'NodeIndexEndsWithScan', 'NodeIndexSeekByRange', 'NodeUniqueIndexSeekByRange', 'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek', 'UnionNodeByLabelsScan', 'IntersectionNodeByLabelsScan', 'SubtractionNodeByLabelsScan',
  'NodeCountFromCountStore', 'RelationshipCountFromCountStore',
  ...['RelationshipIndexSeek', 'RelationshipIndexScan', 'RelationshipIndexContainsScan', 'RelationshipIndexEndsWithScan',
    'RelationshipIndexSeekByRange', 'RelationshipUniqueIndexSeek', 'RelationshipUniqueIndexSeekByRange', 'RelationshipByIdSeek',
    'RelationshipByElementIdSeek', 'AllRelationshipsScan', 'RelationshipTypeScan', 'UnionRelationshipTypesScan']
    .flatMap((op) => [`Directed${op}`, `Undirected${op}`]),
  'Argument', 'ArgumentTracker', 'ProduceResults', 'Projection', 'Filter', 'Limit', 'ExhaustiveLimit', 'Skip', 'Sort', 'PartialSort',
  'Top', 'Top1WithTies', 'PartialTop', 'Distinct', 'OrderedDistinct', 'EagerAggregation', 'OrderedAggregation', 'Eager',
  'Apply', 'SemiApply', 'AntiSemiApply', 'LetSemiApply', 'LetAntiSemiApply', 'SelectOrSemiApply', 'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply', 'LetSelectOrAntiSemiApply', 'ConditionalApply', 'AntiConditionalApply', 'RollUpApply', 'CartesianProduct',
  'NodeHashJoin', 'ValueHashJoin', 'NodeLeftOuterHashJoin', 'NodeRightOuterHashJoin', 'Expand', 'OptionalExpand', 'VarLengthExpand',
  'BFSPruningVarLengthExpand', 'ShortestPath', 'StatefulShortestPath', 'Repeat', 'NullifyMetadata', 'ProjectEndpoints', 'Union',
  'OrderedUnion', 'Unwind', 'Optional', 'Anti', 'CacheProperties', 'AssertSameNode', 'AssertSameRelationship', 'TriadicSelection',
  'TriadicBuild', 'TriadicFilter', 'ProcedureCall', 'EmptyResult',
]);

/** Returns a reason when a plan operator is not a known read, writes, loads or calls a procedure that is not allowed. */
export function planViolation(plan: PlanNode | undefined | false): string | undefined {
  if (!plan) return undefined;
  const [op = plan.operatorType, database] = plan.operatorType.split('@');
  if (database === 'system') return `The plan runs ${op} against the system database`;
  if (op === 'LoadCSV') return 'The plan loads a CSV file or URL';
  if (WRITE_OPERATOR.test(op)) return `The plan contains the writing operator ${op}`;
  if (!READ_OPERATORS.has(op.replace(/\(.*\)$/, ''))) return `The plan contains the operator ${op}, which is not a read the console allows`;
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

/** Neo4j counts positions in the text it was sent; the user wants them in the text they typed. */
export function withoutPrefixOffset(err: AppError, shift: number): AppError {
  const details = err.details as { position?: { line: number; column: number; offset: number } } | undefined;
  const pos = details?.position;
  if (err.code !== 'CYPHER_SYNTAX' || !pos) return err;
  const fixed = { line: pos.line, column: pos.line === 1 ? Math.max(1, pos.column - shift) : pos.column, offset: Math.max(0, pos.offset - shift) };
  const message = err.message.replace(/line (\d+), column (\d+) \(offset: (\d+)\)/, `line ${fixed.line}, column ${fixed.column} (offset: ${fixed.offset})`);
  return new AppError(err.status, err.code, message, { ...details, position: fixed });
}

/**
 * Plans the query in a READ transaction (one attempt, so a transient failure cannot spend the time budget
 * on retries; `metadata` lets the watchdog find it) and throws 403 unless Neo4j calls it a pure read.
 */
export async function explainCheck(
  db: GraphDb, query: string, params: Record<string, unknown>, timeoutMs: number, metadata?: Record<string, string>,
): Promise<void> {
  let queryType: string;
  let plan: PlanNode | false;
  try {
    ({ queryType, plan } = (await db.explain(query, params, { timeoutMs, ...(metadata ? { metadata } : {}) })) as { queryType: string; plan: PlanNode | false });
  } catch (err) {
    throw withoutPrefixOffset(err instanceof AppError ? err : toAppError(err), EXPLAIN_PREFIX.length);
  }
  if (queryType !== 'r') {
    const what = queryType === 'w' || queryType === 'rw' ? 'writes to the graph' : queryType === 's' ? 'changes the schema or administers the database' : `is of type '${queryType}'`;
    throw new AppError(403, 'FORBIDDEN_QUERY', `The query ${what}; the console only reads`, { layer: 'explain', queryType });
  }
  const violation = planViolation(plan);
  if (violation) throw new AppError(403, 'FORBIDDEN_QUERY', violation, { layer: 'explain', queryType });
}
