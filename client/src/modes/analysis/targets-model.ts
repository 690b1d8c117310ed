/*
 * What the targets-against-results view shows, as pure functions of the /api/analysis/targets answer: the
 * statuses in the UI's language and colours, the chart (statuses per target year for all indicators; one
 * indicator's targets and reports over time when one is picked) and a target or report as one line. The
 * statuses themselves are decided on the server (server/analysis/targets-status.ts), never here.
 */
import type { Lang, MessageKey } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { request } from '../../api/client.ts';
import type { ChartOption } from './echarts-view.ts';
import { TARGET_STATUSES, type TargetStatus } from '../../../../server/analysis/targets-status.ts';
import type { ReportRow, TargetResult, TargetsAnswer } from '../../../../server/graph/queries/analysis-targets.ts';

export type { TargetStatus, TargetResult, TargetsAnswer };
export type ReportPoint = ReportRow;
export const STATUSES = TARGET_STATUSES;

export const fetchTargets = (indicator: string | null) =>
  request<TargetsAnswer>(`analysis/targets${indicator ? `?indicator=${encodeURIComponent(indicator)}&limit=1000` : ''}`);

export const STATUS_COLOR: Record<TargetStatus, string> = {
  'met': '#16a34a', 'not-met': '#dc2626', 'unclear': '#f59e0b', 'undated': '#8b5cf6', 'no-report': '#94a3b8',
};

const STATUS_KEY: Record<TargetStatus, MessageKey> = {
  'met': 'tgStatusMet', 'not-met': 'tgStatusNotMet', 'unclear': 'tgStatusUnclear', 'undated': 'tgStatusUndated', 'no-report': 'tgStatusNoReport',
};
export const statusName = (lang: Lang, s: TargetStatus): string => translate(lang, STATUS_KEY[s]);

/** ≥3000个 — a figure as printed: comparator, value, unit (= is left out). */
export function figure(p: { comparator: string; value: number; unit: string }): string {
  return `${p.comparator === '=' ? '' : p.comparator}${p.value.toLocaleString('en-US', { maximumFractionDigits: 2 }).replace(/,/g, '')}${p.unit}`;
}

/** When a report speaks: its date, else the year its figure is for, else "date unknown". */
export function reportWhen(lang: Lang, r: ReportPoint): string {
  const when = r.asOf ?? (r.year !== null ? String(r.year) : translate(lang, 'tgDateUnknown'));
  // A news dateline without a year: the year was read from the text (docs/extraction.md), so it says so.
  return r.asOfInferred ? `${when} (${translate(lang, 'tgYearInferred')})` : when;
}

/** All indicators: how many targets of each target year were met, not met… (stacked bars). */
function statusByYear(lang: Lang, byYear: TargetsAnswer['byYear']): ChartOption {
  const label = (y: number | null) => (y === null ? translate(lang, 'tgNoYear') : String(y));
  return {
    animation: false,
    title: { text: translate(lang, 'tgChartByYear'), left: 0, top: 0, textStyle: { fontSize: 13 } },
    legend: { top: 20, left: 0, itemWidth: 10, itemHeight: 8, itemGap: 6, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 32, right: 8, top: 58, bottom: 22 },
    xAxis: { type: 'category', data: byYear.map((y) => label(y.year)), name: translate(lang, 'tgTargetYear'), nameLocation: 'middle', nameGap: 22 },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATUSES.map((s) => ({
      type: 'bar', stack: 'targets', name: statusName(lang, s), itemStyle: { color: STATUS_COLOR[s] },
      data: byYear.map((y) => y.byStatus[s]),
    })),
  };
}

/** A point's name as tooltip HTML: one line per \n, document titles escaped (they are text, not markup). */
export function tooltipLines(name: string): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return name.split('\n').map(esc).join('<br/>');
}

/** Where a target was set: its plan (else the task setting it) and the plan's year, for a point's tooltip. */
function targetSource(r: TargetResult): string {
  const title = r.target.plan ?? r.target.setterTitle;
  return [title, r.target.planYear !== null ? String(r.target.planYear) : null].filter((x) => x).join(' · ');
}

/**
 * One indicator over time: targets (diamonds, coloured by status) and dated reports (dots); undated reports as
 * dashed lines. Each point's tooltip names its source document (shared by the analysis view and the details panel).
 */
export function indicatorOverTime(lang: Lang, results: TargetResult[]): ChartOption {
  const first = results[0]!;
  const reports = new Map<string, ReportPoint>();
  for (const r of results) for (const p of [r.report, r.earlier]) if (p) reports.set(p.id, p);
  const dated = [...reports.values()].filter((r) => r.year !== null);
  const undated = [...reports.values()].filter((r) => r.year === null);
  const years = [...results.map((r) => r.target.year), ...dated.map((r) => r.year)].filter((y): y is number => y !== null);
  return {
    animation: false,
    title: { text: `${first.indicator} (${first.target.unit})`, left: 0, top: 0, textStyle: { fontSize: 13, width: 190, overflow: 'truncate' } },
    legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item' },
    grid: { left: 56, right: 16, top: 30, bottom: 22 },
    xAxis: { type: 'value', min: Math.min(...years) - 1, max: Math.max(...years) + 1, minInterval: 1, axisLabel: { formatter: (v: number) => String(v) } },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'scatter', name: translate(lang, 'tgTargetsSeries'), symbol: 'diamond', symbolSize: 16,
        data: results.filter((r) => r.target.year !== null).map((r) => ({
          value: [r.target.year, r.target.value], itemStyle: { color: STATUS_COLOR[r.status] },
          name: `${figure(r.target)} (${r.target.year}) · ${statusName(lang, r.status)}${targetSource(r) ? `\n${targetSource(r)}` : ''}`,
        })),
        tooltip: { formatter: (p: { name: string }) => tooltipLines(p.name) },
      },
      {
        type: 'scatter', name: translate(lang, 'tgReportsSeries'), symbol: 'circle', symbolSize: 11, itemStyle: { color: '#2563eb' },
        data: dated.map((r) => ({ value: [r.year, r.value], name: r.document ? `${figure(r)}\n${r.document} · ${reportWhen(lang, r)}` : `${figure(r)} · ${reportWhen(lang, r)}` })),
        tooltip: { formatter: (p: { name: string }) => tooltipLines(p.name) },
        markLine: undated.length ? {
          symbol: 'none', lineStyle: { type: 'dashed', color: STATUS_COLOR.undated },
          label: { formatter: (p: { value: number }) => `${p.value} · ${translate(lang, 'tgDateUnknown')}`, position: 'insideEndTop' },
          data: undated.map((r) => ({ yAxis: r.value })),
        } : undefined,
      },
    ],
  };
}

/** One indicator's answer over time; the whole archive's as statuses per target year. */
export function chartOption(lang: Lang, answer: TargetsAnswer, indicatorId: string | null): ChartOption {
  return indicatorId !== null && answer.results.length > 0 ? indicatorOverTime(lang, answer.results) : statusByYear(lang, answer.byYear);
}

/** Targets per status over every indicator (the summary above the view). */
export function statusTotals(answer: TargetsAnswer): Record<TargetStatus, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, answer.indicators.reduce((n, i) => n + i.byStatus[s], 0)])) as Record<TargetStatus, number>;
}
