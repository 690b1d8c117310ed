/*
 * The responsibility scan behind collaboration, workload and the analysis filters: plans, agencies and, per
 * task, its plans and agency × role codes as small integers (cypher/api/analysis-scan-*.cypher), read once per
 * graph state and kept (graph-state-cache.ts), so every filter of those views is counted in Node
 * (server/analysis/responsibilities.ts) without going back to Neo4j. docs/api.md ("Cost") says why.
 */
import { OTHER_ROLE, ROLE_CODES, ROLE_SPACE, type ResponsibilityScan, type ScanAgency, type ScanPlan, type ScanTask } from '../../analysis/responsibilities.ts';
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import { cachedJson, type JsonAnswer } from './json-answers.ts';
import { loadApiCypher } from './api-cypher.ts';
import { GraphStateCache } from './graph-state-cache.ts';

type IndexRow = {
  plans: (Omit<ScanPlan, 'year'> & { key: string; year: number | null })[];
  agencies: (Omit<ScanAgency, 'members' | 'group' | 'named'> & { group: boolean | null; named: boolean; members: string[] })[];
};

/** A plan or agency loaded between the two reads of a scan: the scan is read again. */
class ScanRaced extends Error {}

const ATTEMPTS = 3;

async function readOnce(db: GraphDb, timeoutMs: number): Promise<ResponsibilityScan> {
  const [index] = await db.read<IndexRow>(loadApiCypher('analysis-scan-index'), {}, { timeoutMs });
  const planRows = index?.plans ?? [];
  const agencyRows = index?.agencies ?? [];
  const agencyIndex = new Map(agencyRows.map((a, i) => [a.key, i]));
  const plans: ScanPlan[] = planRows.map((p) => ({ id: p.id, name: p.name, year: p.year ?? null, tasks: p.tasks }));
  const agencies: ScanAgency[] = agencyRows.map((a) => ({
    key: a.key, id: a.id, name: a.name, group: a.group === true, jurisdiction: a.jurisdiction ?? null, named: a.named,
    members: a.members.map((m) => agencyIndex.get(m)).filter((m): m is number => m !== undefined),
  }));
  const [scan] = await db.read<{ tasks: number[][] }>(loadApiCypher('analysis-scan-tasks'), {
    plans: Object.fromEntries(planRows.map((p, i) => [p.key, i])),
    agencies: Object.fromEntries(agencyRows.map((a, i) => [a.key, i])),
    roles: ROLE_CODES, roleSpace: ROLE_SPACE, otherRole: OTHER_ROLE,
  }, { timeoutMs });
  const tasks: ScanTask[] = (scan?.tasks ?? []).map((list) => {
    const cut = list.indexOf(-1);
    const task = { plans: list.slice(0, cut), named: list.slice(cut + 1) };
    if (task.plans.some((p) => p < 0) || task.named.some((c) => c < 0)) throw new ScanRaced();
    return task;
  });
  return { plans, agencies, tasks };
}

/** Reads the scan, again when a load slipped in between its two reads. */
export async function readResponsibilityScan(db: GraphDb, timeoutMs: number): Promise<ResponsibilityScan> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOnce(db, timeoutMs);
    } catch (err) {
      if (!(err instanceof ScanRaced)) throw err;
      if (attempt >= ATTEMPTS) throw new AppError(409, 'CONFLICT', 'Documents are being loaded or removed right now; try the analysis again in a moment');
    }
  }
}

const scans = new GraphStateCache<ResponsibilityScan>(1);

/** The scan of the graph as it is now: read at most once per graph state, shared by concurrent requests. */
export function responsibilityScan(db: GraphDb, timeoutMs: number): Promise<ResponsibilityScan> {
  return scans.get(db, 'scan', timeoutMs, () => readResponsibilityScan(db, timeoutMs));
}

/**
 * An answer counted from the scan, kept as JSON per graph state and `key` (the view and its filters): counting
 * the whole archive's pairs takes a tenth of a second or more, and a view is opened again and again.
 */
export function fromScan(db: GraphDb, key: string, timeoutMs: number, count: (scan: ResponsibilityScan) => unknown): Promise<JsonAnswer> {
  return cachedJson(db, key, timeoutMs, async () => count(await responsibilityScan(db, timeoutMs)));
}
