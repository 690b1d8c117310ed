/*
 * The Plans over time view: pick a series of annual plans, move the similarity threshold, and see for each
 * neighbouring pair of plans which tasks continued, which are new and which were dropped, and how each
 * agency's responsibilities moved. The series' lineage (IMPLEMENTS / REFERENCES) is drawn as a hierarchy
 * (dagre) by its own Cytoscape instance in the layer over the canvas (chart-overlay.ts), so the explored
 * graph is untouched and comes back when the view closes.
 */
import './plans-over-time.css';
import cytoscape, { type Core } from 'cytoscape';
import type { ModeContext } from '../mode.ts';
import { debounce, h } from '../../panels/dom.ts';
import { canvasOverlay } from './chart-overlay.ts';
import { relName, translate, type MessageKey } from '../../i18n/index.ts';
import {
  DEFAULT_THRESHOLD, fetchComparison, fetchSeries, lineageElements, PAIRS_PER_PAGE, seriesLabel, taskLine,
  type AgencyMove, type PlanSeries, type PlansOverTime, type YearPair,
} from './plans-over-time-model.ts';
import { saveView, savedView } from './analysis-state.ts';
import { errorText } from '../../api/error-text.ts';
import { captionText, cyPicture, exportButtons } from './analysis-export.ts';

export function mountPlansOverTime(host: HTMLElement, ctx: ModeContext): () => void {
  const root = h('div', { class: 'pot', id: 'plans-over-time' });
  host.append(root);
  const t = (key: MessageKey) => translate(ctx.store.get().lang, key);
  let alive = true;
  let series: PlanSeries[] = [];
  // Series, threshold, pair and agency start from the state (a share link or scene may have brought them).
  const saved = savedView(ctx.store, 'plans-over-time');
  let seriesId: string | null = saved?.series ?? null;
  let threshold = saved?.threshold ?? DEFAULT_THRESHOLD;
  let data: PlansOverTime | null = null;
  let pairIndex = saved?.pair ?? 0;
  let pairOffset = saved?.offset ?? 0;
  let agency: string | null = saved?.agency ?? null;
  const remember = () => saveView(ctx.store, 'plans-over-time', { series: seriesId, threshold, offset: pairOffset, pair: pairIndex, agency });
  let status: 'loading' | 'ok' | 'error' = 'loading';
  // Kept as the failure itself and said at draw time, in the language of the moment.
  let failure: unknown = null;
  let drawnLineage: string | null = null;
  let request = 0;
  const overlay = canvasOverlay(ctx.cy, 'pot-lineage');
  let cy: Core | null = null;
  // The panel above grows and shrinks with the lists (and the split handle moves it): fit the hierarchy again.
  const resized = new ResizeObserver(() => { cy?.resize(); cy?.fit(undefined, 24); });
  resized.observe(overlay.el);

  const drawLineage = (answer: PlansOverTime) => {
    cy?.destroy();
    cy = cytoscape({
      container: overlay.el,
      elements: lineageElements(answer),
      style: [
        { selector: 'node', style: {
          shape: 'round-rectangle', width: 'label', height: 'label', padding: '8px', label: 'data(name)', 'text-wrap': 'wrap', 'text-max-width': '180px',
          'text-valign': 'center', 'font-size': 12, color: '#1f2937', 'background-color': '#e2e8f0', 'border-width': 1, 'border-color': '#94a3b8',
        } },
        { selector: 'node.series', style: { 'background-color': '#dbeafe', 'border-color': '#2563eb', 'border-width': 2, 'font-weight': 'bold' } },
        { selector: 'edge', style: {
          width: 1.5, 'line-color': '#64748b', 'target-arrow-color': '#64748b', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
          label: 'data(label)', 'font-size': 10, color: '#475569', 'text-background-color': '#fff', 'text-background-opacity': 1,
        } },
        { selector: 'edge.references', style: { 'line-style': 'dashed' } },
      ] as cytoscape.StylesheetJson,
      minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false,
    });
    labelLineage();
    // Right to left: an edge runs from a plan to the one it implements, so the plans a series descends from
    // stand on the left and the series on the right; ranks side by side keep a wide upstream rank legible in
    // the canvas's half of the window.
    cy.layout({ name: 'dagre', rankDir: 'RL', nodeSep: 14, rankSep: 90, animate: false, fit: true, padding: 24 } as cytoscape.LayoutOptions).run();
  };
  const labelLineage = () => {
    const lang = ctx.store.get().lang;
    cy?.edges().forEach((e) => { e.data('label', relName(lang, String(e.data('type')))); });
  };

  const compare = async () => {
    if (!seriesId) return;
    remember();
    const mine = ++request;
    status = 'loading';
    draw();
    try {
      const answer = await fetchComparison(seriesId, threshold, pairOffset);
      if (!alive || mine !== request) return;
      data = answer;
      status = 'ok';
      if (pairIndex >= answer.pairs.length) { pairIndex = 0; remember(); }
      if (drawnLineage !== answer.series.id) {
        drawnLineage = answer.series.id;
        // The lists first, so the layer has its final size when the hierarchy is fitted into it.
        draw();
        drawLineage(answer);
      }
    } catch (e) {
      if (!alive || mine !== request) return;
      status = 'error';
      failure = e;
    }
    draw();
  };
  const compareSoon = debounce(() => void compare(), 200);

  const loadSeries = async () => {
    status = 'loading';
    draw();
    try {
      series = await fetchSeries();
      if (!alive) return;
      if (!series.some((s) => s.id === seriesId)) { seriesId = series[0]?.id ?? null; pairOffset = 0; }
      drawnLineage = null;
      if (seriesId) await compare();
      else { status = 'ok'; data = null; cy?.destroy(); cy = null; draw(); }
    } catch (e) {
      if (!alive) return;
      status = 'error';
      failure = e;
      draw();
    }
  };

  const count = (kind: 'continued' | 'added' | 'dropped', n: number) =>
    h('span', { class: `pot-count ${kind}`, 'data-count': kind }, `${t(kind === 'continued' ? 'potContinued' : kind === 'added' ? 'potNew' : 'potDropped')} `, h('b', {}, n));

  const pairButton = (p: YearPair, i: number) => h('button', {
    class: `pot-pair${i === pairIndex ? ' active' : ''}`, 'data-pair': i, type: 'button',
    title: `${p.from.name} → ${p.to.name}`,
    onclick: () => { pairIndex = i; agency = null; remember(); draw(); },
  }, h('span', { class: 'pot-years' }, `${p.from.year} → ${p.to.year}`), count('continued', p.counts.continued), count('added', p.counts.added), count('dropped', p.counts.dropped));

  const taskItems = (p: YearPair) => {
    const nearest = (id: string) => {
      const n = p.nearest[id];
      return n ? h('span', { class: 'pot-nearest' }, `${t('potNearest')} ${taskLine(p.tasks[n.id])} (${n.score.toFixed(2)})`) : null;
    };
    const col = (kind: string, title: string, items: HTMLElement[]) =>
      h('div', { class: `pot-col ${kind}`, 'data-list': kind }, h('h4', {}, `${title} · ${items.length}`), h('ol', {}, items));
    return h('div', { class: 'pot-lists' },
      col('continued', t('potContinued'), p.matches.map((m) => h('li', { 'data-from': m.from, 'data-to': m.to },
        h('span', { class: 'pot-score', title: t('potScore') }, m.score.toFixed(2)), ` ${taskLine(p.tasks[m.from])} → ${taskLine(p.tasks[m.to])}`))),
      col('added', `${t('potNew')} (${p.to.year})`, p.added.map((id) => h('li', { 'data-task': id }, taskLine(p.tasks[id]), ' ', nearest(id)))),
      col('dropped', `${t('potDropped')} (${p.from.year})`, p.dropped.map((id) => h('li', { 'data-task': id }, taskLine(p.tasks[id]), ' ', nearest(id)))),
    );
  };

  const movement = (p: YearPair, m: AgencyMove) => h('div', { class: 'pot-movement', id: 'pot-agency', 'data-agency': m.agency },
    h('h4', {}, `${m.name}: ${p.from.year} → ${p.to.year}`),
    h('ul', {},
      m.continued.map((c) => h('li', { class: 'continued' }, `${t('potContinued')}: ${taskLine(p.tasks[c.from])} → ${taskLine(p.tasks[c.to])}`)),
      m.dropped.map((d) => h('li', { class: 'dropped' }, `${t(d.handedOver ? 'potHandedOver' : 'potDropped')}: ${taskLine(p.tasks[d.task])}`)),
      m.added.map((a) => h('li', { class: 'added' }, `${t(a.takenOver ? 'potTakenOver' : 'potNew')}: ${taskLine(p.tasks[a.task])}`)),
    ),
    h('button', { type: 'button', class: 'pot-back', onclick: () => { agency = null; remember(); draw(); } }, t('potBack')));

  const agencyTable = (p: YearPair) => {
    const plans = data!.series.plans;
    const silent = [p.from, p.to].filter((x) => (plans.find((q) => q.id === x.id)?.responsibilities ?? 0) === 0);
    const picked = agency ? p.agencies.find((m) => m.agency === agency) : undefined;
    return h('div', { class: 'pot-agencies' },
      h('h4', {}, t('potAgencies')),
      silent.map((x) => h('p', { class: 'pot-note' }, `${x.year}: ${t('potNoResp')}`)),
      picked ? movement(p, picked) : h('table', { class: 'pot-table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('potAgency')), h('th', {}, t('potContinued')), h('th', {}, t('potNew')), h('th', {}, t('potDropped')))),
        h('tbody', {}, p.agencies.map((m) => h('tr', { 'data-agency': m.agency, tabindex: 0, onclick: () => { agency = m.agency; remember(); draw(); } },
          h('td', {}, m.name), h('td', {}, m.counts.continued), h('td', {}, m.counts.added), h('td', {}, m.counts.dropped))))));
  };

  // The controls are built once, so a drag on the slider is never cut short by a redraw.
  const select = h('select', { id: 'pot-series', onchange: () => { seriesId = select.value; pairIndex = 0; pairOffset = 0; agency = null; void compare(); } });
  const value = h('output', { id: 'pot-threshold-value' }, threshold.toFixed(2));
  const slider = h('input', {
    id: 'pot-threshold', type: 'range', min: 0, max: 1, step: 0.01, value: threshold,
    oninput: () => { threshold = Number(slider.value); value.textContent = threshold.toFixed(2); compareSoon(); },
  });
  const seriesLabelEl = h('span', {});
  const thresholdLabel = h('span', {});
  const method = h('span', { class: 'pot-method' });
  const statusEl = h('span', { class: 'pot-status', id: 'pot-status' });
  // The exported lineage names its series and the threshold of the lists beside it.
  const caption = () => {
    const lang = ctx.store.get().lang;
    const s = series.find((x) => x.id === seriesId);
    return captionText(t('analysisPlansTitle'), [[t('potSeries'), s ? seriesLabel(lang, s) : ''], [t('potThreshold'), threshold.toFixed(2)]]);
  };
  const exportSlot = h('span', {});
  const body = h('div', { class: 'pot-main' });
  root.append(h('div', { class: 'pot-controls' }, h('label', {}, seriesLabelEl, select), h('label', {}, thresholdLabel, slider, value), method, statusEl, exportSlot), body);

  function draw(): void {
    const lang = ctx.store.get().lang;
    seriesLabelEl.textContent = `${t('potSeries')} `;
    thresholdLabel.textContent = `${t('potThreshold')} `;
    slider.setAttribute('aria-label', t('potThreshold'));
    method.textContent = t('potMethod');
    exportSlot.replaceChildren(exportButtons(lang, 'pot', 'plans-over-time', cyPicture(() => cy, caption), (text) => ctx.actions.toast(text, 'error')));
    select.replaceChildren(...series.map((s) => h('option', { value: s.id, selected: s.id === seriesId }, seriesLabel(lang, s))));
    statusEl.dataset.status = status;
    statusEl.textContent = status === 'loading' ? t('potLoading') : status === 'error' ? `${t('potError')}: ${errorText(lang, failure)}` : '';
    if (status !== 'loading' && series.length === 0) {
      body.replaceChildren(h('p', { class: 'pot-note' }, t('potNone')));
      return;
    }
    const pair = data?.pairs[pairIndex];
    const turn = (to: number, key: MessageKey, id: string) => h('button', {
      type: 'button', class: 'pot-page', id, onclick: () => { pairOffset = to; pairIndex = 0; agency = null; void compare(); },
    }, t(key));
    const paging = data && data.pairTotal > data.pairs.length ? [
      data.offset > 0 ? turn(Math.max(0, data.offset - PAIRS_PER_PAGE), 'potPrevPairs', 'pot-prev') : null,
      h('span', { class: 'pot-note' }, t('potPairsShown').replace('{from}', String(data.offset + 1)).replace('{to}', String(data.offset + data.pairs.length)).replace('{n}', String(data.pairTotal))),
      data.offset + data.pairs.length < data.pairTotal ? turn(data.offset + PAIRS_PER_PAGE, 'potNextPairs', 'pot-next') : null,
    ] : [];
    const pairs = h('div', { class: 'pot-pairs', id: 'pot-pairs' }, (data?.pairs ?? []).map(pairButton), paging);
    body.replaceChildren(pairs, ...(pair ? [h('div', { class: 'pot-body' }, taskItems(pair), agencyTable(pair))] : []));
  }

  void loadSeries();
  const off = ctx.store.subscribe((s, p) => {
    if (s.lang !== p.lang) { draw(); labelLineage(); }
    if (s.documentsVersion !== p.documentsVersion) void loadSeries();
  });
  return () => { alive = false; off(); resized.disconnect(); cy?.destroy(); overlay.remove(); root.remove(); };
}
