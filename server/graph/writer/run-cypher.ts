/*
 * Runs a named cypher/*.cypher file inside a writer transaction, so the writer's statements are looked up
 * by name like every other query and never assembled in TypeScript. The transaction is GraphDb's plain
 * StatementTx: rows and counts, no driver types.
 */
import { loadCypher } from '../cypher-files.ts';
import type { StatementResult, StatementTx } from '../graph-db.ts';

export async function run(tx: StatementTx, name: string, params: Record<string, unknown>): Promise<StatementResult> {
  return tx.run(loadCypher(name).text, params);
}

/** The first column of the first row: what the writer's count-returning statements answer. */
export function firstValue(result: StatementResult): unknown {
  const row = result.rows[0];
  return row ? Object.values(row)[0] : undefined;
}
