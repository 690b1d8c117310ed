/*
 * Writes the facts of one or more documents in one transaction: each document lands whole or not at
 * all, because a transaction only ever holds whole documents. Carrying many documents per transaction is
 * what makes bulk loading fast (docs/loading.md): shared nodes and relationships are rewritten once per
 * transaction instead of once per document, and the commit's fsync is paid once. The order of the
 * statements is the concurrency design: lock the Document nodes in sorted order (serialises loaders on the
 * same document and decides "unchanged"); for a replacement, lock the old version's nodes (its STATES
 * ends), strip its support and decide which old nodes keep other support (reset-support.ts); MERGE the new
 * node ids in sorted order, setting the new ones (a new node is locked by its creator, an existing one is
 * not locked here); merge the new facts and create the documents' STATES relationships; delete what
 * nothing supports any more. A node's support is its STATES degree: creating a STATES relationship takes
 * the node's lock (shared on a dense hub), so loads that share hubs run side by side, and a load waits for
 * a replacement or removal deciding about the same node, or the other way round. Transient errors
 * (deadlocks, e.g. two transactions adding relationships at the same two sparse nodes in opposite
 * orders) are retried by the driver through GraphDb.statements, which re-runs the whole function.
 */
import type { GraphDb, StatementResult, StatementTx } from '../graph-db.ts';
import { addResult, zeroCounters, type WriteCounters } from './counters.ts';
import { SAMPLE_DOCUMENTS } from './evidence-sample.ts';
import { toNeo4jParams } from '../neo4j-params.ts';
import type { RelationshipType } from '../../extract/graph-facts.ts';
import { lockOrder, type PreparedDocument } from './prepare-facts.ts';
import { createRelationshipsCypher, mergeRelationshipsCypher } from './relationship-cypher.ts';
import { deleteUnsupported, stripOldVersions, type OldVersion } from './reset-support.ts';
import { firstValue, run } from './run-cypher.ts';
import { ALIAS_TEXT_LIMIT } from './search-keys.ts';
import { setPageKeys } from './page-key.ts';
import { createRows, pageKeysToRecheck, planWrite, statesParams, type RelationshipPlan, type WritePlan } from './write-plan.ts';
import { nextLoadTime } from './load-time.ts';

export interface WriteOptions {
  /** Write even when the stored sha256 equals the new one. */
  force?: boolean;
  /** Runs inside the transaction right after merge-nodes (tests pause here to let a concurrent removal in). */
  afterMergeNodes?: (tx: StatementTx) => Promise<void>;
  /** Runs inside the transaction, once per written document, just before commit; a throw rolls the transaction back (tests inject failures here). */
  beforeCommit?: (tx: StatementTx, doc: PreparedDocument) => Promise<void>;
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

/** A node this transaction relies on was deleted by a concurrent removal or replacement; redoing the transaction recreates it. */
export class ConcurrentRemovalError extends Error {
  override name = 'ConcurrentRemovalError';
}

/** How often a transaction is redone after ConcurrentRemovalError before the batch fails. */
const REDO_LIMIT = 5;

/** Writes `docs` (distinct document ids) in one transaction; throws WriteError with Neo4j's own words. */
export async function writeDocuments(db: GraphDb, docs: readonly PreparedDocument[], opts: WriteOptions = {}): Promise<BatchResult> {
  const ids = new Set(docs.map((d) => d.docId));
  if (ids.size !== docs.length) throw new WriteError('a write transaction cannot hold two versions of the same document');
  // GraphDb maps failures to HTTP-minded AppErrors ("Neo4j failed to run the request"); a loader user needs
  // Neo4j's own words (e.g. "Property value is too large to index"), so keep the last one seen in the work.
  const plan = planWrite(docs);
  for (let attempt = 1; ; attempt++) {
    let last: unknown;
    try {
      return await db.statements(async (tx) => {
        try {
          return await writeInTx(tx, docs, plan, opts);
        } catch (err) {
          last = err;
          throw err;
        }
      });
    } catch (err) {
      if (attempt < REDO_LIMIT && deletedUnderfoot(last)) continue;
      if (last instanceof Error && last.message) {
        const code = (last as { code?: string }).code;
        throw new WriteError(`${last.message.split('\n')[0]}${code ? ` (${code})` : ''}`, { cause: err });
      }
      throw err;
    }
  }
}

/**
 * A node the transaction relied on was deleted by a concurrent removal: either a statement found fewer
 * nodes than it was sent (ConcurrentRemovalError), or Neo4j refused a relationship at a node deleted
 * while the statement waited for its lock.
 */
function deletedUnderfoot(err: unknown): boolean {
  return err instanceof ConcurrentRemovalError || (err as { code?: string } | undefined)?.code === 'Neo.ClientError.Statement.EntityNotFound';
}

/** One document in its own transaction. */
export async function writeDocument(db: GraphDb, doc: PreparedDocument, opts: WriteOptions = {}): Promise<WriteResult> {
  const { documents, counters } = await writeDocuments(db, [doc], opts);
  return { docId: doc.docId, status: documents[0]!.status, counters };
}

async function writeInTx(tx: StatementTx, docs: readonly PreparedDocument[], fullPlan: WritePlan, opts: WriteOptions): Promise<BatchResult> {
  const c = zeroCounters();
  const docNodeIds = lockOrder(docs.map((d) => d.docNodeId), []);
  const lock = await run(tx, 'writer/lock-documents', { docNodeIds });
  const stored = new Map(lock.rows.map((r) => [r.docNodeId as string, { sha256: r.sha256 as string | null }]));

  const statuses: { docId: string; status: WriteStatus }[] = [];
  const writing: PreparedDocument[] = [];
  const replacing: OldVersion[] = [];
  for (const doc of docs) {
    const old = stored.get(doc.docNodeId);
    const oldSha = old?.sha256 ?? null;
    if (oldSha === doc.sha256 && !opts.force) {
      statuses.push({ docId: doc.docId, status: 'unchanged' });
      continue;
    }
    writing.push(doc);
    if (oldSha !== null) replacing.push({ docId: doc.docId, docNodeId: doc.docNodeId });
    statuses.push({ docId: doc.docId, status: oldSha !== null ? 'replaced' : 'loaded' });
  }
  if (writing.length === 0) return { documents: statuses, counters: zeroCounters() };
  addResult(c, lock);

  // A replacement locks its old nodes and decides which of them still have support (reset-support.ts);
  // a load locks no existing node before its STATES relationships (merge-nodes.cypher), so
  // transactions that share hubs run side by side.
  const strip = replacing.length > 0
    ? await stripOldVersions(tx, replacing, c)
    : { oldIds: [], relIds: [], unsupported: new Set<string>() };
  const { unsupported } = strip;
  // The plan was built before the transaction; only when another loader wrote some of these documents
  // meanwhile is it redone.
  const plan = writing.length === docs.length ? fullPlan : planWrite(writing);
  let created = new Set<string>();
  let storedPlans = new Map<string, string | null>();
  if (plan.nodes.length > 0) {
    const result = await run(tx, 'writer/merge-nodes', { rows: plan.nodes.map((n) => n.create) });
    addResult(c, result);
    created = new Set((result.rows[0]?.created as string[] | undefined) ?? []);
    storedPlans = new Map((result.rows[0]?.plans as [string, string | null][] | undefined) ?? []);
  }
  if (opts.afterMergeNodes) await opts.afterMergeNodes(tx);
  // A Document node without a stored hash was created by lock-documents just now: nothing points from it yet.
  for (const doc of writing) if (stored.get(doc.docNodeId)?.sha256 == null) created.add(doc.docNodeId);

  // New nodes got their properties in merge-nodes; of the others, those a replacement stripped of their
  // last document are set afresh and the rest go through merge-existing-nodes, which writes only those
  // the documents change.
  const afresh = plan.nodes.filter((n) => unsupported.has(n.id)).map((n) => n.create);
  const sharedNodes = plan.nodes.filter((n) => !created.has(n.id) && !unsupported.has(n.id)).map((n) => n.merge());
  // From here to merge-existing-nodes no statement needs another's result: they are sent back to back and Neo4j runs
  // them in order within the transaction, without waiting for a round trip and the packing of the next
  // statement's rows between them.
  const pending: Checked[] = [];
  const send = (result: Promise<StatementResult>, rows?: number, counted = true) => pending.push({ result, rows, counted });
  if (afresh.length > 0) send(run(tx, 'writer/create-nodes', { rows: afresh }));
  const merges: [RelationshipType, Record<string, unknown>[]][] = [];
  for (const [type, rows] of plan.relationships) {
    // A relationship at a node created just now cannot exist yet: create it without MERGE's check.
    const isNew = (r: RelationshipPlan) => created.has(r.from) || created.has(r.to);
    const fresh = rows.filter(isNew);
    const existing = rows.filter((r) => !isNew(r)).map((r) => r.merge());
    if (fresh.length > 0) send(tx.run(createRelationshipsCypher(type), { ...createRows(fresh), docIds: plan.docIds }), fresh.length);
    if (existing.length > 0) merges.push([type, existing]);
  }
  const loadedAt = opts.now ? opts.now().toISOString() : nextLoadTime();
  send(run(tx, 'writer/upsert-documents', { rows: plan.documents, loadedAt }));
  // STATES is bookkeeping, left out of the fact counters; its rows are checked like the relationships'.
  if (plan.stateCount > 0) send(run(tx, 'writer/create-states', statesParams(plan)), plan.stateCount, false);
  // Appending to relationships that exist (a MEMBER_OF or GOVERNS stated again) locks them until commit,
  // and the other transaction in flight appends to the same ones: last, so it waits only for the tail.
  for (const [type, rows] of merges) send(tx.run(mergeRelationshipsCypher(type), { rows, sample: toNeo4jParams(SAMPLE_DOCUMENTS) }), rows.length);
  await settleChecked(pending, c);
  // tasks-of-agency's page keys: created relationships of created tasks have theirs; the others are read
  // from the graph and keyed, with the tasks a replaced version stated (page-key.ts).
  const recheck = [...pageKeysToRecheck(plan, created, storedPlans), ...strip.oldIds];
  if (recheck.length > 0) await setPageKeys(tx, recheck);

  if (sharedNodes.length > 0) {
    await settleChecked([{ result: run(tx, 'writer/merge-existing-nodes', { rows: sharedNodes, aliasTextLimit: ALIAS_TEXT_LIMIT }), rows: sharedNodes.length }], c);
  }
  const stated = new Set(plan.nodes.map((n) => n.id));
  await deleteUnsupported(tx, strip.relIds, [...unsupported].filter((id) => !stated.has(id)), c);
  if (opts.beforeCommit) for (const doc of writing) await opts.beforeCommit(tx, doc);

  // Everything merged that was not created already existed: that is an update.
  c.nodesUpdated = Math.max(0, plan.nodes.length + writing.length - c.nodesCreated);
  c.relationshipsUpdated = Math.max(0, plan.relationshipCount - c.relationshipsCreated);
  return { documents: statuses, counters: c };
}

/** A statement in flight and, when it reports one count per row, how many rows it was sent. */
interface Checked { result: Promise<StatementResult>; rows?: number | undefined; counted?: boolean }

/**
 * Waits for the statements and adds up their counters. A statement that reports fewer rows than it was
 * sent met a node that a concurrent removal deleted after merge-nodes found it (MATCH drops such a
 * row without an error): the transaction must not commit without those facts, so it is redone.
 */
async function settleChecked(pending: readonly Checked[], c: WriteCounters): Promise<void> {
  const results = await Promise.all(pending.map((p) => p.result));
  results.forEach((result, i) => {
    if (pending[i]!.counted !== false) addResult(c, result);
    const expected = pending[i]!.rows;
    if (expected === undefined) return;
    const got = Number(firstValue(result) ?? 0);
    if (got !== expected) throw new ConcurrentRemovalError(`${got} of ${expected} rows found their nodes`);
  });
}
