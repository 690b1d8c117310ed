/*
 * The arrival overview (GET /api/overview): what the graph holds at a glance — counts, documents per
 * year, the agencies listed most often as lead and as support, and the most recent plan with its
 * sections and agencies — so a new user sees the contents before drawing anything. Also the documents
 * of one year as graph elements, for the overview's year figures to open on the canvas.
 */
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';
import { buildGraph, type ApiGraph, type LeanNode, type LeanRelationship } from './graph-elements.ts';

/**
 * The two rankings. 负责 (responsible) names the unit that carries a task when a plan lists no 牵头/配合
 * split (责任单位: …), so it ranks with lead; many plans print only 责任单位 lists.
 */
export const OVERVIEW_ROLES = { lead: ['lead', 'responsible'], support: ['support'] } as const;

export interface RankedAgency { id: string; name: string; tasks: number }

export interface LatestPlan {
  id: string; name: string; issued: string | null; year: number | string | null; document: string | null;
  /** tasks of the plan */
  tasks: number;
  sections: { section: string; tasks: number }[];
  /** the first `limit` agencies responsible for its tasks, most tasks first */
  agencies: { id: string; name: string; tasks: number; led: number }[];
  /** how many agencies are responsible for its tasks in all */
  agencyCount: number;
}

export interface Overview {
  counts: { documents: number; plans: number; tasks: number; agencies: number };
  years: { year: string; count: number }[];
  /** documents without a four-digit year of issue */
  undated: number;
  /** ranked separately by the tasks they lead or are responsible for (牵头/负责) and those they support (配合) */
  agencies: { lead: RankedAgency[]; support: RankedAgency[] };
  latestPlan: LatestPlan | null;
}

export async function graphOverview(db: GraphDb, limit: number, timeoutMs: number): Promise<Overview> {
  const opts = { timeoutMs };
  const ranked = (roles: readonly string[]) => db.read<{ agencies: RankedAgency[] }>(loadApiCypher('overview-agencies'), { roles, limit }, opts);
  const [countsRows, lead, support, planRows] = await Promise.all([
    db.read<{ documents: number; plans: number; tasks: number; agencies: number; years: Overview['years']; undated: number }>(loadApiCypher('overview-counts'), {}, opts),
    ranked(OVERVIEW_ROLES.lead),
    ranked(OVERVIEW_ROLES.support),
    db.read<{ plan: LatestPlan }>(loadApiCypher('overview-latest-plan'), { limit }, opts),
  ]);
  const c = countsRows[0];
  return {
    counts: { documents: c?.documents ?? 0, plans: c?.plans ?? 0, tasks: c?.tasks ?? 0, agencies: c?.agencies ?? 0 },
    years: c?.years ?? [],
    undated: c?.undated ?? 0,
    agencies: { lead: lead[0]?.agencies ?? [], support: support[0]?.agencies ?? [] },
    latestPlan: planRows[0]?.plan ?? null,
  };
}

/** The documents issued in `year` (at most `limit`) and the plans they describe, for the canvas. */
export async function documentsOfYear(db: GraphDb, year: string, limit: number, timeoutMs: number): Promise<ApiGraph & { year: string }> {
  const rows = await db.read<{ document: LeanNode; plan: LeanNode | null; describes: LeanRelationship | null }>(
    loadApiCypher('overview-year'), { year, limit }, { timeoutMs },
  );
  const nodes = rows.flatMap((r) => (r.plan ? [r.document, r.plan] : [r.document]));
  const rels = rows.flatMap((r) => (r.describes ? [r.describes] : []));
  return { year, ...buildGraph(nodes, rels) };
}
