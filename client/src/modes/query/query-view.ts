/*
 * Query mode's panel above the canvas: the editor, the parameters derived from the query, curated queries
 * and history, the status line, the error box and the Table / JSON views. The graph of a result is on the
 * canvas itself (or the large-graph view), so the Graph tab only collapses the panel's result area.
 */
import type { Lang } from '../../i18n/index.ts';
import { apiErrorText } from '../../api/error-text.ts';
import { h, replace } from '../../panels/dom.ts';
import { resultTable } from '../../panels/result-table.ts';
import { localCell, withoutBookkeeping } from '../../state/result-cells.ts';
import { columnName } from '../../i18n/index.ts';
import type { State, Store } from '../../state/store.ts';
import type { Actions } from '../../state/actions.ts';
import { createCypherEditor } from './cypher-editor.ts';
import { tf } from '../../i18n/format.ts';
import type { QueryActions } from './query-actions.ts';
import { detectParams } from './query-model.ts';
import type { CypherResultView, ResultTab } from './query-state.ts';
import './query.css';

const MAX_TABLE_ROWS = 500;

/**
 * The console's table: the shared result table, headed and filled as Explore's results drawer is (a known
 * column's name, a role, a relationship type or 'direct' in the UI's language), so a curated query reads the
 * same in both places; the user's own alias stays in each header's tooltip.
 */
function table(r: CypherResultView, lang: Lang, actions: Actions): { tools: HTMLElement | null; body: HTMLElement } {
  if (!r.rows.length) return { tools: null, body: h('p', { class: 'muted' }, tf(lang, 'qmNoRows')) };
  const t = resultTable({
    id: 'qm-table', lang, columns: r.columns, rows: r.rows, name: 'query-result', maxRows: MAX_TABLE_ROWS,
    header: (c) => columnName(lang, c),
    cell: (c, v) => localCell(lang, c, v),
    notify: (text, kind) => actions.toast(text, kind),
  });
  return {
    tools: t.tools,
    body: h('div', { class: 'qm-table-wrap' }, t.body,
      r.rows.length > MAX_TABLE_ROWS ? h('p', { class: 'muted' }, tf(lang, 'qmMoreRows', { n: r.rows.length - MAX_TABLE_ROWS })) : null),
  };
}

export function mountQueryView(host: HTMLElement, store: Store, actions: Actions, qa: QueryActions): () => void {
  const s0 = store.get();
  const t = (key: Parameters<typeof tf>[1], vars?: Record<string, string | number>) => tf(store.get().lang, key, vars);
  const runBtn = h('button', { class: 'btn primary', id: 'qm-run', onclick: () => void qa.runCypher() });
  const status = h('span', { class: 'qm-status', id: 'qm-status', 'aria-live': 'polite' });
  const curated = h('select', { class: 'qm-select', id: 'qm-curated' });
  const history = h('select', { class: 'qm-select', id: 'qm-history' });
  const clearHist = h('button', { class: 'btn', id: 'qm-history-clear', onclick: () => qa.clearHistory() });
  const editorEl = h('div', { class: 'qm-editor', id: 'qm-editor' });
  const params = h('div', { class: 'qm-params', id: 'qm-params' });
  const error = h('div', { class: 'qm-error', id: 'qm-error', role: 'alert', hidden: true });
  const tabs = h('div', { class: 'qm-tabs', role: 'tablist' });
  const tableTools = h('span', { class: 'qm-table-tools' });
  const kept = h('div', { class: 'qm-kept', id: 'qm-kept', role: 'status', hidden: true });
  const result = h('div', { class: 'qm-result', id: 'qm-result' });
  // Editor and parameters on the left, the answer on the right: at 1366×768 the panel has ~270 px of
  // height (the canvas keeps half the window), too little for an editor above a table.
  const out = h('div', { class: 'qm-out' }, error, h('div', { class: 'qm-out-head' }, tabs, tableTools), result);
  const left = h('div', { class: 'qm-left' },
    h('div', { class: 'qm-bar' }, runBtn, status, h('span', { class: 'qm-spacer' }), curated, history, clearHist),
    kept,
    h('div', { class: 'qm-main' }, editorEl, params));
  const body = h('div', { class: 'qm-body' }, left, out);
  const root = h('div', { class: 'qm', id: 'query-mode' }, body);
  host.append(root);

  const editor = createCypherEditor(editorEl, {
    doc: s0.query.text,
    placeholder: tf(s0.lang, 'qmEditorPlaceholder'),
    schema: () => store.get().schema,
    onRun: () => void qa.runCypher(),
    onChange: (text) => qa.setQueryText(text),
  });

  curated.addEventListener('change', () => {
    const def = store.get().queries.data?.find((q) => q.name === curated.value);
    curated.value = '';
    if (def) void qa.openCurated(def).then((ok) => { if (!ok) actions.toast(t('qmCuratedNoText'), 'error'); });
  });
  history.addEventListener('change', () => {
    const entry = store.get().query.history[Number(history.value)];
    history.value = '';
    if (!entry) return;
    qa.setQueryText(entry.query);
    for (const [k, v] of Object.entries(entry.params)) qa.setParam(k, v);
  });

  const drawParams = (s: State) => {
    const names = detectParams(s.query.text);
    const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement.dataset.param : undefined;
    if (params.dataset.names === names.join(',') && params.dataset.lang === s.lang) return;
    params.dataset.names = names.join(',');
    params.dataset.lang = s.lang;
    replace(params, h('div', { class: 'qm-params-title' }, t('qmParams')),
      names.length ? names.map((n) => h('label', { class: 'qm-param' }, h('span', {}, `$${n}`),
        h('input', { type: 'text', 'data-param': n, value: s.query.params[n] ?? '', title: t('qmParamHint'), oninput: (e: Event) => qa.setParam(n, (e.target as HTMLInputElement).value) })))
        : h('p', { class: 'muted' }, t('qmNoParams')));
    if (focused) params.querySelector<HTMLInputElement>(`input[data-param="${CSS.escape(focused)}"]`)?.focus();
  };

  const drawSelects = (s: State) => {
    replace(curated, h('option', { value: '' }, t('qmCurated')),
      (s.queries.data ?? []).map((q) => h('option', { value: q.name }, q.title[s.lang] || q.name)));
    replace(history, h('option', { value: '' }, t('qmHistoryPick')),
      s.query.history.map((e, i) => h('option', { value: String(i), title: e.query }, `${e.ok ? '' : '✗ '}${e.query.replace(/\s+/g, ' ').slice(0, 80)}`)));
    clearHist.textContent = t('qmHistoryClear');
    clearHist.disabled = !s.query.history.length;
  };

  const drawResult = (s: State) => {
    const q = s.query;
    runBtn.textContent = q.status === 'running' ? tf(s.lang, 'running') : t('qmRun');
    runBtn.disabled = q.status === 'running';
    const r = q.result;
    status.textContent = r && q.status !== 'error'
      ? [t('qmStatus', { rows: r.rowCount, ms: r.ms }), t('qmStatusGraph', { nodes: r.graph.nodes.length, edges: r.graph.edges.length }), r.truncated ? t('qmTruncated') : ''].filter(Boolean).join(' · ')
      : '';
    if (r && q.status !== 'error' && r.resolved?.length) {
      status.textContent += ` · ${r.resolved.map((x) => t('qmResolved', { param: x.param, name: x.name, id: x.id })).join(' · ')}`;
    }
    status.dataset.rows = r ? String(r.rowCount) : '';
    status.dataset.ms = r ? String(r.ms) : '';
    const e = q.error;
    error.hidden = !e;
    if (e) {
      // Said from the code in the UI's language; the server's own words (Neo4j's English for a syntax
      // error, which the analyst may need) stay folded underneath.
      error.dataset.code = e.code;
      if (e.code === 'UNKNOWN_ENTITY' || e.code === 'AMBIGUOUS_ENTITY') replace(error, e.message);
      else {
        const head = e.line !== null ? t('qmSyntaxAt', { line: e.line, column: e.column ?? 0 }) : apiErrorText(s.lang, e.code, e.details);
        const said = e.line !== null ? apiErrorText(s.lang, e.code, e.details) : '';
        replace(error, h('strong', { id: 'qm-error-text' }, said ? `${head} · ${said}` : head),
          e.message && (e.code === 'CYPHER_SYNTAX' || e.code === 'CYPHER_ERROR' || e.code === 'FORBIDDEN_QUERY')
            ? h('details', { class: 'qm-error-server' }, h('summary', {}, t('qmServerWords')), h('code', {}, e.message)) : null);
      }
    }
    editor.markError(e?.offset ?? null);
    const tabIds: [ResultTab, 'resultGraph' | 'resultTable' | 'resultJson'][] = [['graph', 'resultGraph'], ['table', 'resultTable'], ['json', 'resultJson']];
    replace(tabs, tabIds.map(([id, key]) => h('button', {
      class: `tab${q.tab === id ? ' active' : ''}`, role: 'tab', 'data-tab': id, 'aria-selected': q.tab === id ? 'true' : 'false',
      onclick: () => qa.setResultTab(id),
    }, tf(s.lang, key))));
    tabs.hidden = !r;
    body.classList.toggle('qm-has-out', !!r || !!e);
    // A result with no nodes leaves the canvas as it was; say so, with the way to clear it.
    kept.hidden = !(r && q.status !== 'error' && r.keptGraph && Object.keys(s.graph.nodes).length);
    replace(kept, kept.hidden ? null : [h('span', {}, t('tblKeptGraph')),
      h('button', { class: 'btn small', id: 'qm-clear-canvas', onclick: () => actions.clearCanvas() }, t('tblClearCanvas'))]);
    replace(tableTools);
    if (!r) return replace(result);
    if (q.tab === 'table') {
      const tb = table(r, s.lang, actions);
      replace(tableTools, tb.tools);
      replace(result, tb.body);
    } else if (q.tab === 'json') replace(result, h('pre', { class: 'qm-json', id: 'qm-json' }, JSON.stringify(withoutBookkeeping({ columns: r.columns, rows: r.rows.slice(0, MAX_TABLE_ROWS) }), null, 2)));
    else replace(result, h('p', { class: 'muted' }, t('qmGraphOnCanvas')));
  };

  const draw = (s: State, prev: State | null) => {
    if (!prev || s.query.text !== prev.query.text) editor.setText(s.query.text);
    if (!prev || s.query.text !== prev.query.text || s.lang !== prev.lang) drawParams(s);
    if (!prev || s.queries !== prev.queries || s.query.history !== prev.query.history || s.lang !== prev.lang) drawSelects(s);
    if (!prev || s.query.status !== prev.query.status || s.query.result !== prev.query.result || s.query.error !== prev.query.error
      || s.query.tab !== prev.query.tab || s.lang !== prev.lang || (s.query.result?.keptGraph && s.graph !== prev.graph)) drawResult(s);
  };
  draw(s0, null);
  const off = store.subscribe((s, p) => draw(s, p));
  requestAnimationFrame(() => editor.focus());
  return () => {
    off();
    editor.destroy();
    root.remove();
  };
}
