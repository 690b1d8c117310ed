/*
 * Workload (issue 17): per agency, the tasks it leads, supports, is responsible for without a printed role,
 * and inherits through the groups it belongs to — per plan, summed per year and overall, ranked. The agency ×
 * plan rows are counted from the responsibility scan (analysis-responsibilities.ts) by the rules of the curated
 * query cypher/queries/workload.cypher, which the console runs (an integration test keeps the two equal); this
 * module folds them per agency.
 */
import { workloadCounts, type AnalysisFilter, type WorkloadCounts } from '../../analysis/responsibilities.ts';
import type { GraphDb } from '../graph-db.ts';
import type { JsonAnswer } from './json-answers.ts';
import type { LeanAgency } from './analysis-collaboration.ts';
import { fromScan } from './analysis-responsibilities.ts';

export type { WorkloadCounts };

/** One agency × plan row, shaped as cypher/queries/workload.cypher returns it. */
export type WorkloadRow = WorkloadCounts & {
  agency: string; plan: string; year: number | null; agencyNode: LeanAgency; planNode: { properties: { id: string } };
};

export interface AgencyWorkload extends WorkloadCounts {
  id: string; name: string; group: boolean; jurisdiction: string | null;
  /**
   * One entry per plan, in the order of the rows. Without the plan's name: with 49 agencies × 110 plans the
   * names were a third of the answer, and /api/analysis/filters lists every plan's name once.
   */
  plans: (WorkloadCounts & { id: string; year: number | null })[];
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
    a.plans.push({ id: r.planNode.properties.id, year: r.year ?? null, ...counts });
    add(a, counts);
    add((a.years[r.year == null ? 'none' : String(r.year)] ??= zero()), counts);
  }
  return [...byAgency.values()].sort((x, y) => y.total - x.total || x.name.localeCompare(y.name, 'zh') || x.id.localeCompare(y.id));
}

export interface WorkloadAnswer { filter: AnalysisFilter; agencies: AgencyWorkload[]; years: string[]; truncated: boolean }

/** The workload answer (WorkloadAnswer) as JSON, computed once per graph state and filter. */
export async function agencyWorkload(db: GraphDb, filter: AnalysisFilter & { limit: number }, timeoutMs: number): Promise<JsonAnswer> {
  const { limit, ...rest } = filter;
  return fromScan(db, `workload|${JSON.stringify(filter)}`, timeoutMs, (scan) => {
    // The limit counts agency × plan rows.
    const counted = workloadCounts(scan, { ...rest, limit });
    const rows = counted.rows.map((c): WorkloadRow => {
      const a = scan.agencies[c.agency]!;
      const p = scan.plans[c.plan]!;
      return {
        agency: a.name, plan: p.name, year: p.year, led: c.led, supported: c.supported, responsible: c.responsible, inherited: c.inherited, total: c.total,
        agencyNode: { properties: { id: a.id, name: a.name, group: a.group, jurisdiction: a.jurisdiction } }, planNode: { properties: { id: p.id } },
      };
    });
    const agencies = foldWorkload(rows);
    const years = [...new Set(agencies.flatMap((a) => Object.keys(a.years)))].sort();
    const answer: WorkloadAnswer = { filter: rest, agencies, years, truncated: counted.truncated };
    return answer;
  });
}
