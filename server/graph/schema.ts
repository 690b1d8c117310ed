/*
 * Brings the database to the shape this version reads and writes, at every start: applies
 * cypher/schema.cypher, waits for the indexes to come online (so the first search after a fresh start does
 * not race an index that is still populating), and moves node support written by earlier versions onto
 * the Document nodes (cypher/writer/migrate-support.cypher). All of it is idempotent.
 */
import { loadCypher, splitStatements } from './cypher-files.ts';
import type { GraphDb } from './graph-db.ts';

export async function applySchema(db: GraphDb): Promise<number> {
  const statements = splitStatements(loadCypher('schema').text);
  for (const statement of statements) await db.autoCommit(statement);
  await db.autoCommit('CALL db.awaitIndexes(120)');
  for (const statement of splitStatements(loadCypher('writer/migrate-support').text)) await db.autoCommit(statement);
  return statements.length;
}
