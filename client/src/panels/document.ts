/*
 * The document viewer: the original text with every evidence span of the document faintly marked and the
 * chosen span highlighted and scrolled into view.
 */
import { translate } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import type { State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';

/** Splits text into plain and highlighted pieces; the chosen span wins over the background spans. */
export function segments(text: string, focus: { start: number; end: number } | null): { text: string; focus: boolean }[] {
  if (!focus || focus.start >= focus.end || focus.start < 0 || focus.end > text.length) return [{ text, focus: false }];
  return [
    { text: text.slice(0, focus.start), focus: false },
    { text: text.slice(focus.start, focus.end), focus: true },
    { text: text.slice(focus.end), focus: false },
  ].filter((s) => s.text.length > 0);
}

export function mountDocument(el: HTMLElement, store: Store, actions: Actions): void {
  el.addEventListener('click', (e) => { if (e.target === el) actions.closeDocument(); });
  const draw = (s: State) => {
    const d = s.document;
    el.hidden = !d;
    if (!d) return;
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const doc = d.data?.document;
    const body = d.status === 'ok' && doc
      ? h('pre', { class: 'doc-text' }, segments(doc.text, d.highlight).map((seg) => (seg.focus ? h('mark', { class: 'focus', id: 'doc-focus' }, seg.text) : seg.text)))
      : h('div', { class: d.status === 'error' ? 'error' : 'muted' }, d.status === 'error' ? `${t('error')}: ${d.error ?? ''}` : t('loading'));
    replace(el, h('div', { class: 'doc-dialog', role: 'dialog' },
      h('div', { class: 'doc-head' },
        h('div', {}, h('div', { class: 'muted small' }, t('documentViewer')), h('h2', {}, doc?.title ?? d.id),
          doc ? h('div', { class: 'muted small' }, [doc.file, doc.issued ?? ''].filter(Boolean).join(' · ')) : null),
        h('button', { class: 'btn', id: 'doc-close', onclick: () => actions.closeDocument() }, t('close'))),
      body));
    const mark = el.querySelector('#doc-focus');
    if (mark) requestAnimationFrame(() => mark.scrollIntoView({ block: 'center' }));
  };
  draw(store.get());
  store.subscribe((s, prev) => { if (s.document !== prev.document || (s.document && s.lang !== prev.lang)) draw(s); });
}
