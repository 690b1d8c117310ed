/*
 * Whole-graph operations the loader needs around the per-document writes: the stored hashes (skip
 * unchanged files before extracting them), --reset, and counts for summaries and the benchmark.
 */
import type { GraphDb } from '../graph-db.ts';
import { loadCypher, splitStatements } from '../cypher-files.ts';

export interface StoredDocument {
  docId: string;
  sha256: string;
  file: string | null;
}

export async function storedDocuments(db: GraphDb): Promise<Map<string, StoredDocument>> {
  const rows = await db.read<{ docId: string | null; sha256: string | null; file: string | null }>(loadCypher('writer/document-hashes').text);
  const out = new Map<string, StoredDocument>();
  for (const r of rows) if (r.docId && r.sha256) out.set(r.docId, { docId: r.docId, sha256: r.sha256, file: r.file });
  return out;
}

/** Deletes every node and relationship (indexes and constraints stay). */
export async function clearGraph(db: GraphDb): Promise<void> {
  // CALL … IN TRANSACTIONS must run in an auto-commit transaction, so not through writeTx.
  for (const statement of splitStatements(loadCypher('writer/clear-graph').text)) await db.autoCommit(statement);
}

export async function graphCounts(db: GraphDb): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>(loadCypher('writer/graph-counts').text);
  return { nodes: row?.nodes ?? 0, relationships: row?.relationships ?? 0 };
}
