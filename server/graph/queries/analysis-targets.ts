/*
 * Targets against results: reads every indicator's targets and reports as light rows through the curated query
 * cypher/queries/targets-vs-results.cypher, judges each target with the one pure rule in
 * server/analysis/targets-status.ts, and returns the indicator list (sorted by how many targets lack a report),
 * the statuses per target year, and one page of results read whole for that page only (cypher/api/target-page,
 * report-details): a city's archive holds tens of thousands of targets.
 */
import { assessTarget, summariseIndicators, TARGET_STATUSES, type ReportPoint, type TargetPoint, type TargetStatus } from '../../analysis/targets-status.ts';
import { tableLimits } from './analysis-breakdown.ts';
import { cachedJson, type JsonAnswer } from './json-answers.ts';
import { loadApiCypher } from './api-cypher.ts';
import { runCuratedQuery } from './curated.ts';
import type { GraphDb } from '../graph-db.ts';
import { GraphStateCache } from './graph-state-cache.ts';
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

/** Targets that share year, value, unit, comparator and measure share their status: one group, `n` targets. */
type TargetGroup = Omit<TargetPoint, 'id'> & { n: number };
type LightReport = ReportPoint & { documentId: string | null };
interface RawIndicator { indicatorId: string; indicator: string; unit: string | null; targets: TargetGroup[]; reports: LightReport[] }

const zeroes = () => Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;
const noSpan: Span = { document: null, start: null, end: null, text: null };

/** Every indicator's light rows judged: what all answers share, whichever indicator and page they show. */
interface Judged {
  groups: { i: RawIndicator; g: TargetGroup; status: TargetStatus }[];
  byId: Map<string, RawIndicator>;
  indicators: IndicatorRow[];
}

/**
 * The light rows of a large archive take a second or more to read and judge (75k targets on the bench graph,
 * docs/api.md), and change only when documents do: kept per graph state (graph-state-cache.ts), as are the
 * answers per indicator and page size, as JSON (json-answers.ts).
 */
const judgedCache = new GraphStateCache<Judged>(1);

async function judgeAll(db: GraphDb, lim: QueryLimits): Promise<Judged> {
  const res = await runCuratedQuery(db, 'targets-vs-results', { limit: 5000 }, lim);
  const raw = res.rows as unknown as RawIndicator[];
  const groups = raw.flatMap((i) => i.targets.map((g, k) => ({ i, g, status: assessTarget({ ...g, id: `${i.indicatorId}#${k}` }, i.reports).status })));
  const byId = new Map(raw.map((r) => [r.indicatorId, r]));
  const indicators = summariseIndicators(groups.flatMap(({ i, g, status }) => Array.from({ length: g.n }, () => ({ indicator: i.indicatorId, status })))).map((s) => {
    const r = byId.get(s.indicator)!;
    return { indicatorId: s.indicator, indicator: r.indicator, unit: r.unit, targets: s.targets, lacking: s.lacking, reports: r.reports.length, byStatus: s.byStatus };
  });
  return { groups, byId, indicators };
}

/** The targets answer (TargetsAnswer) as JSON, computed once per graph state, indicator and page size. */
export async function targetsAgainstResults(db: GraphDb, limits: QueryLimits, opts: { indicator?: string; limit: number }): Promise<JsonAnswer> {
  const lim = tableLimits(limits);
  return cachedJson(db, `targets|${JSON.stringify([opts.indicator ?? null, opts.limit])}`, lim.timeoutMs, () => answer(db, lim, opts));
}

async function answer(db: GraphDb, lim: QueryLimits, opts: { indicator?: string; limit: number }): Promise<TargetsAnswer> {
  const { groups, byId, indicators } = await judgedCache.get(db, 'all', lim.timeoutMs, () => judgeAll(db, lim));

  const wanted = opts.indicator;
  const chosen = wanted ? indicators.filter((i) => i.indicatorId === wanted || i.indicator === wanted) : indicators;
  const chosenIds = new Set(chosen.map((i) => i.indicatorId));
  const years = new Map<number | null, Record<TargetStatus, number>>();
  for (const { i, g, status } of groups) {
    if (!chosenIds.has(i.indicatorId)) continue;
    const y = years.get(g.year) ?? zeroes();
    y[status] += g.n;
    years.set(g.year, y);
  }
  const byYear = [...years.entries()].sort(([a], [b]) => (a ?? 9999) - (b ?? 9999)).map(([year, byStatus]) => ({ year, byStatus }));
  const total = chosen.reduce((n, i) => n + i.targets, 0);

  // The page: the first `limit` targets in the list's order, read whole for those indicators only.
  const pageIndicators: string[] = [];
  for (let n = 0, k = 0; k < chosen.length && n < opts.limit; k++) {
    pageIndicators.push(chosen[k]!.indicatorId);
    n += chosen[k]!.targets;
  }
  const pageRows = pageIndicators.length === 0 ? [] : await db.read<{ indicatorId: string; target: TargetRow }>(loadApiCypher('target-page'),
    { indicators: pageIndicators, limit: opts.limit }, { timeoutMs: lim.timeoutMs });
  const page = pageRows.map(({ indicatorId, target }) => {
    const i = byId.get(indicatorId)!;
    return { i, t: target, a: assessTarget(target, i.reports) };
  });

  const reportIds = [...new Set(page.flatMap(({ a }) => [a.report?.id, a.earlier?.id]).filter((x): x is string => !!x))];
  const details = reportIds.length === 0 ? [] : await db.read<{ id: string; details: ReportDetails }>(loadApiCypher('report-details'), { reports: reportIds }, { timeoutMs: lim.timeoutMs });
  const info = new Map(details.map((d) => [d.id, d.details]));
  const report = (r: LightReport | undefined): ReportRow | null => (r ? { ...r, document: info.get(r.id)?.document ?? null, evidence: info.get(r.id)?.evidence ?? noSpan } : null);
  const results = page.map(({ i, t, a }): TargetResult => ({
    indicatorId: i.indicatorId, indicator: i.indicator, status: a.status, report: report(a.report), earlier: report(a.earlier), target: t,
  }));
  return { indicators, byYear, results, total };
}
