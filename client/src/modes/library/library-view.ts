/*
 * The document library (Documents mode): every loaded document with what was read from it, in a table
 * above the canvas that sorts by any column, filters by year, issuer and kind (facets with counts),
 * searches titles and pages through large archives — all done by GET /api/documents, so a 2,000-document
 * archive costs one page. A row opens the reading view (reading-view.ts) beside the canvas; removal
 * (remove-dialog.ts) is offered only to a client the server lets write. Both re-fetch when
 * state.documentsVersion changes (an upload, a replacement or a removal anywhere in the app).
 */
import type { ModeContext } from '../mode.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import { h, replace, debounce } from '../../panels/dom.ts';
import { errorText } from '../../api/error-text.ts';
import { tf } from '../../i18n/format.ts';
import { libraryApi } from './library-api.ts';
import { fileName, filtered, formatLoadedAt, formatSize, initialLibraryQuery, kindName, lastPageOffset, pageRange, sortBy, turnPage } from './library-model.ts';
import type { DocumentCounts, LibraryPage, LibraryQuery, LibraryRow, LibrarySortKey } from './library-types.ts';
import { mountReading, type ReadingView } from './reading-view.ts';
import { confirmRemoval } from './remove-dialog.ts';
import './library.css';

interface Column {
  id: string;
  head: MessageKey;
  sort?: LibrarySortKey;
  numeric?: boolean;
  cell(d: LibraryRow, ctx: ModeContext): Node | string;
}

const count = (k: keyof DocumentCounts) => (d: LibraryRow) => (d.counts ? String(d.counts[k]) : '—');

const COLUMNS: Column[] = [
  { id: 'title', head: 'libColTitle', sort: 'title', cell: (d) => h('span', { class: 'lib-title' }, d.title || d.docId) },
  // The area has its own column (and filter): squeezed behind the issuer it was cut off (福州市人民政府 · 福…), and in
  // an archive of several cities it is what tells two 市政府办公室 apart. An issuer not read says so, muted: a
  // bare dash reads as 一 in a CJK font.
  { id: 'jurisdiction', head: 'hjArea', cell: (d, ctx) => d.jurisdiction ?? h('span', { class: 'muted' }, translate(ctx.store.get().lang, 'hjAreaUnknown')) },
  {
    id: 'issuer', head: 'libColIssuer', sort: 'issuer',
    cell: (d, ctx) => d.issuer ?? h('span', { class: 'muted' }, translate(ctx.store.get().lang, 'upNotRead')),
  },
  { id: 'issued', head: 'libColIssued', sort: 'issued', cell: (d) => d.issued ?? d.year ?? '—' },
  { id: 'kind', head: 'libColKind', cell: (d, ctx) => kindName(ctx.store.get().lang, d.kind) },
  { id: 'file', head: 'libColFile', sort: 'file', cell: (d) => h('span', { class: 'lib-file' }, fileName(d.file)) },
  { id: 'size', head: 'libColSize', sort: 'size', numeric: true, cell: (d) => formatSize(d.size) },
  { id: 'loadedAt', head: 'libColLoaded', sort: 'loadedAt', cell: (d) => formatLoadedAt(d.loadedAt) },
  { id: 'tasks', head: 'libColTasks', sort: 'tasks', numeric: true, cell: count('tasks') },
  { id: 'responsibilities', head: 'libColResponsibilities', sort: 'responsibilities', numeric: true, cell: count('responsibilities') },
  { id: 'entities', head: 'libColEntities', sort: 'entities', numeric: true, cell: count('entities') },
  { id: 'targets', head: 'libColTargets', sort: 'targets', numeric: true, cell: count('targets') },
  { id: 'warnings', head: 'libColWarnings', sort: 'warnings', numeric: true, cell: count('warnings') },
];

export function mountLibrary(host: HTMLElement, ctx: ModeContext): () => void {
  const { store } = ctx;
  const t = (k: MessageKey) => translate(store.get().lang, k);
  let query: LibraryQuery = initialLibraryQuery();
  let page: LibraryPage | null = null;
  let error: string | null = null;
  let canWrite = false;
  let asked = 0;
  let alive = true;

  const search = h('input', { id: 'lib-search', type: 'search', class: 'lib-search' }) as HTMLInputElement;
  const selects = {
    year: h('select', { id: 'lib-year' }) as HTMLSelectElement,
    issuer: h('select', { id: 'lib-issuer' }) as HTMLSelectElement,
    kind: h('select', { id: 'lib-kind' }) as HTMLSelectElement,
    jurisdiction: h('select', { id: 'lib-jurisdiction' }) as HTMLSelectElement,
  };
  const labels = { year: h('span', {}), issuer: h('span', {}), kind: h('span', {}), jurisdiction: h('span', {}) };
  const range = h('span', { id: 'lib-range', class: 'lib-range' });
  const prev = h('button', { id: 'lib-prev', class: 'btn', type: 'button' }) as HTMLButtonElement;
  const next = h('button', { id: 'lib-next', class: 'btn', type: 'button' }) as HTMLButtonElement;
  const table = h('table', { id: 'lib-table', class: 'lib-table' });
  const status = h('div', { class: 'lib-status' });
  const root = h('div', { class: 'library', id: 'library' },
    h('div', { class: 'lib-bar' },
      search,
      h('label', { class: 'lib-filter' }, labels.year, selects.year),
      h('label', { class: 'lib-filter' }, labels.jurisdiction, selects.jurisdiction),
      h('label', { class: 'lib-filter' }, labels.issuer, selects.issuer),
      h('label', { class: 'lib-filter' }, labels.kind, selects.kind),
      h('span', { class: 'lib-paging' }, prev, range, next)),
    status,
    h('div', { class: 'lib-scroll' }, table));
  host.append(root);

  const reading: ReadingView = mountReading(host, ctx, {
    canWrite: () => canWrite,
    remove: (doc) => confirmRemoval(ctx, doc),
  });

  const load = async () => {
    const mine = ++asked;
    try {
      const answer = await libraryApi.page(query);
      if (!alive || mine !== asked) return;
      // The page shown emptied (its last documents were removed): show the last page that has rows.
      if (!answer.documents.length && query.offset > 0 && answer.total > 0) return ask({ ...query, offset: lastPageOffset(answer.total, query.limit) });
      page = answer;
      error = null;
    } catch (e) {
      if (!alive || mine !== asked) return;
      error = errorText(store.get().lang, e);
    }
    draw();
  };
  const ask = (q: LibraryQuery) => { query = q; void load(); };

  search.addEventListener('input', debounce(() => ask(filtered(query, { q: search.value })), 250));
  for (const key of ['year', 'issuer', 'kind', 'jurisdiction'] as const) {
    selects[key].addEventListener('change', () => ask(filtered(query, { [key]: selects[key].value })));
  }
  prev.addEventListener('click', () => ask(turnPage(query, page?.total ?? 0, -1)));
  next.addEventListener('click', () => ask(turnPage(query, page?.total ?? 0, 1)));

  /** Rebuilds a facet's options (value and "value (count)"), keeping the choice. */
  const fillSelect = (sel: HTMLSelectElement, options: { value: string; text: string }[], chosen: string) => {
    replace(sel, h('option', { value: '' }, t('libAll')), options.map((o) => h('option', { value: o.value }, o.text)));
    sel.value = chosen;
  };

  const headCell = (c: Column) => {
    const sorted = page && c.sort && page.sort === c.sort ? page.order : null;
    const arrow = sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : '';
    return h('th', {
      'data-col': c.id, class: c.numeric ? 'num' : '',
      'aria-sort': sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : c.sort ? 'none' : null,
    }, c.sort
      ? h('button', { type: 'button', class: 'lib-sort', 'data-sort': c.sort, title: t('libSortHint'), onclick: () => ask(sortBy(query, page, c.sort!)) }, t(c.head), arrow)
      : t(c.head));
  };

  const row = (d: LibraryRow) => h('tr', {
    'data-doc': d.docId, class: reading.openId() === d.docId ? 'lib-row open' : 'lib-row', tabindex: 0,
    title: t('libOpenHint'),
    onclick: () => reading.open(d.docId),
    onkeydown: (e: Event) => { if ((e as KeyboardEvent).key === 'Enter') reading.open(d.docId); },
  },
  COLUMNS.map((c) => {
    const cell = c.cell(d, ctx);
    return h('td', { 'data-col': c.id, class: c.numeric ? 'num' : '', title: c.numeric ? null : (typeof cell === 'string' ? cell : cell.textContent) }, cell);
  }),
  canWrite ? h('td', { class: 'lib-actions' }, h('button', {
    type: 'button', class: 'btn lib-remove', 'data-doc': d.docId, title: t('libRemove'),
    onclick: (e: Event) => { e.stopPropagation(); confirmRemoval(ctx, d); },
  }, t('libRemove'))) : null);

  function draw(): void {
    const lang = store.get().lang;
    search.placeholder = t('libSearch');
    labels.year.textContent = t('libYear');
    labels.issuer.textContent = t('libIssuer');
    labels.kind.textContent = t('libKind');
    labels.jurisdiction.textContent = t('hjArea');
    prev.textContent = t('libPrev');
    next.textContent = t('libNext');
    const f = page?.facets;
    fillSelect(selects.year, (f?.years ?? []).map((y) => ({ value: y.year, text: `${y.year} (${y.count})` })), query.year);
    fillSelect(selects.issuer, (f?.issuers ?? []).map((i) => ({ value: i.issuer, text: `${i.issuer} (${i.count})` })), query.issuer);
    fillSelect(selects.kind, (f?.kinds ?? []).map((k) => ({ value: k.kind, text: `${kindName(lang, k.kind)} (${k.count})` })), query.kind);
    fillSelect(selects.jurisdiction, (f?.jurisdictions ?? []).map((j) => ({ value: j.jurisdiction, text: `${j.jurisdiction} (${j.count})` })), query.jurisdiction);
    if (page) {
      const r = pageRange(page);
      range.textContent = tf(lang, 'libRange', r);
      prev.disabled = page.offset === 0;
      next.disabled = r.to >= r.total;
    } else {
      range.textContent = '';
      prev.disabled = next.disabled = true;
    }
    status.hidden = !error && !(page && page.documents.length === 0);
    status.className = error ? 'lib-status error' : 'lib-status muted';
    status.textContent = error ?? (page && page.documents.length === 0 ? t('libEmpty') : '');
    replace(table,
      h('thead', {}, h('tr', {}, COLUMNS.map(headCell), canWrite ? h('th', {}, '') : null)),
      h('tbody', {}, (page?.documents ?? []).map(row)));
  }

  draw();
  void load();
  ctx.api.capabilities().then((c) => {
    if (!alive) return;
    canWrite = c.write.allowed;
    draw();
    reading.redraw();
  }, () => undefined);
  const off = store.subscribe((s, p) => {
    if (s.documentsVersion !== p.documentsVersion) { void load(); reading.refresh(); }
    if (s.lang !== p.lang) draw();
  });
  const offOpen = reading.onChange(() => draw());
  return () => {
    alive = false;
    off();
    offOpen();
    reading.destroy();
    root.remove();
  };
}
