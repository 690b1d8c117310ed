/*
 * Writes the facts of one or more documents in one transaction: each document lands whole or not at
 * all, because a transaction only ever holds whole documents. Carrying many documents per transaction is
 * what makes bulk loading fast (docs/loading.md): shared nodes and relationships are rewritten once per
 * transaction instead of once per document, and the commit's fsync is paid once. The order of the
 * statements is the concurrency design: lock the Document nodes in sorted order (serialises loaders on the
 * same document and decides "unchanged"), lock every touched node in sorted id order (no deadlock cycles,
 * no duplicate relationships), strip the old versions' support, merge the new facts, then delete what
 * nothing supports any more. Transient errors (deadlocks) are retried by the driver through
 * GraphDb.writeTx, which re-runs the whole function.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { GraphDb } from '../graph-db.ts';
import { addResult, zeroCounters, type WriteCounters } from './counters.ts';
import { lockOrder, type PreparedDocument } from './prepare-facts.ts';
import { createRelationshipsCypher, mergeRelationshipsCypher } from './relationship-cypher.ts';
import { run } from './run-cypher.ts';
import { planWrite, type RelationshipPlan, type WritePlan } from './write-plan.ts';

export interface WriteOptions {
  /** Write even when the stored sha256 equals the new one. */
  force?: boolean;
  /** Runs inside the transaction, once per written document, just before commit; a throw rolls the transaction back (tests inject failures here). */
  beforeCommit?: (tx: ManagedTransaction, doc: PreparedDocument) => Promise<void>;
  now?: () => Date;
}

export type WriteStatus = 'loaded' | 'replaced' | 'unchanged';

export interface BatchResult {
  documents: { docId: string; status: WriteStatus }[];
  /** What the transaction changed, for all its documents together. */
  counters: WriteCounters;
}

export interface WriteResult {
  docId: string;
  status: WriteStatus;
  counters: WriteCounters;
}

export class WriteError extends Error {
  override name = 'WriteError';
}

/** Writes `docs` (distinct document ids) in one transaction; throws WriteError with Neo4j's own words. */
export async function writeDocuments(db: GraphDb, docs: readonly PreparedDocument[], opts: WriteOptions = {}): Promise<BatchResult> {
  const ids = new Set(docs.map((d) => d.docId));
  if (ids.size !== docs.length) throw new WriteError('a write transaction cannot hold two versions of the same document');
  // GraphDb maps failures to HTTP-minded AppErrors ("Neo4j failed to run the request"); a loader user needs
  // Neo4j's own words (e.g. "Property value is too large to index"), so keep the last one seen in the work.
  let last: unknown;
  const plan = planWrite(docs);
  try {
    return await db.writeTx(async (tx) => {
      try {
        return await writeInTx(tx, docs, plan, opts);
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

/** One document in its own transaction. */
export async function writeDocument(db: GraphDb, doc: PreparedDocument, opts: WriteOptions = {}): Promise<WriteResult> {
  const { documents, counters } = await writeDocuments(db, [doc], opts);
  return { docId: doc.docId, status: documents[0]!.status, counters };
}

async function writeInTx(tx: ManagedTransaction, docs: readonly PreparedDocument[], fullPlan: WritePlan, opts: WriteOptions): Promise<BatchResult> {
  const c = zeroCounters();
  const docNodeIds = lockOrder(docs.map((d) => d.docNodeId), []);
  const lock = await run(tx, 'writer/lock-documents', { docNodeIds });
  const stored = new Map(lock.records.map((r) => [r.get('docNodeId') as string, {
    sha256: r.get('sha256') as string | null,
    nodeIds: (r.get('nodeIds') as string[] | null) ?? [],
  }]));

  const statuses: { docId: string; status: WriteStatus }[] = [];
  const writing: PreparedDocument[] = [];
  const replacing: { doc: PreparedDocument; oldIds: string[] }[] = [];
  for (const doc of docs) {
    const old = stored.get(doc.docNodeId);
    const oldSha = old?.sha256 ?? null;
    if (oldSha === doc.sha256 && !opts.force) {
      statuses.push({ docId: doc.docId, status: 'unchanged' });
      continue;
    }
    writing.push(doc);
    if (oldSha !== null) replacing.push({ doc, oldIds: old?.nodeIds ?? [] });
    statuses.push({ docId: doc.docId, status: oldSha !== null ? 'replaced' : 'loaded' });
  }
  if (writing.length === 0) return { documents: statuses, counters: zeroCounters() };
  addResult(c, lock);

  const oldIds = lockOrder(replacing.flatMap((r) => r.oldIds), []);
  const locked = lockOrder(writing.flatMap((d) => d.nodeIds), oldIds);
  let supported = new Set<string>();
  let created = new Set<string>();
  if (locked.length > 0) {
    const result = await run(tx, 'writer/lock-nodes', { ids: locked });
    addResult(c, result);
    supported = new Set((result.records[0]?.get('supported') as string[] | undefined) ?? []);
    created = new Set((result.records[0]?.get('created') as string[] | undefined) ?? []);
  }
  // A Document node without a stored hash was created by lock-documents just now: nothing points from it yet.
  for (const doc of writing) if (stored.get(doc.docNodeId)?.sha256 == null) created.add(doc.docNodeId);

  const stripped: string[] = [];
  for (const { doc, oldIds: ids } of replacing) {
    const rels = await run(tx, 'writer/strip-relationships', { ids: [doc.docNodeId, ...ids], docId: doc.docId });
    stripped.push(...((rels.records[0]?.get('stripped') as string[] | undefined) ?? []));
    if (ids.length > 0) {
      await run(tx, 'writer/strip-nodes', { ids, docId: doc.docId });
      // A node this document alone supported is now unsupported: it is set afresh below, like a new one.
      const left = await run(tx, 'writer/supported-nodes', { ids });
      const still = new Set((left.records[0]?.get('supported') as string[] | undefined) ?? []);
      for (const id of ids) if (!still.has(id)) supported.delete(id);
    }
  }

  // Nodes no document supported yet (most of a first load) get their whole property map in one plain SET;
  // only nodes shared with already loaded documents go through the merging statement. The plan was built
  // before the transaction; only when another loader wrote some of these documents meanwhile is it redone.
  const plan = writing.length === docs.length ? fullPlan : planWrite(writing);
  const unsupported = plan.nodes.filter((n) => !supported.has(n.id)).map((n) => n.create);
  const shared = plan.nodes.filter((n) => supported.has(n.id)).map((n) => n.merge);
  // From here to upsert-documents no statement needs another's result: they are sent back to back and
  // Neo4j runs them in order within the transaction, without waiting for a round trip and the packing of
  // the next statement's rows between them (while this transaction holds the hub locks, the other one in
  // flight cannot use that time).
  const pending: Promise<QueryResult>[] = [];
  if (unsupported.length > 0) pending.push(run(tx, 'writer/create-nodes', { rows: unsupported }));
  if (shared.length > 0) pending.push(run(tx, 'writer/merge-existing-nodes', { rows: shared }));
  for (const [type, rows] of plan.relationships) {
    // A relationship at a node created just now cannot exist yet: create it without MERGE's check.
    const isNew = (r: RelationshipPlan) => created.has(r.from) || created.has(r.to);
    const fresh = rows.filter(isNew).map((r) => r.create);
    const existing = rows.filter((r) => !isNew(r)).map((r) => r.merge);
    if (fresh.length > 0) pending.push(tx.run(createRelationshipsCypher(type), { rows: fresh }));
    if (existing.length > 0) pending.push(tx.run(mergeRelationshipsCypher(type), { rows: existing }));
  }
  const loadedAt = (opts.now?.() ?? new Date()).toISOString();
  pending.push(run(tx, 'writer/upsert-documents', { rows: plan.documents, loadedAt }));
  for (const result of await Promise.all(pending)) addResult(c, result);

  if (stripped.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-relationships', { relIds: [...new Set(stripped)] }));
  if (oldIds.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-nodes', { ids: oldIds }));
  if (opts.beforeCommit) for (const doc of writing) await opts.beforeCommit(tx, doc);

  // Everything merged that was not created already existed: that is an update.
  c.nodesUpdated = Math.max(0, plan.nodes.length + writing.length - c.nodesCreated);
  c.relationshipsUpdated = Math.max(0, plan.relationshipCount - c.relationshipsCreated);
  return { documents: statuses, counters: c };
}
