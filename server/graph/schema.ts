/*
 * Applies cypher/schema.cypher at start. Idempotent, and it waits for the indexes to come online so the
 * first search after a fresh start does not race an index that is still populating.
 */
import { loadCypher, splitStatements } from './cypher-files.ts';
import type { GraphDb } from './graph-db.ts';

export async function applySchema(db: GraphDb): Promise<number> {
  const statements = splitStatements(loadCypher('schema').text);
  for (const statement of statements) await db.autoCommit(statement);
  await db.autoCommit('CALL db.awaitIndexes(120)');
  return statements.length;
}
