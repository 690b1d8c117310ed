/*
 * Targets against results: reads every indicator's targets and reports as light rows through the curated query
 * cypher/queries/targets-vs-results.cypher, judges each target with the one pure rule in
 * server/analysis/targets-status.ts, and returns the indicator list (sorted by how many targets lack a report),
 * the statuses per target year, and one page of results with names and evidence read for that page only
 * (cypher/api/target-details.cypher): a city's archive holds tens of thousands of targets.
 */
import { assessTarget, summariseIndicators, TARGET_STATUSES, type ReportPoint, type TargetPoint, type TargetStatus } from '../../analysis/targets-status.ts';
import { tableLimits } from './analysis-breakdown.ts';
import { loadApiCypher } from './api-cypher.ts';
import { runCuratedQuery } from './curated.ts';
import type { GraphDb } from '../graph-db.ts';
import type { QueryLimits } from './query-result.ts';

interface Span { document: string | null; start: number | null; end: number | null; text: string | null }

interface TargetDetails { setterNumber: string | null; setterTitle: string | null; planId: string | null; plan: string | null; planYear: number | null; evidence: Span }
interface ReportDetails { document: string | null; evidence: Span }

export interface TargetRow extends TargetPoint, TargetDetails { setterId: string }
export interface ReportRow extends ReportPoint, ReportDetails { documentId: string | null }

export interface TargetResult {
  indicatorId: string;
  indicator: string;
  target: TargetRow;
  status: TargetStatus;
  report: ReportRow | null;
  /** The latest comparable report before the target year, as progress so far. */
  earlier: ReportRow | null;
}

export interface IndicatorRow {
  indicatorId: string;
  indicator: string;
  unit: string | null;
  targets: number;
  lacking: number;
  reports: number;
  byStatus: Record<TargetStatus, number>;
}

export interface TargetsAnswer {
  /** Every indicator with a target, most targets lacking a report first. */
  indicators: IndicatorRow[];
  /** Statuses per target year (null: no year), over the indicator asked for or all. */
  byYear: { year: number | null; byStatus: Record<TargetStatus, number> }[];
  /** One page of results: the indicator's, or the first ones in the indicator list's order, then by target year. */
  results: TargetResult[];
  /** How many results there are in all (the page holds at most `limit`). */
  total: number;
}

type LightTarget = TargetPoint & { setterId: string };
type LightReport = ReportPoint & { documentId: string | null };
interface RawIndicator { indicatorId: string; indicator: string; unit: string | null; targets: LightTarget[]; reports: LightReport[] }

const zeroes = () => Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;

export async function targetsAgainstResults(db: GraphDb, limits: QueryLimits, opts: { indicator?: string; limit: number }): Promise<TargetsAnswer> {
  const res = await runCuratedQuery(db, 'targets-vs-results', { limit: 5000 }, tableLimits(limits));
  const raw = res.rows as unknown as RawIndicator[];
  const assessed = raw.flatMap((i) => i.targets.map((t) => ({ i, t, a: assessTarget(t, i.reports) })));

  const byId = new Map(raw.map((r) => [r.indicatorId, r]));
  const indicators = summariseIndicators(assessed.map(({ i, a }) => ({ indicator: i.indicatorId, status: a.status }))).map((s) => {
    const r = byId.get(s.indicator)!;
    return { indicatorId: s.indicator, indicator: r.indicator, unit: r.unit, targets: s.targets, lacking: s.lacking, reports: r.reports.length, byStatus: s.byStatus };
  });

  const wanted = opts.indicator;
  const mine = wanted ? assessed.filter(({ i }) => i.indicatorId === wanted || i.indicator === wanted) : assessed;
  const years = new Map<number | null, Record<TargetStatus, number>>();
  for (const { t, a } of mine) {
    const y = years.get(t.year) ?? zeroes();
    y[a.status]++;
    years.set(t.year, y);
  }
  const byYear = [...years.entries()].sort(([a], [b]) => (a ?? 9999) - (b ?? 9999)).map(([year, byStatus]) => ({ year, byStatus }));

  const order = new Map(indicators.map((i, n) => [i.indicatorId, n]));
  const page = [...mine]
    .sort((x, y) => order.get(x.i.indicatorId)! - order.get(y.i.indicatorId)! || (x.t.year ?? 9999) - (y.t.year ?? 9999) || (x.t.id < y.t.id ? -1 : 1))
    .slice(0, opts.limit);

  // Names and evidence for the page's targets and reports only.
  const reportIds = [...new Set(page.flatMap(({ a }) => [a.report?.id, a.earlier?.id]).filter((x): x is string => !!x))];
  const details = await db.read<{ id: string; details: TargetDetails & ReportDetails }>(loadApiCypher('target-details'),
    { targets: page.map(({ t }) => t.id), reports: reportIds }, { timeoutMs: tableLimits(limits).timeoutMs });
  const info = new Map(details.map((d) => [d.id, d.details]));
  const noSpan: Span = { document: null, start: null, end: null, text: null };
  const report = (r: LightReport | undefined): ReportRow | null => {
    if (!r) return null;
    const d = info.get(r.id);
    return { ...r, document: d?.document ?? null, evidence: d?.evidence ?? noSpan };
  };
  const results = page.map(({ i, t, a }): TargetResult => {
    const d = info.get(t.id);
    return {
      indicatorId: i.indicatorId, indicator: i.indicator, status: a.status, report: report(a.report), earlier: report(a.earlier),
      target: { ...t, setterNumber: d?.setterNumber ?? null, setterTitle: d?.setterTitle ?? null, planId: d?.planId ?? null, plan: d?.plan ?? null, planYear: d?.planYear ?? null, evidence: d?.evidence ?? noSpan },
    };
  });
  return { indicators, byYear, results, total: mine.length };
}
