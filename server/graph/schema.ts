/*
 * Applies cypher/schema.cypher at start. Idempotent, and it waits for the indexes to come online so the
 * first search after a fresh start does not race an index that is still populating.
 */
import { loadCypher, splitStatements } from './cypher-files.ts';
import type { GraphDb } from './graph-db.ts';

export async function applySchema(db: GraphDb): Promise<number> {
  const statements = splitStatements(loadCypher('schema').text);
  for (const statement of statements) {
    const session = db.session('WRITE');
    try {
      await session.run(statement);
    } finally {
      await session.close();
    }
  }
  const session = db.session('WRITE');
  try {
    await session.run('CALL db.awaitIndexes(120)');
  } finally {
    await session.close();
  }
  return statements.length;
}
