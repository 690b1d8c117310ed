/*
 * The targets-against-results view: the indicators sorted by how many targets lack a report, a chart
 * (statuses per target year, or one indicator's targets and reports over time) and the table of every target
 * with the closest report after it and whether it was met. Each target and report opens its source sentence.
 */
import type { ModeContext } from '../mode.ts';
import { h } from '../../panels/dom.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import { errorText } from '../../api/error-text.ts';
import { tf } from '../../i18n/format.ts';
import { latestOnly } from './breakdown-model.ts';
import { mountChart } from './echarts-view.ts';
import './targets.css';
import {
  STATUSES, STATUS_COLOR, chartOption, fetchTargets, figure, reportWhen, statusName, statusTotals,
  type ReportPoint, type TargetResult, type TargetsAnswer, type TargetStatus,
} from './targets-model.ts';
import { saveView, savedView } from './analysis-state.ts';
import { captionText, exportButtons } from './analysis-export.ts';

export function mountTargets(host: HTMLElement, ctx: ModeContext): () => void {
  const t = (key: MessageKey) => translate(ctx.store.get().lang, key);
  let alive = true;
  let data: TargetsAnswer | null = null;
  // The indicator picked starts from the state (a share link or scene may have brought it).
  let picked: string | null = savedView(ctx.store, 'targets')?.indicator ?? null;
  let status: 'loading' | 'ok' | 'error' = 'loading';
  let failure: unknown = null;

  const latest = latestOnly(() => alive);
  const load = async () => {
    saveView(ctx.store, 'targets', { indicator: picked });
    status = 'loading';
    draw();
    const out = await latest(() => fetchTargets(picked));
    if (!out) return;
    if (!out.ok) { status = 'error'; failure = out.error; draw(); return; }
    data = out.value;
    // The picked indicator may be gone after documents were removed: show every indicator instead.
    if (picked && !data.indicators.some((i) => i.indicatorId === picked)) { picked = null; void load(); return; }
    status = 'ok';
    draw();
  };

  const summary = h('div', { class: 'tg-summary', id: 'tg-summary' });
  const statusEl = h('span', { class: 'tg-status', id: 'tg-status' });
  const list = h('div', { class: 'tg-indicators', id: 'tg-indicators' });
  const chartHost = h('div', { class: 'tg-chart', id: 'tg-chart' });
  const table = h('div', { class: 'tg-results', id: 'tg-results' });
  const exportSlot = h('span', {});
  const root = h('div', { class: 'tg', id: 'targets' }, h('div', { class: 'tg-controls' }, summary, statusEl, exportSlot), h('div', { class: 'tg-body' }, list, chartHost, table));
  host.append(root);
  const chart = mountChart(chartHost);

  const open = (ev: { document: string | null; start: number | null; end: number | null }) => {
    if (ev.document && ev.start !== null && ev.end !== null) void ctx.actions.openDocument(ev.document, { start: ev.start, end: ev.end });
  };
  const chip = (s: TargetStatus) => h('span', { class: 'tg-chip', 'data-status': s, style: `background:${STATUS_COLOR[s]}` }, statusName(ctx.store.get().lang, s));

  const reportCell = (r: ReportPoint | null) => {
    if (!r) return h('td', { class: 'tg-none' }, '—');
    return h('td', {}, h('button', { type: 'button', class: 'tg-link', title: r.evidence.text ?? t('openDocument'), onclick: () => open(r.evidence) },
      `${figure(r)} · ${reportWhen(ctx.store.get().lang, r)}`), h('div', { class: 'tg-doc' }, r.document ?? ''));
  };

  const resultRow = (r: TargetResult) => h('tr', { 'data-target': r.target.id, 'data-status': r.status },
    picked === null ? h('td', { class: 'tg-ind' }, r.indicator) : null,
    h('td', { class: 'tg-figure' }, h('button', { type: 'button', class: 'tg-link', title: r.target.evidence.text ?? t('openDocument'), onclick: () => open(r.target.evidence) }, figure(r.target))),
    h('td', { class: 'tg-year' }, r.target.year ?? '—'),
    h('td', { class: 'tg-setter' }, [r.target.plan, r.target.setterNumber ? `${r.target.setterNumber} ${r.target.setterTitle ?? ''}` : null].filter(Boolean).join(' · ')),
    reportCell(r.report),
    h('td', {}, chip(r.status), r.status === 'no-report' && r.earlier
      ? h('div', { class: 'tg-earlier' }, `${t('tgEarlier')} ${figure(r.earlier)} · ${reportWhen(ctx.store.get().lang, r.earlier)}`) : null));

  // The exported chart names the indicator it shows (or all of them).
  const caption = () => captionText(t('analysisTargetsTitle'),
    [[t('tgIndicator'), (picked && data?.indicators.find((i) => i.indicatorId === picked)?.indicator) || t('tgAll')]]);

  function draw(): void {
    const lang = ctx.store.get().lang;
    exportSlot.replaceChildren(exportButtons(lang, 'tg', 'targets', { png: (s) => chart.png(s), svg: () => chart.svg(), caption }, (text) => ctx.actions.toast(text, 'error')));
    statusEl.dataset.status = status;
    statusEl.textContent = status === 'loading' ? t('tgLoading') : status === 'error' ? errorText(lang, failure) : '';
    if (!data) { summary.replaceChildren(); list.replaceChildren(); table.replaceChildren(); return; }
    const totals = statusTotals(data);
    summary.replaceChildren(
      h('span', { class: 'tg-total' }, tf(lang, 'tgSummary', { targets: STATUSES.reduce((n, s) => n + totals[s], 0), indicators: data.indicators.length })),
      ...STATUSES.map((s) => h('span', { class: 'tg-count', 'data-status': s }, chip(s), ` ${totals[s]}`)));
    list.replaceChildren(
      h('table', { class: 'tg-list' },
        h('thead', {}, h('tr', {}, h('th', {}, t('tgIndicator')), h('th', { title: t('tgLackingHint') }, t('tgLacking')), h('th', {}, t('tgTargets')))),
        h('tbody', {},
          h('tr', { class: picked === null ? 'active' : '', 'data-indicator': '', onclick: () => { picked = null; void load(); } }, h('td', { colspan: 3 }, t('tgAll'))),
          data.indicators.map((i) => h('tr', {
            class: picked === i.indicatorId ? 'active' : '', 'data-indicator': i.indicatorId, tabindex: 0,
            onclick: () => { picked = i.indicatorId; void load(); },
          }, h('td', {}, i.indicator), h('td', { class: i.lacking ? 'tg-lacking' : '' }, i.lacking), h('td', {}, i.targets))))));
    const shown = data.results;
    chart.set(chartOption(lang, data, picked));
    const more = data.total > shown.length ? h('p', { class: 'tg-more', id: 'tg-more' }, tf(lang, 'tgMore', { shown: shown.length, total: data.total })) : '';
    table.replaceChildren(shown.length === 0 ? h('p', { class: 'tg-empty' }, t('tgNone')) : h('table', { class: 'tg-table' },
      h('thead', {}, h('tr', {},
        picked === null ? h('th', {}, t('tgIndicator')) : null,
        h('th', {}, t('tgTarget')), h('th', {}, t('tgTargetYear')), h('th', {}, t('tgSetBy')), h('th', {}, t('tgReport')), h('th', {}, t('tgResult')))),
      h('tbody', {}, shown.map(resultRow))), more);
  }

  void load();
  const off = ctx.store.subscribe((s, p) => {
    if (s.lang !== p.lang) draw();
    if (s.documentsVersion !== p.documentsVersion) void load();
  });
  return () => { alive = false; off(); chart.dispose(); root.remove(); };
}
