/*
 * The Workload view: a ranked, sortable table of agencies (tasks led, supported, responsible, inherited
 * through groups, total, and each year's total) in the panel, and a bar chart over the years in the layer
 * over the canvas — the leading agencies side by side, or the clicked agency's tasks stacked by how it
 * holds them. Each row opens the agency's tasks on the canvas with the curated tasks-of-agency query.
 */
import './collaboration.css';
import { ApiError } from '../../api/client.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import { h } from '../../panels/dom.ts';
import type { ModeContext } from '../mode.ts';
import { canvasOverlay } from './chart-overlay.ts';
import { agencyLabels } from './agency-labels.ts';
import { filterCaption, filterChoices, filterControls, followDocuments, say } from './chart-filters.ts';
import { captionText, exportButtons } from './analysis-export.ts';
import { getAnalysis, type AnalysisFilterChoices, type AnalysisFilterValues } from './collaboration-model.ts';
import { mountChart } from './echarts-view.ts';
import { saveView, savedView } from './analysis-state.ts';
import {
  agencySeries, nextSort, sortWorkload, topAgencySeries, workloadRows, type AgencyWorkload, type Sort, type SortKey, type WorkloadAnswer,
} from './workload-model.ts';
import { csvFileName, toCsv } from '../../panels/result-table.ts';
import { download } from '../../export/export-canvas.ts';

const TOP_IN_CHART = 8;
const COLUMNS: [SortKey, MessageKey][] = [
  ['led', 'workloadLed'], ['supported', 'workloadSupported'], ['responsible', 'workloadResponsible'], ['inherited', 'workloadInherited'], ['total', 'workloadTotal'],
];

export function mountWorkload(host: HTMLElement, ctx: ModeContext): () => void {
  const lang = () => ctx.store.get().lang;
  const t = (k: MessageKey) => translate(lang(), k);
  const root = h('div', { class: 'workload', id: 'workload' });
  host.append(root);
  const overlay = canvasOverlay(ctx.cy, 'workload-chart');
  const chart = mountChart(overlay.el);
  let alive = true;
  let choices: AnalysisFilterChoices | null = null;
  // Filters, sort and picked agency start from the state (a share link or scene may have brought them).
  const saved = savedView(ctx.store, 'workload');
  let filter: AnalysisFilterValues = saved ? { plan: saved.plan, year: saved.year, jurisdiction: saved.jurisdiction } : { plan: '', year: '', jurisdiction: '' };
  let answer: WorkloadAnswer | null = null;
  let status: 'loading' | 'ok' | 'error' = 'loading';
  let error = '';
  let sort: Sort = saved ? { key: saved.sort.key as SortKey, desc: saved.sort.desc } : { key: 'total', desc: true };
  let picked: string | null = saved?.picked ?? null;
  const remember = () => saveView(ctx.store, 'workload', { ...filter, sort, picked });
  let request = 0;

  const yearLabel = (y: string) => (y === 'none' ? t('workloadNoYear') : y);

  const load = async () => {
    const mine = ++request;
    status = 'loading';
    draw();
    try {
      const got = await getAnalysis<WorkloadAnswer>('workload', { ...filter });
      if (!alive || mine !== request) return;
      answer = got;
      status = 'ok';
      if (picked && !got.agencies.some((a) => a.id === picked)) { picked = null; remember(); }
    } catch (e) {
      if (!alive || mine !== request) return;
      status = 'error';
      error = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    }
    draw();
  };

  const showTasks = async (a: AgencyWorkload) => {
    const s = ctx.store.get();
    const def = s.queries.data?.find((q) => q.name === 'tasks-of-agency');
    if (!def) return ctx.actions.toast(s.queries.error ?? 'tasks-of-agency', 'error');
    ctx.actions.setMode('explore');
    await ctx.actions.runQuery(def, { agency: a.id });
  };

  const drawChart = (sorted: AgencyWorkload[]) => {
    const years = answer?.years ?? [];
    const one = picked ? sorted.find((a) => a.id === picked) : undefined;
    const labels = agencyLabels(sorted.slice(0, TOP_IN_CHART), lang());
    const series = one
      ? agencySeries(one, years, { led: t('workloadLed'), supported: t('workloadSupported'), responsible: t('workloadResponsible'), inherited: t('workloadInherited') })
      : topAgencySeries(sorted, years, TOP_IN_CHART, (a) => labels.get(a.id) ?? a.name);
    chart.set({
      // Short, so a sort or a click redraws at once (and a screenshot never catches bars half grown).
      animationDuration: 200, animationDurationUpdate: 200,
      title: { text: one ? say(lang(), 'workloadChartOne', { name: one.name }) : say(lang(), 'workloadChartTop', { n: Math.min(TOP_IN_CHART, sorted.length) }), left: 10, top: 6, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 32, left: 10, right: 10 },
      grid: { left: 50, right: 20, top: 80, bottom: 40 },
      xAxis: { type: 'category', data: years.map(yearLabel), name: t('anYear') },
      yAxis: { type: 'value', name: t('workloadTasksAxis'), minInterval: 1 },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, ...(s.stack ? { stack: s.stack } : {}), barMaxWidth: 36 })),
    });
  };

  const table = (sorted: AgencyWorkload[]) => {
    const years = answer?.years ?? [];
    const head = (key: SortKey, label: string) => h('th', {
      'data-sort': key, 'aria-sort': sort.key === key ? (sort.desc ? 'descending' : 'ascending') : null,
      onclick: () => { sort = nextSort(sort, key); remember(); draw(); },
    }, label);
    return h('table', { class: 'workload-table', id: 'workload-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('workloadRank')), head('name', t('workloadAgency')), head('area', t('hjArea')),
        ...COLUMNS.map(([k, label]) => head(k, t(label))), ...years.map((y) => head(`year:${y}`, yearLabel(y))), h('th', {}, ''))),
      h('tbody', {}, ...sorted.map((a, i) => h('tr', {
        'data-agency': a.id, class: a.id === picked ? 'picked' : '',
        onclick: () => { picked = picked === a.id ? null : a.id; remember(); draw(); },
      },
      h('td', {}, i + 1),
      h('td', {}, a.name, a.group ? h('span', { class: 'muted' }, ` (${t('workloadGroup')})`) : null),
      h('td', { class: a.jurisdiction ? 'wl-area' : 'wl-area muted' }, a.jurisdiction ?? t('hjAreaUnknown')),
      ...COLUMNS.map(([k]) => h('td', {}, a[k as keyof typeof a] as number)),
      ...years.map((y) => h('td', {}, a.years[y]?.total ?? 0)),
      h('td', {}, h('button', {
        class: 'btn small', 'data-tasks': a.id, title: say(lang(), 'workloadTasksTitle', { name: a.name }),
        onclick: (e: Event) => { e.stopPropagation(); void showTasks(a); },
      }, t('workloadTasks')))))));
  };

  // The table as shown (its sort, the area of each agency) as a CSV file that Excel opens (BOM, quoting).
  const exportCsv = () => {
    if (!answer) return;
    const years = answer.years;
    const header = [t('workloadRank'), t('workloadAgency'), t('hjArea'), ...COLUMNS.map(([, k]) => t(k)), ...years.map(yearLabel)];
    const blob = new Blob([toCsv(header, workloadRows(sortWorkload(answer.agencies, sort), years, t('workloadGroup')))], { type: 'text/csv;charset=utf-8' });
    download(blob, csvFileName([t('analysisWorkloadTitle'), filter.year, filter.jurisdiction].filter(Boolean).join('-')));
  };

  // The exported chart says which filters and which agency it shows.
  const caption = () => {
    const one = picked ? answer?.agencies.find((a) => a.id === picked) : undefined;
    return captionText(t('analysisWorkloadTitle'), [...filterCaption(lang(), choices, filter), ...(one ? [[t('workloadAgency'), one.name] as [string, string]] : [])]);
  };
  const draw = () => {
    const lng = lang();
    const controls = h('div', { class: 'an-controls' }, ...filterControls(lng, 'workload', choices, filter, (patch) => { filter = { ...filter, ...patch }; remember(); void load(); }),
      picked ? h('button', { class: 'btn small', id: 'workload-top', onclick: () => { picked = null; remember(); draw(); } }, t('workloadShowTop')) : null,
      exportButtons(lng, 'workload', 'workload', { png: (s) => chart.png(s), svg: () => chart.svg(), caption }, (text) => ctx.actions.toast(text, 'error')),
      status === 'ok' && answer?.agencies.length ? h('button', { class: 'btn small', id: 'workload-csv', type: 'button', title: t('hjWorkloadCsvTitle'), onclick: exportCsv }, t('tblCsv')) : null);
    if (status !== 'ok' || !answer) {
      root.replaceChildren(controls, h('p', { class: status === 'error' ? 'error' : 'hint', id: 'workload-status' },
        status === 'error' ? say(lng, 'workloadFailed', { reason: error }) : t('workloadLoading')));
      return;
    }
    const sorted = sortWorkload(answer.agencies, sort);
    drawChart(sorted);
    root.replaceChildren(controls,
      h('p', { id: 'workload-status' }, sorted.length ? say(lng, 'workloadSummary', { n: sorted.length }) : t('workloadEmpty'),
        answer.truncated ? h('span', { class: 'warn' }, ' ', t('workloadTruncated')) : null, ' ', h('span', { class: 'muted' }, t('workloadHint'))),
      ...(sorted.length ? [table(sorted)] : []));
  };

  void filterChoices(ctx.store.get().documentsVersion).then((c) => { if (alive) { choices = c; draw(); } }, () => undefined);
  void load();
  const off = followDocuments(ctx, { alive: () => alive, choices: (c) => { choices = c; draw(); }, reload: () => void load(), redraw: draw });
  return () => {
    alive = false;
    off();
    chart.dispose();
    overlay.remove();
    root.remove();
  };
}
