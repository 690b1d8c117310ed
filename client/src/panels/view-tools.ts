/*
 * The toolbar's view actions, in every mode: copy a share link of the whole view, and present the view
 * full screen without saving a scene first. The link's field opens under the toolbar and closes with ×.
 */
import { translate } from '../i18n/index.ts';
import type { Console } from '../console/console.ts';
import { shareInto } from '../share/share-view.ts';
import type { Actions } from '../state/actions.ts';
import type { State, Store } from '../state/store.ts';
import { h } from './dom.ts';

export function mountViewTools(el: HTMLElement, store: Store, actions: Actions, c: Console): void {
  const out = h('div', { class: 'view-share-body' });
  const closeBtn = h('button', { class: 'btn small', onclick: () => { pop.hidden = true; } }, '×');
  const pop = h('div', { class: 'view-share', id: 'view-share', hidden: true }, out, closeBtn);
  const share = h('button', { class: 'btn', id: 'view-share-link', onclick: async () => {
    await shareInto(out, { store, actions, share: c.share, scenes: c.scenes }, 'view-');
    pop.hidden = false;
    out.querySelector<HTMLInputElement>('input')?.select();
  } });
  const present = h('button', { class: 'btn', id: 'present-view', onclick: () => void c.present.presentView() });
  el.append(share, present, pop);
  const draw = (s: State) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const empty = Object.keys(s.graph.nodes).length === 0;
    share.textContent = t('shLinkView');
    share.title = t('shLinkViewTitle');
    present.textContent = `▶ ${t('presentView')}`;
    present.title = t('presentViewTitle');
    // Analysis mode's tab and filters are a view worth sharing even over an empty canvas.
    share.disabled = empty && s.mode !== 'analysis';
    present.disabled = empty;
  };
  draw(store.get());
  store.subscribe((s, p) => {
    if (s.lang !== p.lang || s.graph !== p.graph || s.mode !== p.mode) draw(s);
    // The link describes the view it was made from; another mode, graph or analysis filter needs a new one.
    if (s.mode !== p.mode || s.graph !== p.graph || s.analysis !== p.analysis) pop.hidden = true;
  });
  pop.addEventListener('keydown', (e) => { if (e.key === 'Escape') pop.hidden = true; });
}
