/*
 * Brings the database to the shape this version reads and writes, at every start: applies
 * cypher/schema.cypher (which ends by waiting for the indexes to come online) and, only when a
 * look-up finds a previous shape (support as lists on the Document nodes, STATES without the document's
 * facts, relationships holding every document's evidence), brings it to today's
 * (cypher/writer/migrate-states.cypher). A database already in today's shape pays one look-up, no scan.
 */
import { AppError } from '../errors.ts';
import { loadCypher, splitStatements } from './cypher-files.ts';
import type { GraphDb } from './graph-db.ts';
import { SAMPLE_DOCUMENTS } from './writer/evidence-sample.ts';
import { setPageKeys } from './writer/page-key.ts';

const PAGE_KEY_BATCH = 5000;
/**
 * Each migration statement commits in inner transactions and passes over what is done, but the statement
 * itself is one auto-commit transaction under Neo4j's 10-minute limit (Launcher.java): on an archive of
 * tens of thousands of documents one step takes longer. Run again, it resumes where it stopped, so the
 * start does not fail and make the user restart until it is done; a step that still times out after this
 * many runs makes no progress worth waiting for.
 */
const MIGRATION_RUNS = 12;

export async function applySchema(db: GraphDb): Promise<number> {
  const statements = splitStatements(loadCypher('schema').text);
  for (const statement of statements) await db.autoCommit(statement);
  await migrateSupport(db);
  return statements.length;
}

/** Runs migrate-states.cypher when migration-needed.cypher finds the previous shape; says whether it ran. */
export async function migrateSupport(db: GraphDb): Promise<boolean> {
  const [check] = await db.read<{ needed: boolean }>(loadCypher('writer/migration-needed').text);
  if (!check?.needed) return false;
  for (const statement of splitStatements(loadCypher('writer/migrate-states').text)) await resumed(() => db.autoCommit(statement, { sample: SAMPLE_DOCUMENTS }));
  // Page keys of tasks-of-agency (writer/page-key.ts, the one definition of that order), a batch per transaction.
  const tasks = await db.read<{ id: string }>(loadCypher('writer/task-ids').text);
  for (let i = 0; i < tasks.length; i += PAGE_KEY_BATCH) {
    const ids = tasks.slice(i, i + PAGE_KEY_BATCH).map((t) => t.id);
    await db.statements((tx) => setPageKeys(tx, ids));
  }
  return true;
}

/** Runs a resumable statement again when it stops at the transaction time limit (MIGRATION_RUNS). */
export async function resumed<T>(run: () => Promise<T>, runs = MIGRATION_RUNS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'QUERY_TIMEOUT') || attempt >= runs) throw err;
    }
  }
}
