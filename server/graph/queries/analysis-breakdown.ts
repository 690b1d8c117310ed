/*
 * The task-breakdown table (分工表) of a plan, and its reverse: one agency's tasks across all plans. Both run
 * the curated queries (cypher/queries/task-breakdown.cypher, agency-breakdown.cypher) so the console offers
 * the same answer the analysis view and the XLSX/CSV exports are built from. Units keep their printed order
 * and printed name; how they fall into 牵头 / 配合 / 责任单位 columns is decided here, once.
 */
import { loadApiCypher } from './api-cypher.ts';
import { runCuratedQuery } from './curated.ts';
import type { GraphDb } from '../graph-db.ts';
import type { QueryLimits } from './query-result.ts';

export type UnitRole = 'lead' | 'support' | 'responsible';

export interface BreakdownUnit {
  id: string;
  /** The agency's resolved name (市科技局 → 福州市科学技术局). */
  name: string;
  /** The name exactly as the source prints it in this task's list. */
  printed: string;
  role: UnitRole;
  rank: number;
  group: boolean;
}

export interface BreakdownRow {
  /** Position in print order, 1-based, over the whole table (not the page). */
  seq: number;
  taskId: string;
  section: string;
  /** The task's printed number, with its section path where sections restart numbering (2.4.1). */
  number: string;
  title: string;
  text: string;
  lead: BreakdownUnit[];
  support: BreakdownUnit[];
  /** Units listed without a lead/support split (a bare 责任单位 list). */
  responsible: BreakdownUnit[];
  /** From the task's heading to the end of its responsibility list, in the document's original text. */
  evidence: { document: string; start: number; end: number } | null;
  planId: string;
  plan: string;
  /** Agency breakdown only: the plan's year, the agency's role here and through which group (or 'direct'). */
  year?: number | null;
  via?: string;
}

export interface Breakdown {
  kind: 'plan' | 'agency';
  subject: { id: string; name: string };
  /** Which unit columns the table needs: 牵头/配合 when any unit has one of those roles, 责任单位 when any has neither. */
  columns: { split: boolean; responsible: boolean };
  rows: BreakdownRow[];
  total: number;
}

interface RawUnit { id: string; name: string; printed: string; role: string | null; rank: number | null; group: boolean; end: number | null }
interface RawRow {
  taskId: string; section: string | null; number: string | null; title: string | null; text: string | null; units: RawUnit[];
  evidence: { document: string | null; start: number | null; end: number | null }; planId: string | null; plan: string | null;
  year?: number | null; via?: string; agencyId?: string; agency?: string;
}

function asRole(role: string | null): UnitRole {
  return role === 'lead' || role === 'support' ? role : 'responsible';
}

function toRow(raw: RawRow, seq: number, withAgency: boolean): BreakdownRow {
  const units = raw.units.map((u): BreakdownUnit & { end: number | null } => ({
    id: u.id, name: u.name, printed: u.printed, role: asRole(u.role), rank: u.rank ?? 0, group: u.group, end: u.end,
  }));
  const { document, start, end } = raw.evidence;
  // The responsibility list follows the heading, so the evidence runs on to the end of the last unit printed.
  const listEnd = Math.max(end ?? 0, ...units.map((u) => u.end ?? 0));
  const strip = ({ end: _end, ...u }: BreakdownUnit & { end: number | null }): BreakdownUnit => u;
  return {
    seq, taskId: raw.taskId, section: raw.section ?? '', number: raw.number ?? '', title: raw.title ?? '', text: raw.text ?? '',
    lead: units.filter((u) => u.role === 'lead').map(strip),
    support: units.filter((u) => u.role === 'support').map(strip),
    responsible: units.filter((u) => u.role === 'responsible').map(strip),
    evidence: document && start !== null && end !== null ? { document, start, end: listEnd } : null,
    planId: raw.planId ?? '', plan: raw.plan ?? '',
    ...(withAgency ? { year: raw.year ?? null, via: raw.via ?? 'direct' } : {}),
  };
}

function columnsOf(rows: BreakdownRow[]): Breakdown['columns'] {
  return {
    split: rows.some((r) => r.lead.length > 0 || r.support.length > 0),
    responsible: rows.some((r) => r.responsible.length > 0),
  };
}

/** A breakdown is a whole table: generous limits (the console's row cap is for hand-written queries). */
export function tableLimits(limits: QueryLimits): QueryLimits {
  return { timeoutMs: Math.max(limits.timeoutMs, 30_000), maxRows: 100_000, maxResponseBytes: Math.max(limits.maxResponseBytes, 200 * 1024 * 1024) };
}

const QUERY = { plan: 'task-breakdown', agency: 'agency-breakdown' } as const;
/** The most tasks one table (and one exported file) holds; `total` says how many there are. */
export const MAX_ROWS = 2000;

/**
 * The 分工表 of a plan (id or printed name) in print order, or one agency's tasks (id, name or alias) across every
 * plan, direct or through a group, ordered by plan year, plan and print order.
 */
export async function breakdown(db: GraphDb, kind: Breakdown['kind'], value: string, limits: QueryLimits, maxRows = MAX_ROWS): Promise<Breakdown> {
  const res = await runCuratedQuery(db, QUERY[kind], { [kind]: value, limit: maxRows }, tableLimits(limits));
  const raw = res.rows as unknown as RawRow[];
  const rows = raw.map((r, i) => toRow(r, i + 1, kind === 'agency'));
  const first = raw[0];
  const subject = kind === 'plan' ? { id: first?.planId, name: first?.plan } : { id: first?.agencyId, name: first?.agency };
  return { kind, subject: { id: subject.id ?? value, name: subject.name ?? value }, columns: columnsOf(rows), rows, total: res.totals?.tasks ?? rows.length };
}

/** `jurisdiction`: the area of the document that describes the plan, null when unknown. */
export interface PlanChoice { id: string; name: string; year: number | null; tasks: number; jurisdiction: string | null }

/** Plans with numbered tasks, newest first: what the 分工表 view offers. */
export function plansWithTasks(db: GraphDb, limits: QueryLimits): Promise<PlanChoice[]> {
  return db.read<PlanChoice & Record<string, unknown>>(loadApiCypher('breakdown-plans'), {}, { timeoutMs: limits.timeoutMs });
}
