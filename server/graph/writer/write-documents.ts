/*
 * Writes one document's facts in one transaction: it lands whole or not at all. The order of the
 * statements is the concurrency design (docs/loading.md): lock the Document node (serialises loaders
 * on the same document and decides "unchanged"), lock every touched node in sorted id order (no
 * deadlock cycles, no duplicate relationships), strip the old version's support, merge the new facts,
 * then delete what nothing supports any more. Transient errors (deadlocks) are retried by the driver
 * through GraphDb.writeTx, which re-runs the whole function.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { RelationshipType } from '../../extract/graph-facts.ts';
import type { GraphDb } from '../graph-db.ts';
import { loadCypher } from '../cypher-files.ts';
import { addResult, zeroCounters, type WriteCounters } from './counters.ts';
import { toNeo4jParams } from '../neo4j-params.ts';
import { lockOrder, type PreparedDocument, type RelationshipRow } from './prepare-facts.ts';
import { mergeRelationshipsCypher } from './relationship-cypher.ts';

export interface WriteOptions {
  /** Write even when the stored sha256 equals the new one. */
  force?: boolean;
  /** Runs inside the transaction just before commit; a throw rolls the document back (tests inject failures here). */
  beforeCommit?: (tx: ManagedTransaction, doc: PreparedDocument) => Promise<void>;
  now?: () => Date;
}

export type WriteStatus = 'loaded' | 'replaced' | 'unchanged';

export interface WriteResult {
  docId: string;
  status: WriteStatus;
  counters: WriteCounters;
}

export async function run(tx: ManagedTransaction, name: string, params: Record<string, unknown>): Promise<QueryResult> {
  return tx.run(loadCypher(name).text, params);
}

export class WriteError extends Error {
  override name = 'WriteError';
}

export async function writeDocument(db: GraphDb, doc: PreparedDocument, opts: WriteOptions = {}): Promise<WriteResult> {
  // GraphDb maps failures to HTTP-minded AppErrors ("Neo4j failed to run the request"); a loader user needs
  // Neo4j's own words (e.g. "Property value is too large to index"), so keep the last one seen in the work.
  let last: unknown;
  try {
    return await db.writeTx(async (tx) => {
      try {
        return await writeInTx(tx, doc, opts);
      } catch (err) {
        last = err;
        throw err;
      }
    });
  } catch (err) {
    if (last instanceof Error && last.message) {
      const code = (last as { code?: string }).code;
      throw new WriteError(`${last.message.split('\n')[0]}${code ? ` (${code})` : ''}`, { cause: err });
    }
    throw err;
  }
}

/** The type is part of the MERGE text, so relationships go in one statement per type. */
function byType(rows: RelationshipRow[]): Map<RelationshipType, RelationshipRow[]> {
  const out = new Map<RelationshipType, RelationshipRow[]>();
  for (const r of rows) {
    const list = out.get(r.type);
    if (list) list.push(r);
    else out.set(r.type, [r]);
  }
  return out;
}

/** The transaction body; exported so the bench and tests can reuse it inside their own transaction. */
export async function writeInTx(tx: ManagedTransaction, doc: PreparedDocument, opts: WriteOptions = {}): Promise<WriteResult> {
  const c = zeroCounters();
  const { docId, docNodeId } = doc;
  const lock = await run(tx, 'writer/lock-document', { docNodeId });
  addResult(c, lock);
  const stored = lock.records[0];
  const oldSha = stored?.get('sha256') as string | null | undefined;
  const oldIds = (stored?.get('nodeIds') as string[] | undefined) ?? [];
  if (oldSha === doc.sha256 && !opts.force) return { docId, status: 'unchanged', counters: zeroCounters() };
  const replacing = oldSha !== null && oldSha !== undefined;

  const ids = lockOrder(doc.nodeIds, oldIds);
  if (ids.length > 0) addResult(c, await run(tx, 'writer/lock-nodes', { ids }));

  let stripped: string[] = [];
  if (replacing) {
    const rels = await run(tx, 'writer/strip-relationships', { ids: [docNodeId, ...oldIds], docId });
    stripped = (rels.records[0]?.get('stripped') as string[] | undefined) ?? [];
    if (oldIds.length > 0) await run(tx, 'writer/strip-nodes', { ids: oldIds, docId });
  }

  if (doc.nodes.length > 0) addResult(c, await run(tx, 'writer/merge-nodes', { rows: toNeo4jParams(doc.nodes), docId }));
  for (const [type, rows] of byType(doc.relationships)) {
    addResult(c, await tx.run(mergeRelationshipsCypher(type), { rows: toNeo4jParams(rows), docId }));
  }
  const loadedAt = (opts.now?.() ?? new Date()).toISOString();
  addResult(c, await run(tx, 'writer/upsert-document', {
    docNodeId, docId, props: toNeo4jParams(doc.documentProps), nodeIds: doc.nodeIds, loadedAt,
  }));

  if (replacing) {
    if (stripped.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-relationships', { relIds: stripped }));
    if (oldIds.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-nodes', { ids: oldIds }));
  }
  if (opts.beforeCommit) await opts.beforeCommit(tx, doc);

  // Everything merged that was not created already existed: that is an update.
  c.nodesUpdated = Math.max(0, doc.nodes.length + 1 - c.nodesCreated);
  c.relationshipsUpdated = Math.max(0, doc.relationshipCount - c.relationshipsCreated);
  return { docId, status: replacing ? 'replaced' : 'loaded', counters: c };
}
