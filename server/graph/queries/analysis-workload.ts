/*
 * Workload (issue 17): per agency, the tasks it leads, supports, is responsible for without a printed role,
 * and inherits through the groups it belongs to — per plan, summed per year and overall, ranked. The rows
 * are the curated query cypher/queries/workload.cypher; this module only folds them per agency.
 */
import type { GraphDb } from '../graph-db.ts';
import { cachedCurated, type AnalysisFilter, type LeanAgency } from './analysis-collaboration.ts';

export type WorkloadCounts = { led: number; supported: number; responsible: number; inherited: number; total: number };

/** One agency × plan row of cypher/queries/workload.cypher. */
export type WorkloadRow = WorkloadCounts & {
  agency: string; plan: string; year: number | null; agencyNode: LeanAgency; planNode: { properties: { id: string } };
};

export interface AgencyWorkload extends WorkloadCounts {
  id: string; name: string; group: boolean; jurisdiction: string | null;
  /** one entry per plan, in the order of the rows */
  plans: (WorkloadCounts & { id: string; name: string; year: number | null })[];
  /** summed per plan year; plans without a year under the key "none" */
  years: Record<string, WorkloadCounts>;
}

const zero = (): WorkloadCounts => ({ led: 0, supported: 0, responsible: 0, inherited: 0, total: 0 });
const KEYS = ['led', 'supported', 'responsible', 'inherited', 'total'] as const;
function add(to: WorkloadCounts, from: WorkloadCounts): void {
  for (const k of KEYS) to[k] += from[k];
}

/** Folds agency × plan rows into one entry per agency, ranked by total, then name. Pure. */
export function foldWorkload(rows: readonly WorkloadRow[]): AgencyWorkload[] {
  const byAgency = new Map<string, AgencyWorkload>();
  for (const r of rows) {
    const { id, group, jurisdiction } = r.agencyNode.properties;
    let a = byAgency.get(id);
    if (!a) {
      a = { id, name: r.agency, group: group === true, jurisdiction: jurisdiction ?? null, plans: [], years: {}, ...zero() };
      byAgency.set(id, a);
    }
    const counts = { led: r.led, supported: r.supported, responsible: r.responsible, inherited: r.inherited, total: r.total };
    a.plans.push({ id: r.planNode.properties.id, name: r.plan, year: r.year ?? null, ...counts });
    add(a, counts);
    add((a.years[r.year == null ? 'none' : String(r.year)] ??= zero()), counts);
  }
  return [...byAgency.values()].sort((x, y) => y.total - x.total || x.name.localeCompare(y.name, 'zh') || x.id.localeCompare(y.id));
}

export async function agencyWorkload(
  db: GraphDb, filter: AnalysisFilter & { limit: number }, timeoutMs: number,
): Promise<{ filter: AnalysisFilter; agencies: AgencyWorkload[]; years: string[]; truncated: boolean }> {
  const { limit, ...rest } = filter;
  // The query's limit counts agency × plan rows; one more tells whether it cut.
  const rows = await cachedCurated<WorkloadRow>(db, 'workload', { ...rest, limit: limit + 1 }, timeoutMs);
  const agencies = foldWorkload(rows.slice(0, limit));
  const years = [...new Set(agencies.flatMap((a) => Object.keys(a.years)))].sort();
  return { filter: rest, agencies, years, truncated: rows.length > limit };
}
