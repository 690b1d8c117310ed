/*
 * What a write changed, summed from Neo4j's own result counters so the numbers in the CLI summary
 * are what the database did, not what the loader intended.
 */
import type { StatementResult } from '../graph-db.ts';

export interface WriteCounters {
  nodesCreated: number;
  nodesUpdated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  relationshipsDeleted: number;
}

export function zeroCounters(): WriteCounters {
  return { nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 };
}

export function addCounters(into: WriteCounters, more: WriteCounters): WriteCounters {
  for (const k of Object.keys(into) as (keyof WriteCounters)[]) into[k] += more[k];
  return into;
}

/** Adds a statement's created/deleted counts to `into`. */
export function addResult(into: WriteCounters, result: StatementResult): void {
  const u = result.counts;
  into.nodesCreated += u.nodesCreated;
  into.nodesDeleted += u.nodesDeleted;
  into.relationshipsCreated += u.relationshipsCreated;
  into.relationshipsDeleted += u.relationshipsDeleted;
}
