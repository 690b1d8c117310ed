/*
 * Entry point and composition root: builds the page skeleton, creates the one store, the canvas, the one
 * graph-change function and every action factory (explore, query, scenes, present, share, style), and mounts every
 * panel and mode as a view of the store. Also the keyboard shortcuts and a window.__app handle for tests.
 */
import './styles/app.css';
import { api, pendingCalls } from './api/client.ts';
import { bindCanvas, createCy, positionsOf } from './canvas/index.ts';
import { fitView } from './canvas/layouts.ts';
import type { Lang } from './i18n/index.ts';
import { mountModes } from './modes/index.ts';
import { mountDbBanner } from './panels/db-banner.ts';
import { mountBusyIndicator } from './panels/busy-indicator.ts';
import { mountDetails } from './panels/details.ts';
import { mountDocument } from './panels/document.ts';
import { h } from './panels/dom.ts';
import { mountFilters, mountLegend } from './panels/legend.ts';
import { mountMenu } from './panels/menu.ts';
import { mountOverview } from './panels/overview.ts';
import { mountEdgeInspector } from './panels/edge-inspector.ts';
import { mountExpandSelection } from './panels/expand-selection.ts';
import './styles/explore-further.css';
import { mountQueries } from './panels/queries.ts';
import { mountResults } from './panels/results.ts';
import { createSplit, maxPanelSize } from './panels/split.ts';
import { mountToast } from './panels/toast.ts';
import { mountToolbar } from './panels/toolbar.ts';
import { mountTopbar } from './panels/topbar.ts';
import { mountViewTools } from './panels/view-tools.ts';
import { mountUpload } from './upload/upload.ts';
import { mountLargeView, openSharedFromUrl, type Console } from './console/console.ts';
import { tf } from './i18n/format.ts';
import type { ModeContext } from './modes/mode.ts';
import { createPresentActions } from './modes/present/present-actions.ts';
import { slideInsets } from './modes/present/slideshow.ts';
import { createQueryActions } from './modes/query/query-actions.ts';
import { createSceneActions } from './scenes/scene-actions.ts';
import { createShareActions } from './share/share-actions.ts';
import { createActions, mergeActions } from './state/actions.ts';
import { createStyleActions } from './canvas/style-actions.ts';
import { createExploreActions } from './state/explore-actions.ts';
import { createGraphChanges } from './state/graph-change.ts';
import { createStore, initialState } from './state/store.ts';
import { translate } from './i18n/index.ts';

function savedLang(): Lang | undefined {
  try {
    const v = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('lang');
    return v === 'en' || v === 'zh' ? v : undefined;
  } catch {
    return undefined;
  }
}

const section = (id: string) => {
  const title = h('h3', { class: 'panel-title', 'data-i18n': id });
  const body = h('div', { class: 'panel-body', id: `panel-${id}` });
  return { el: h('section', { class: 'panel' }, title, body), title, body };
};

const root = document.querySelector<HTMLElement>('#app')!;
const topbar = h('header', { class: 'topbar' });
const queries = section('queries');
const filters = section('filters');
const legend = section('legend');
const left = h('aside', { class: 'left' }, queries.el, filters.el, legend.el);
const toolbar = h('div', { class: 'toolbar' });
// View actions (share link, present this view) apply in every mode, so they sit in the top bar.
const viewTools = h('div', { class: 'tb-view' });
const modeHost = h('div', { class: 'mode-host', hidden: true });
const cyEl = h('div', { id: 'cy' });
// While the canvas is empty it shows what the graph holds (panels/overview.ts) instead of a blank area.
const overview = h('div', { class: 'overview', id: 'overview' });
const menu = h('div', { class: 'node-menu', hidden: true });
// Explore further (issue 15): expanding a selection and the edge inspector float over the canvas in every mode.
const expandPanel = h('div', { class: 'float-panel expand-panel', id: 'expand-panel', hidden: true });
const edgePanel = h('div', { class: 'float-panel edge-panel', id: 'edge-inspector', hidden: true });
const results = h('div', { class: 'results-drawer', hidden: true });
const canvasWrap = h('div', { class: 'canvas-wrap' }, cyEl, overview, menu, expandPanel, edgePanel);
const center = h('main', { class: 'center' });
const details = h('div', { class: 'details', id: 'details' });
const right = h('aside', { class: 'right' }, details);
const shell = h('div', { class: 'shell' }, left, center, right);
const docViewer = h('div', { class: 'doc-overlay', id: 'doc-viewer', hidden: true });
const toast = h('div', { class: 'toast', hidden: true });
const dbBanner = h('div', { class: 'db-banner', id: 'db-banner', role: 'alert', hidden: true });
const busyIndicator = h('div', { id: 'busy-indicator', hidden: true });
root.replaceChildren(topbar, shell, docViewer, toast, dbBanner, busyIndicator);

const store = createStore(initialState(savedLang()));

// The panels above and below the canvas each get a split handle; CSS keeps the canvas at half the window.
const splitMax = (panel: HTMLElement) => () => {
  const others = [toolbar, ...[modeHost, results].filter((p) => p !== panel && !p.hidden)]
    .reduce((sum, el) => sum + el.getBoundingClientRect().height, 0) + 2 * 10;
  return maxPanelSize(center.getBoundingClientRect().height, window.innerHeight, others);
};
const lang = () => store.get().lang;
const splits = [
  { panel: modeHost, split: createSplit({ key: () => `top.${store.get().mode}`, panel: modeHost, side: 'above', lang, max: splitMax(modeHost) }) },
  { panel: results, split: createSplit({
    key: () => 'results', panel: results, side: 'below', lang, max: splitMax(results),
    initialMax: () => Math.round(center.getBoundingClientRect().height * 0.3),
  }) },
];
center.append(modeHost, splits[0]!.split.handle, toolbar, canvasWrap, splits[1]!.split.handle, results);
const applySplits = () => {
  for (const { panel, split } of splits) {
    split.handle.hidden = panel.hidden;
    if (!panel.hidden) split.apply();
  }
};
for (const { panel } of splits) new MutationObserver(applySplits).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
// The window, the column or the toolbar's wrapping changed: the limits change with them.
new ResizeObserver(() => requestAnimationFrame(applySplits)).observe(center);
new ResizeObserver(() => requestAnimationFrame(applySplits)).observe(toolbar);
const cy = createCy(cyEl);
// Every graph change (and undo/redo) goes through this one function; each factory below gets it injected.
const graphChanges = createGraphChanges(store, () => positionsOf(cy));
const { changeGraph } = graphChanges;
const core = createActions(store, api, graphChanges);
const actions = mergeActions(core, createExploreActions(store, api, { changeGraph, toast: core.toast, select: core.select }));
const large = mountLargeView(canvasWrap, store);
const scenes = createSceneActions(store, { cy, changeGraph, notify: actions.toast, storageFullText: () => tf(store.get().lang, 'scStorageFull') });
const share = createShareActions(store, api, cy, changeGraph);
const consoleParts = {
  query: createQueryActions(store, api, { changeGraph, showLarge: (g) => large.show(g), hideLarge: () => large.hide() }),
  scenes,
  present: createPresentActions(store, api, scenes, () => slideInsets(cy.container())),
  share,
  large,
};

bindCanvas(cy, store, actions);
mountTopbar(topbar, store, actions);
mountQueries(queries.body, store, actions);
mountFilters(filters.body, store, actions);
mountLegend(legend.body, store, actions, createStyleActions(store));
mountToolbar(toolbar, store, actions, {
  fit: () => fitView(cy),
  selectedIds: () => {
    const ids = cy.nodes(':selected').map((n) => n.id());
    const sel = store.get().selected;
    return ids.length ? ids : sel ? [sel] : [];
  },
});
mountMenu(menu, store, actions);
mountExpandSelection(expandPanel, store, actions);
mountEdgeInspector(edgePanel, store, actions);
mountResults(results, store, actions);
mountDetails(details, store, actions);
mountDocument(docViewer, store, actions);
mountToast(toast, store);
mountDbBanner(dbBanner, store, api);
// Any API call pending over 300 ms: a bar and ring under the top bar; the centre column (canvas, results) is aria-busy.
mountBusyIndicator(busyIndicator, store, pendingCalls, [center]);
// A shared link in the URL opens whatever the first mode is.
const analystConsole: Console = { ...consoleParts, ready: openSharedFromUrl(canvasWrap, store, actions, share) };
window.__console = analystConsole;
const modeCtx: ModeContext = { store, actions, api, cy, console: analystConsole };
mountModes(modeHost, shell, modeCtx);
topbar.insertBefore(viewTools, topbar.querySelector('#lang-toggle'));
mountViewTools(viewTools, store, actions, analystConsole);
mountUpload(viewTools, topbar, store, actions, api);
mountOverview(overview, store, actions, api);

const drawStatic = () => {
  const s = store.get();
  for (const t of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = t.dataset.i18n === 'queries' ? 'panelQueries' : t.dataset.i18n === 'filters' ? 'panelFilters' : 'panelLegend';
    t.textContent = translate(s.lang, key);
  }
};
drawStatic();
store.subscribe((s, p) => {
  if (s.lang !== p.lang || s.graph !== p.graph) drawStatic();
  if (s.lang !== p.lang || s.mode !== p.mode || s.queryResult !== p.queryResult) requestAnimationFrame(applySplits);
});
applySplits();

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement | null;
  const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === '/' && !typing) {
    e.preventDefault();
    document.querySelector<HTMLInputElement>('#search')?.focus();
  } else if (mod && !typing && (e.key === 'z' || e.key === 'Z')) {
    e.preventDefault();
    if (e.shiftKey) actions.redo();
    else actions.undo();
  } else if (mod && !typing && e.key === 'y') {
    e.preventDefault();
    actions.redo();
  } else if (e.key === 'Escape') {
    actions.closeMenu();
    actions.closeEdge();
    actions.closeExpand();
    if (store.get().document) actions.closeDocument();
    if (store.get().pathFrom) actions.cancelPath();
  } else if ((e.key === 'Delete' || e.key === 'Backspace') && !typing) {
    const ids = cy.nodes(':selected').map((n) => n.id());
    if (ids.length) actions.remove(ids);
  }
});
new ResizeObserver(() => cy.resize()).observe(cyEl);

declare global {
  // pendingCalls: e2e tests wait for no call in flight to prove nothing more will happen (busy-indicator).
  interface Window { __app?: { store: typeof store; actions: typeof actions; cy: typeof cy; pendingCalls: typeof pendingCalls } }
}
window.__app = { store, actions, cy, pendingCalls };
void actions.init();
