/*
 * Targets against results: whether a planned value (Target) was met by what a later document reported
 * (Observation). Pure, so every rule is unit-tested without a database; the API runs it over the rows the
 * targets-vs-results query reads, and the client only shows the statuses it gets.
 *
 * The rules (docs/api.md, "Targets against results"):
 * - A report counts for a target when it measures the same thing: the same base unit once a leading
 *   magnitude (万, 亿, 千, 百) is folded into the value (3万个 = 30000个, 1.2万亿元 = 12000亿元), and the
 *   same measure (a 新增 increment target is only compared with increment reports).
 * - The report that decides is the closest one from the target year on: the smallest report year ≥ the
 *   target year; of several reports for that year, the latest dated one (a later statement corrects an
 *   earlier one). A target without a year is compared with the latest dated report.
 * - A report whose year was inferred from its text (a dateline without a year, server/extract/inferred-date.ts)
 *   counts as dated; the assessment says so (`dateInferred`) so that a status resting on it can be shown as such.
 *   Of two reports of the same date, the one whose date is printed decides.
 * - Reports without a date (a news dateline without a year) cannot be placed before or after the target:
 *   when no dated report decides, such a report gives the status `undated`, with its value, rather than
 *   a guess.
 * - A target written as = or ≈ (建成5G基站3万个, 达到57%) is a level to reach: met at or above it. Only ≤ and <
 *   are ceilings. A report written as a bound (超过2000家 is > 2000) decides only when the bound does; a
 *   bound that does not (超过2000 against a target of 3000) gives `unclear`.
 */

export type TargetStatus = 'met' | 'not-met' | 'unclear' | 'undated' | 'no-report';

export const TARGET_STATUSES: readonly TargetStatus[] = ['met', 'not-met', 'unclear', 'undated', 'no-report'];

export interface TargetPoint {
  id: string;
  value: number;
  unit: string;
  comparator: string;
  year: number | null;
  measure?: string | null;
}

export interface ReportPoint {
  id: string;
  value: number;
  unit: string;
  /** How the report states its figure: = (or ≈) exactly, > / ≥ a floor (超过), < / ≤ a ceiling (不到). */
  comparator: string;
  /** The year the figure is for (the figure's own year, else the report's date's year); null when unknown. */
  year: number | null;
  /** The report's date (ISO), when known. */
  asOf: string | null;
  /** The date's year was inferred from the text, not printed (the Observation's asOfInferred). */
  asOfInferred?: boolean | null;
  measure?: string | null;
}

export interface Assessment<R extends ReportPoint = ReportPoint> {
  status: TargetStatus;
  /** The report the status rests on (absent for no-report). */
  report?: R;
  /** The latest comparable report before the target year: progress so far, shown beside no-report. */
  earlier?: R;
  /** Comparable reports that were considered (dated and undated). */
  considered: number;
  /** The deciding report's year was inferred from its text, not printed: the status rests on that inference. */
  dateInferred?: true;
}

const MAGNITUDE: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8 };

/** A unit split into its magnitude prefix and base: 万个 → {scale: 1e4, base: 个}; 亿元 → {1e8, 元}; % → {1, %}. */
export function splitUnit(unit: string): { scale: number; base: string } {
  let scale = 1;
  let i = 0;
  const u = unit.trim();
  // Keep at least one character as the base: a bare 万 or 亿 is itself the unit.
  while (i < u.length - 1 && MAGNITUDE[u[i]!] !== undefined) scale *= MAGNITUDE[u[i++]!]!;
  return { scale, base: u.slice(i) };
}

/** The value of b expressed in a's unit, or null when the two units do not measure the same thing. */
export function inUnitOf(target: { unit: string }, report: { value: number; unit: string }): number | null {
  const t = splitUnit(target.unit);
  const r = splitUnit(report.unit);
  if (t.base !== r.base) return null;
  return (report.value * r.scale) / t.scale;
}

function sameMeasure(t: TargetPoint, r: ReportPoint): boolean {
  return (t.measure ?? null) === (r.measure ?? null);
}

/** The range a reported figure allows: [low, high] (inclusive flags kept loose: a bound decides only when strict enough). */
function reportedRange(comparator: string, v: number): { low: number; high: number; lowOpen: boolean; highOpen: boolean } {
  switch (comparator) {
    case '>': return { low: v, high: Infinity, lowOpen: true, highOpen: false };
    case '≥': return { low: v, high: Infinity, lowOpen: false, highOpen: false };
    case '<': return { low: -Infinity, high: v, lowOpen: false, highOpen: true };
    case '≤': return { low: -Infinity, high: v, lowOpen: false, highOpen: false };
    default: return { low: v, high: v, lowOpen: false, highOpen: false };
  }
}

/** met / not-met / unclear for one comparable report value against the target (both in the target's unit). */
export function compare(target: { comparator: string; value: number }, reportComparator: string, reported: number): 'met' | 'not-met' | 'unclear' {
  const T = target.value;
  const r = reportedRange(reportComparator, reported);
  switch (target.comparator) {
    case '>':
      if (r.low > T || (r.low === T && r.lowOpen)) return 'met';
      if (r.high <= T) return 'not-met';
      return 'unclear';
    case '<':
      if (r.high < T || (r.high === T && r.highOpen)) return 'met';
      if (r.low >= T) return 'not-met';
      return 'unclear';
    case '≤':
      if (r.high <= T) return 'met';
      if (r.low > T || (r.low === T && r.lowOpen)) return 'not-met';
      return 'unclear';
    default: // ≥, = and ≈: a level to reach
      if (r.low >= T) return 'met';
      if (r.high < T || (r.high === T && r.highOpen)) return 'not-met';
      return 'unclear';
  }
}

function laterFirst(a: ReportPoint, b: ReportPoint): number {
  // On the same date a printed date is surer than an inferred one.
  if (a.asOf === b.asOf && !a.asOfInferred !== !b.asOfInferred) return a.asOfInferred ? 1 : -1;
  if (a.asOf === b.asOf) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (a.asOf === null) return 1;
  if (b.asOf === null) return -1;
  return a.asOf < b.asOf ? 1 : -1;
}

/** The status of one target given every report of its indicator (in any order). */
export function assessTarget<R extends ReportPoint>(target: TargetPoint, reports: readonly R[]): Assessment<R> {
  const comparable = reports.filter((r) => sameMeasure(target, r) && inUnitOf(target, r) !== null);
  const dated = comparable.filter((r) => r.year !== null);
  const undated = comparable.filter((r) => r.year === null);
  const judge = (r: R) => compare(target, r.comparator, inUnitOf(target, r)!);

  let candidates: R[];
  if (target.year === null) {
    const latestYear = Math.max(...dated.map((r) => r.year!));
    candidates = dated.filter((r) => r.year === latestYear);
  } else {
    const after = dated.filter((r) => r.year! >= target.year!);
    const closestYear = Math.min(...after.map((r) => r.year!));
    candidates = after.filter((r) => r.year === closestYear);
  }
  const earlierReports = target.year === null ? [] : dated.filter((r) => r.year! < target.year!)
    .sort((a, b) => b.year! - a.year! || laterFirst(a, b));
  const earlier = earlierReports[0];
  const base = { considered: comparable.length, ...(earlier ? { earlier } : {}) };

  const decisive = [...candidates].sort(laterFirst)[0];
  if (decisive) return { status: judge(decisive), report: decisive, ...base, ...(decisive.asOfInferred ? { dateInferred: true as const } : {}) };
  const undatedReport = [...undated].sort(laterFirst)[0];
  if (undatedReport) return { status: 'undated', report: undatedReport, ...base };
  return { status: 'no-report', ...base };
}

export interface IndicatorSummary {
  indicator: string;
  targets: number;
  /** Targets with no comparable report at all (no-report). */
  lacking: number;
  byStatus: Record<TargetStatus, number>;
}

/** Per indicator, how its targets fared, sorted by how many targets lack a report (most first), then by more targets, then by id. */
export function summariseIndicators(assessed: readonly { indicator: string; status: TargetStatus }[]): IndicatorSummary[] {
  const by = new Map<string, IndicatorSummary>();
  for (const a of assessed) {
    let s = by.get(a.indicator);
    if (!s) {
      s = { indicator: a.indicator, targets: 0, lacking: 0, byStatus: Object.fromEntries(TARGET_STATUSES.map((k) => [k, 0])) as Record<TargetStatus, number> };
      by.set(a.indicator, s);
    }
    s.targets++;
    s.byStatus[a.status]++;
    if (a.status === 'no-report') s.lacking++;
  }
  return [...by.values()].sort((a, b) => b.lacking - a.lacking || b.targets - a.targets || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
