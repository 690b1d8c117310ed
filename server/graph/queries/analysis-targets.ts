/*
 * Targets against results for every indicator: reads targets and reports through the curated query
 * cypher/queries/targets-vs-results.cypher and judges each target with the one pure rule in
 * server/analysis/targets-status.ts. The indicator list comes sorted by how many targets lack a report.
 */
import { assessTarget, summariseIndicators, type ReportPoint, type TargetPoint, type TargetStatus } from '../../analysis/targets-status.ts';
import { tableLimits } from './analysis-breakdown.ts';
import { runCuratedQuery } from './curated.ts';
import type { GraphDb } from '../graph-db.ts';
import type { QueryLimits } from './query-result.ts';

interface Span { document: string | null; start: number | null; end: number | null; text: string | null }

export interface TargetRow extends TargetPoint {
  setterId: string; setterNumber: string | null; setterTitle: string | null;
  planId: string | null; plan: string | null; planYear: number | null;
  evidence: Span;
}

export interface ReportRow extends ReportPoint {
  documentId: string | null; document: string | null; evidence: Span;
}

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
  indicators: IndicatorRow[];
  results: TargetResult[];
}

interface RawIndicator { indicatorId: string; indicator: string; unit: string | null; targets: TargetRow[]; reports: ReportRow[] }

export async function targetsAgainstResults(db: GraphDb, limits: QueryLimits, indicator?: string): Promise<TargetsAnswer> {
  const res = await runCuratedQuery(db, 'targets-vs-results', { limit: 5000 }, tableLimits(limits));
  const raw = (res.rows as unknown as RawIndicator[]).filter((r) => !indicator || r.indicatorId === indicator || r.indicator === indicator);
  const results: TargetResult[] = raw.flatMap((i) => i.targets.map((t) => {
    const a = assessTarget(t, i.reports);
    return { indicatorId: i.indicatorId, indicator: i.indicator, target: t, status: a.status, report: a.report ?? null, earlier: a.earlier ?? null };
  }));
  const byId = new Map(raw.map((r) => [r.indicatorId, r]));
  const indicators = summariseIndicators(results.map((r) => ({ indicator: r.indicatorId, status: r.status }))).map((s) => {
    const r = byId.get(s.indicator)!;
    return { indicatorId: s.indicator, indicator: r.indicator, unit: r.unit, targets: s.targets, lacking: s.lacking, reports: r.reports.length, byStatus: s.byStatus };
  });
  return { indicators, results };
}
