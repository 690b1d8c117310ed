/*
 * The part of a replacement or removal that decides what happens to the old version's nodes. A node's
 * support is not stored on the node but on the Document nodes (nodeIds), so loads never write to hubs
 * that every document states (docs/loading.md); the price is paid here, on the rare path, by one pass
 * over all Documents.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { byCodePoint } from './prepare-facts.ts';
import { run } from './run-cypher.ts';
import { ALIAS_TEXT_LIMIT } from './search-keys.ts';

/**
 * After a replacement or removal stripped its documents' relationships: gives each old node that
 * other documents still state their aliases and lowest document id, and returns the ids nobody
 * else states (the caller sets them afresh or deletes them).
 */
export async function resetSupport(tx: ManagedTransaction, oldIds: readonly string[], docNodeIds: readonly string[]): Promise<Set<string>> {
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
