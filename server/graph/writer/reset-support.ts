/*
 * The part of a replacement or removal that decides what happens to the old version's nodes. A node's
 * support is its STATES relationships from Documents (docs/graph-storage.md), so the decision reads only
 * the replaced documents' own neighbourhood: their STATES ends, locked in id order, then each node's
 * remaining STATES degree. A load that states one of these nodes creates a STATES relationship to it,
 * which takes the node's lock: it either committed before the lock here was granted (and its STATES
 * counts) or waits for this transaction to commit and finds the decision made.
 */
import type { StatementTx } from '../graph-db.ts';
import { toNeo4jParams } from '../neo4j-params.ts';
import { addResult, type WriteCounters } from './counters.ts';
import { SAMPLE_DOCUMENTS, sampleAppend, type SampleCandidate } from './evidence-sample.ts';
import { lockOrder } from './prepare-facts.ts';
import { run } from './run-cypher.ts';
import { ALIAS_TEXT_LIMIT } from './search-keys.ts';

/** A loaded version about to be replaced or removed. */
export interface OldVersion { docId: string; docNodeId: string }

export interface Stripped {
  /** The old versions' node ids, sorted. */
  oldIds: string[];
  /** Element ids of the relationships that lost these documents' support (deleted later unless restated). */
  relIds: string[];
  /** Old nodes no other Document states. */
  unsupported: Set<string>;
}

/**
 * Shared by replacement and removal, in their lock order: the old versions' nodes sorted; then their
 * relationships lose these documents' support and spans, their STATES go, the old nodes get what the
 * remaining documents give them, and evidence samples these documents left get the next documents'.
 */
export async function stripOldVersions(tx: StatementTx, olds: readonly OldVersion[], c: WriteCounters): Promise<Stripped> {
  const docNodeIds = olds.map((o) => o.docNodeId);
  const stated = await run(tx, 'writer/stated-nodes', { docNodeIds });
  const byDoc = new Map(stated.rows.map((r) => [r.docNodeId as string, r.nodeIds as string[]]));
  const oldIds = lockOrder(olds.flatMap((o) => byDoc.get(o.docNodeId) ?? []), []);
  if (oldIds.length > 0) addResult(c, await run(tx, 'writer/lock-nodes', { ids: oldIds }));
  const relIds: string[] = [];
  const refill: string[] = [];
  for (const o of olds) {
    const rels = await run(tx, 'writer/strip-relationships', { docNodeId: o.docNodeId, docId: o.docId });
    relIds.push(...((rels.rows[0]?.stripped as string[] | undefined) ?? []));
    refill.push(...((rels.rows[0]?.refill as string[] | undefined) ?? []));
  }
  const unsupported = await resetSupport(tx, docNodeIds);
  // After resetSupport: the old versions' STATES are gone, so the refill cannot choose them.
  if (refill.length > 0) await refillSamples(tx, [...new Set(refill)]);
  return { oldIds, relIds: [...new Set(relIds)], unsupported };
}

/**
 * Relationships whose evidence sample lost a document that other documents outside it replace: the next
 * documents by id join it (evidence-sample.ts), their spans' texts cut from their texts here, as the
 * extractor cut them (JavaScript string offsets).
 */
async function refillSamples(tx: StatementTx, relIds: readonly string[]): Promise<void> {
  const found = await run(tx, 'writer/sample-candidates', { relIds, sample: toNeo4jParams(SAMPLE_DOCUMENTS) });
  const rows = found.rows
    .map((r) => ({ rid: r.rid as string, candidates: r.candidates as SampleCandidate[] }))
    .filter((r) => r.candidates.length > 0)
    .map((r) => ({ rid: r.rid, ...sampleAppend(r.candidates) }));
  if (rows.length > 0) await run(tx, 'writer/append-sample', { rows: toNeo4jParams(rows) });
}

/** Last step of both: relationships and nodes the stripping left without support, and not stated again. */
export async function deleteUnsupported(tx: StatementTx, relIds: readonly string[], nodeIds: readonly string[], c: WriteCounters): Promise<void> {
  if (relIds.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-relationships', { relIds }));
  if (nodeIds.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-nodes', { ids: nodeIds }));
}

/**
 * Takes the documents' STATES away, gives each old node that other documents still state the aliases
 * and lowest document id those give it, and returns the ids nobody else states (the caller sets them
 * afresh or deletes them).
 */
async function resetSupport(tx: StatementTx, docNodeIds: readonly string[]): Promise<Set<string>> {
  // Not added to the counters: they count facts, and STATES is bookkeeping (as the lists were).
  const unstated = await run(tx, 'writer/unstate-nodes', { docNodeIds });
  if (unstated.rows.length === 0) return new Set();
  const rows = unstated.rows.map((r) => ({ id: r.id as string, docIds: r.docIds as string[], aliases: r.aliases as string[] }));
  const reset = await run(tx, 'writer/reset-node-support', { rows, aliasTextLimit: ALIAS_TEXT_LIMIT });
  return new Set((reset.rows[0]?.unsupported as string[] | undefined) ?? []);
}
