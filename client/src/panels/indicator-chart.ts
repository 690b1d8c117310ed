/*
 * An Indicator's figures as a chart in the details panel: its targets against its reports by year, each point
 * naming its source document. It reuses the targets-against-results answer and the analysis view's chart
 * builder (one definition), so the panel and the analysis view can never draw the same indicator differently.
 * The panel redraws from state often; the answer is kept per indicator and graph version so a redraw does not
 * re-fetch, and the previous chart is disposed so no ECharts instance outlives its element.
 */
import { translate, type Lang } from '../i18n/index.ts';
import { mountChart, type ChartView } from '../modes/analysis/echarts-view.ts';
import { fetchTargets, indicatorOverTime, type TargetsAnswer } from '../modes/analysis/targets-model.ts';
import { h } from './dom.ts';

let current: ChartView | null = null;
let cached: { key: string; answer: Promise<TargetsAnswer> } | null = null;

/** Disposes the chart of the last draw (the panel calls this before every redraw, whatever it shows next). */
export function releaseIndicatorChart(): void {
  current?.dispose();
  current = null;
}

/** The section for one Indicator: empty until the answer arrives, left out when it has no target. */
export function indicatorChartSection(indicatorId: string, lang: Lang, documentsVersion: number): HTMLElement {
  const key = `${indicatorId}\u0000${documentsVersion}`;
  if (cached?.key !== key) cached = { key, answer: fetchTargets(indicatorId) };
  const host = h('div', { class: 'indicator-chart', style: 'width:100%;height:220px' });
  const section = h('section', { class: 'indicator-chart-section' }, h('h3', {}, translate(lang, 'icTitle')), host);
  const mine = cached.answer;
  // Mounted once the answer is there: by then the section is in the panel and has a size to draw at.
  mine.then((answer) => {
    if (!host.isConnected) return;
    const results = answer.results.filter((r) => r.indicatorId === indicatorId);
    if (results.length === 0) { section.remove(); return; }
    const option = indicatorOverTime(lang, results) as { series: { data: unknown[] }[] };
    // A canvas says nothing to a screen reader (or a test): the points drawn, in words and as numbers.
    const targets = option.series[0]?.data.length ?? 0;
    const reports = option.series[1]?.data.length ?? 0;
    host.setAttribute('role', 'img');
    host.setAttribute('aria-label', translate(lang, 'icSummary').replace('{targets}', String(targets)).replace('{reports}', String(reports)));
    host.dataset.targets = String(targets);
    host.dataset.reports = String(reports);
    current = mountChart(host);
    current.set(option);
  }, () => {
    if (cached?.answer === mine) cached = null;
    if (host.isConnected) host.replaceWith(h('div', { class: 'error' }, translate(lang, 'icFailed')));
  });
  return section;
}
