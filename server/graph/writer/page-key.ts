/*
 * tasks-of-agency lists an agency's tasks ordered by plan name, printed order, task number and task id,
 * 50 at a time; for an agency with 15,000 tasks, sorting them all for every page cost 1.4 s. So each
 * RESPONSIBLE_FOR stores `pageKey` = agency id, a tab, then that order as one string, and the range
 * index responsible_for_page_key hands a page out in key order, one index seek per agency
 * (cypher/queries/tasks-of-agency.cypher). This module is the one definition of that key.
 *
 * It lives in TypeScript so a write can give a relationship its key when it creates it: for a task the
 * transaction creates, everything the key depends on (the task's order and number, the names of the
 * plans that have it) is in the transaction's own facts. Before, a second statement sought every node of
 * the batch, read each task's plan and wrote the key onto relationships created moments before: about a
 * tenth of the writer's time in Neo4j. Tasks the facts alone cannot key (a task or plan that was already
 * there, a replaced document's old tasks, the migration) are read from the graph and keyed here too
 * (`setPageKeys`).
 */
import type { StatementTx } from '../graph-db.ts';
import { run } from './run-cypher.ts';

/** What a task's key depends on: its id, order and number, and the lowest name of the plans that have it. */
export interface TaskKeyFacts {
  id: string;
  order?: unknown;
  number?: unknown;
  /** min(name) of the Plans with a HAS_TASK to the task that some document still states; null for none. */
  plan: string | null;
}

/**
 * The task's part of the key: each part is preceded by '0', or is '1' when missing (missing values sort
 * last, as ORDER BY puts nulls); the order is zero-padded to 12 digits so it sorts as a number; a tab
 * separates the parts (it sorts below every printable character, and the read-only console accepts it as
 * the escape \t). The order is the task's `order`, else its number read as an integer.
 */
export function taskKey(t: TaskKeyFacts): string {
  const ord = t.order ?? cypherInteger(t.number);
  return `${t.plan == null ? '1' : `0${t.plan}`}\t`
    + `${ord == null ? '1' : `0${`000000000000${String(ord)}`.slice(-12)}`}\t`
    + `${t.number == null ? '1' : `0${String(t.number)}`}\t${t.id}`;
}

/** The stored key of one agency's RESPONSIBLE_FOR to the task: the agency's id, a tab, the task's part. */
export function pageKey(agencyId: string, task: string): string {
  return `${agencyId}\t${task}`;
}

/**
 * A number as Cypher's toInteger() reads it, which the read side's plain ORDER BY uses
 * (tests/integration/hub-paging.test.ts): an integer string as it is, a decimal one truncated, anything
 * else (words, spaces, '') missing.
 */
export function cypherInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value !== 'string') return null;
  if (/^[+-]?\d+$/.test(value)) return Number.parseInt(value, 10);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Math.trunc(Number(value));
  return null;
}

/** How many tasks one read of page-key-tasks.cypher takes (the migration keys every task this way). */
const BATCH = 5000;

/**
 * Reads the tasks among `ids` from the graph (page-key-tasks.cypher: order, number, plan and their
 * RESPONSIBLE_FOR with the stored key) and writes the key of each relationship whose key is missing or
 * different (set-page-keys.cypher). Non-Task ids are passed over. Returns how many keys it wrote.
 */
export async function setPageKeys(tx: StatementTx, ids: readonly string[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const tasks = await run(tx, 'writer/page-key-tasks', { ids: ids.slice(i, i + BATCH) });
    const rows: [string, string][] = [];
    for (const t of tasks.rows) {
      const key = taskKey({ id: t.id as string, order: t.order, number: t.number, plan: (t.plan as string | null) ?? null });
      for (const [rel, agencyId, stored] of t.responsible as [string, string, string | null][]) {
        const want = pageKey(agencyId, key);
        if (stored !== want) rows.push([rel, want]);
      }
    }
    if (rows.length > 0) await run(tx, 'writer/set-page-keys', { rows });
    written += rows.length;
  }
  return written;
}
