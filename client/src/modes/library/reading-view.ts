/*
 * The reading view: one document's full text with every fact drawn from it highlighted by type (a colour
 * per category with a legend that toggles it), in a wide sheet beside the canvas — the library above the
 * canvas steps aside while it is open, so the canvas keeps its full height and the details panel its
 * place. A click on a highlight selects that entity on the canvas (adding it when absent) and its details
 * show on the right; a button puts the document's plan with its tasks and agencies on the canvas through
 * the curated plan-outline query. The text is only ever set as text nodes (never HTML).
 */
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { labelName, translate, type MessageKey } from '../../i18n/index.ts';
import { h, replace } from '../../panels/dom.ts';
import type { ModeContext } from '../mode.ts';
import { tf } from '../../i18n/format.ts';
import { libraryApi } from './library-api.ts';
import { fileName, formatSize, kindName } from './library-model.ts';
import type { DocumentReadings } from './library-types.ts';
import { categoryColor, categoryCounts, READING_CATEGORIES, readingTree, type ReadingCategory, type ReadingNode } from './reading-model.ts';
import type { RemovableDocument } from './remove-dialog.ts';

export interface ReadingView {
  open(docId: string): void;
  close(): void;
  openId(): string | null;
  /** Fetches the open document again (documents changed); closes it when it is gone. */
  refresh(): void;
  /** Draws again (the write permission became known). */
  redraw(): void;
  onChange(fn: () => void): () => void;
  destroy(): void;
}

export interface ReadingOptions {
  canWrite(): boolean;
  remove(doc: RemovableDocument): void;
}

const PLAN_QUERY = 'plan-outline';

export function mountReading(host: HTMLElement, ctx: ModeContext, opts: ReadingOptions): ReadingView {
  const { store, actions } = ctx;
  const t = (k: MessageKey) => translate(store.get().lang, k);
  const shell = host.closest('.shell');
  const sheet = h('aside', { class: 'reading-sheet', id: 'reading', hidden: true, 'aria-live': 'polite' });
  shell?.append(sheet);
  const listeners = new Set<() => void>();
  const hiddenCats = new Set<ReadingCategory>();
  let docId: string | null = null;
  let data: DocumentReadings | null = null;
  let error: string | null = null;
  let asked = 0;

  const changed = () => { for (const fn of listeners) fn(); };

  const fetchOpen = async (id: string, closeIfGone: boolean) => {
    const mine = ++asked;
    try {
      const answer = await libraryApi.readings(id);
      if (mine !== asked || docId !== id) return;
      data = answer;
      error = null;
    } catch (e) {
      if (mine !== asked || docId !== id) return;
      if (closeIfGone && e instanceof ApiError && e.status === 404) return view.close();
      error = errorText(store.get().lang, e);
    }
    draw();
  };

  const setOpen = (open: boolean) => {
    sheet.hidden = !open;
    shell?.classList.toggle('reading-open', open);
    // The library steps aside so the canvas keeps the column's height beside the text.
    host.hidden = open;
    requestAnimationFrame(() => ctx.cy.resize());
  };

  const planDef = () => store.get().queries.data?.find((q) => q.name === PLAN_QUERY);

  const putPlan = () => {
    const def = planDef();
    const plan = data?.document.plan;
    if (def && plan) void actions.runQuery(def, { plan });
  };

  /** The innermost mark under the pointer whose category is shown. */
  const markAt = (target: EventTarget | null): HTMLElement | null => {
    let el = target instanceof Element ? target.closest<HTMLElement>('mark.rd-mark') : null;
    while (el && hiddenCats.has(el.dataset.cat as ReadingCategory)) el = el.parentElement?.closest<HTMLElement>('mark.rd-mark') ?? null;
    return el;
  };

  const render = (nodes: ReadingNode[]): (Node | string)[] => nodes.map((n) => {
    if (n.kind === 'text') return n.text;
    const lang = store.get().lang;
    const names = n.entities.map((e) => `${labelName(lang, e.label)} · ${e.name}`).join('\n');
    return h('mark', {
      class: 'rd-mark', 'data-cat': n.category, 'data-entity': n.entities[0]!.id, 'data-label': n.entities[0]!.label,
      title: names, style: `--c: ${categoryColor(n.category)}`,
    }, render(n.children));
  });

  const markSelected = () => {
    const sel = store.get().selected;
    for (const m of sheet.querySelectorAll<HTMLElement>('mark.rd-mark')) m.classList.toggle('rd-selected', !!sel && m.dataset.entity === sel);
  };

  const text = h('div', { class: 'rd-text', id: 'rd-text' });
  text.addEventListener('click', (e) => {
    const m = markAt(e.target);
    if (m?.dataset.entity) void actions.searchSelected(m.dataset.entity);
  });

  const applyToggles = () => {
    text.className = ['rd-text', ...[...hiddenCats].map((c) => `hide-${c}`)].join(' ');
    for (const b of sheet.querySelectorAll<HTMLElement>('.rd-cat')) {
      const off = hiddenCats.has(b.dataset.cat as ReadingCategory);
      b.classList.toggle('off', off);
      b.setAttribute('aria-pressed', off ? 'false' : 'true');
    }
  };

  function legend(d: DocumentReadings) {
    const counts = categoryCounts(d.readings);
    return h('div', { class: 'rd-legend', id: 'rd-legend', role: 'group', 'aria-label': t('readLegend') },
      READING_CATEGORIES.filter((c) => counts[c.id] > 0).map((c) => h('button', {
        type: 'button', class: 'rd-cat', 'data-cat': c.id, title: t('readToggleHint'), style: `--c: ${categoryColor(c.id)}`,
        onclick: () => {
          if (hiddenCats.has(c.id)) hiddenCats.delete(c.id); else hiddenCats.add(c.id);
          applyToggles();
        },
      }, h('span', { class: 'rd-swatch' }), t(`readCat.${c.id}` as MessageKey), h('span', { class: 'rd-count' }, String(counts[c.id])))));
  }

  const head = h('div', { class: 'rd-head' });
  const body = h('div', { class: 'rd-body' });
  let rendered: DocumentReadings | null = null;
  let renderedLang = store.get().lang;

  function draw(): void {
    if (!docId) return;
    const lang = store.get().lang;
    const d = data?.document;
    const meta = d ? [d.issuer, d.jurisdiction, d.issued, kindName(lang, d.kind), fileName(d.file), formatSize(d.size)].filter(Boolean).join(' · ') : '';
    const counts = d?.counts;
    const canPut = !!(d?.plan && planDef());
    replace(head,
      h('div', { class: 'rd-top' },
        h('button', { type: 'button', class: 'btn', id: 'rd-back', onclick: () => view.close() }, t('readBack')),
        h('span', { class: 'rd-actions' },
          h('button', {
            type: 'button', class: 'btn primary', id: 'rd-plan', disabled: !canPut,
            title: d?.plan ? t('readPutPlanHint') : t('readNoPlan'), onclick: putPlan,
          }, t('readPutPlan')),
          opts.canWrite() && d ? h('button', {
            type: 'button', class: 'btn danger', id: 'rd-remove',
            onclick: () => opts.remove({ docId: d.docId, title: d.title, counts: d.counts }),
          }, t('libRemove')) : null)),
      h('h2', { id: 'rd-title' }, d?.title ?? docId),
      d ? h('div', { class: 'muted small' }, meta) : null,
      counts ? h('div', { class: 'rd-counts small', id: 'rd-counts' }, tf(lang, 'readCounts', { ...counts })) : null,
      data ? legend(data) : null,
      data ? h('div', { class: 'muted small' }, t('readHint')) : null);
    // The text is drawn again only for a new answer (or language: the marks' titles), so toggling a
    // category or a new selection keeps the reader's place.
    if (error) replace(body, h('div', { class: 'error lib-status' }, error));
    else if (!data) replace(body, h('div', { class: 'muted lib-status' }, t('loading')));
    else {
      if (rendered !== data || renderedLang !== lang) {
        replace(text, render(readingTree(data.document.text, data.readings)));
        rendered = data;
        renderedLang = lang;
      }
      if (text.parentElement !== body) replace(body, text);
      markSelected();
    }
    applyToggles();
  }
  replace(sheet, head, body);

  const view: ReadingView = {
    open(id) {
      if (docId !== id) { data = null; error = null; body.scrollTop = 0; }
      docId = id;
      setOpen(true);
      draw();
      void fetchOpen(id, false);
      changed();
    },
    close() {
      docId = null; data = null; error = null; asked++;
      setOpen(false);
      changed();
    },
    openId: () => docId,
    refresh() { if (docId) void fetchOpen(docId, true); },
    redraw: () => draw(),
    onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    destroy() {
      off();
      asked++;
      shell?.classList.remove('reading-open');
      sheet.remove();
      listeners.clear();
    },
  };
  const off = store.subscribe((s, p) => {
    if (s.selected !== p.selected) markSelected();
    if (s.lang !== p.lang || s.queries !== p.queries) draw();
  });
  return view;
}
