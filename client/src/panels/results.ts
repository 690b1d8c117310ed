/*
 * The results table of the last curated query, under the canvas. A row click selects the entity the row is
 * about, so table and canvas stay two views of the same answer; sorting, copy and CSV come with the shared
 * result table.
 */
import { columnName, translate } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import { idOf, pageSummary } from '../state/query-results.ts';
import { localCell } from '../state/result-cells.ts';
import type { State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';
import { resultTable } from './result-table.ts';

function rowNode(row: Record<string, unknown>, s: State): string | null {
  const ids = Object.values(row).map(idOf).filter((id): id is string => !!id && !!s.graph.nodes[id]);
  return ids.find((id) => s.graph.nodes[id]?.label === 'Task') ?? ids[0] ?? null;
}

export function mountResults(el: HTMLElement, store: Store, actions: Actions): void {
  const draw = (s: State) => {
    const r = s.queryResult;
    // The drawer answers the curated forms of Explore; Query mode has its own table, Present none.
    el.hidden = !r || s.mode !== 'explore';
    if (!r) return;
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const paged = pageSummary(r, s.lang);
    const def = s.queries.data?.find((q) => q.name === r.name);
    // Sorted, copied and exported by the one result table (result-table.ts), headed in the UI's language;
    // the Cypher alias stays in the tooltip for those who adapt the query.
    const table = resultTable({
      id: 'results-table', lang: s.lang, columns: r.columns, rows: r.rows, name: r.name,
      header: (c) => columnName(s.lang, c),
      cell: (c, v) => localCell(s.lang, c, v, (id) => s.graph.nodes[id]?.name),
      rowClickable: (row) => !!rowNode(row, s),
      onRow: (row) => { const id = rowNode(row, store.get()); if (id) void actions.searchSelected(id); },
      notify: (text, kind) => actions.toast(text, kind),
    });
    replace(el,
      h('div', { class: 'results-head' },
        h('strong', {}, `${t('resultsTable')} · ${def?.title[s.lang] ?? r.name}`),
        h('span', { class: 'muted', id: 'results-count' }, `${paged ? paged.text : `${r.rows.length} ${t('rows')}`} · ${r.ms} ${t('milliseconds')}${r.truncated ? ` · ${t('truncated')}` : ''}`),
        table.tools,
        // A table-only answer leaves the canvas as it was; say so rather than let it pass for the answer.
        r.keptGraph && Object.keys(s.graph.nodes).length ? h('span', { class: 'results-kept', id: 'results-kept' }, t('tblKeptGraph')) : null,
        paged?.more && def && r.page
          ? h('button', { class: 'btn small', id: 'results-next', onclick: () => void actions.runQuery(def, { ...r.params, offset: r.page!.offset + r.page!.limit }) }, t('nextPage'))
          : null,
        h('button', { class: 'btn small', onclick: () => actions.closeResults() }, '×')),
      table.body);
  };
  draw(store.get());
  store.subscribe((s, prev) => { if (s.queryResult !== prev.queryResult || s.lang !== prev.lang || s.mode !== prev.mode) draw(s); });
}
