/*
 * The part of a replacement or removal that decides what happens to the old version's nodes. A node's
 * support is not stored on the node but on the Document nodes (nodeIds), so loads never write to hubs
 * that every document states (docs/loading.md); the price is paid here, on the rare path, by one pass
 * over all Documents.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { addResult, type WriteCounters } from './counters.ts';
import { byCodePoint, lockOrder } from './prepare-facts.ts';
import { run } from './run-cypher.ts';
import { ALIAS_TEXT_LIMIT } from './search-keys.ts';

/** A loaded version about to be replaced or removed: its document and the node ids its Document lists. */
export interface OldVersion { docId: string; docNodeId: string; nodeIds: readonly string[] }

export interface Stripped {
  /** The old versions' node ids, sorted. */
  oldIds: string[];
  /** Element ids of the relationships that lost these documents' support (deleted later unless restated). */
  relIds: string[];
  /** Old nodes no other Document states. */
  unsupported: Set<string>;
}

/**
 * Shared by replacement and removal, in their lock order: the old versions' nodes sorted, then the
 * support gate (lock-support-gate.cypher); then their relationships lose these documents' spans and
 * the old nodes get what the remaining documents give them. `docNodeIds`: the Documents this
 * transaction writes or removes, whose stored lists are the old versions.
 */
export async function stripOldVersions(tx: ManagedTransaction, olds: readonly OldVersion[], docNodeIds: readonly string[], c: WriteCounters): Promise<Stripped> {
  const oldIds = lockOrder(olds.flatMap((o) => o.nodeIds), []);
  if (oldIds.length > 0) addResult(c, await run(tx, 'writer/lock-nodes', { ids: oldIds }));
  await run(tx, 'writer/lock-support-gate', {});
  const relIds: string[] = [];
  for (const o of olds) {
    const rels = await run(tx, 'writer/strip-relationships', { ids: [o.docNodeId, ...o.nodeIds], docId: o.docId });
    relIds.push(...((rels.records[0]?.get('stripped') as string[] | undefined) ?? []));
  }
  return { oldIds, relIds: [...new Set(relIds)], unsupported: await resetSupport(tx, oldIds, docNodeIds) };
}

/** Last step of both: relationships and nodes the stripping left without support, and not stated again. */
export async function deleteUnsupported(tx: ManagedTransaction, relIds: readonly string[], nodeIds: readonly string[], c: WriteCounters): Promise<void> {
  if (relIds.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-relationships', { relIds }));
  if (nodeIds.length > 0) addResult(c, await run(tx, 'writer/delete-unsupported-nodes', { ids: nodeIds }));
}

/**
 * After a replacement or removal stripped its documents' relationships: gives each old node that
 * other documents still state their aliases and lowest document id, and returns the ids nobody
 * else states (the caller sets them afresh or deletes them).
 */
async function resetSupport(tx: ManagedTransaction, oldIds: readonly string[], docNodeIds: readonly string[]): Promise<Set<string>> {
  if (oldIds.length === 0) return new Set();
  const support = await run(tx, 'writer/supported-nodes', { ids: oldIds, docNodeIds });
  const rows = support.records.map((r) => ({
    id: r.get('id') as string,
    owner: r.get('owner') as string,
    aliases: [...(r.get('aliases') as string[])].sort(byCodePoint),
  }));
  if (rows.length > 0) await run(tx, 'writer/reset-node-support', { rows, aliasTextLimit: ALIAS_TEXT_LIMIT });
  const supported = new Set(rows.map((r) => r.id));
  return new Set(oldIds.filter((id) => !supported.has(id)));
}
