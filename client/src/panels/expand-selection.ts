/*
 * Expanding several nodes at once (issue 15): a small panel over the canvas with the relationship types
 * and neighbour kinds of the whole selection (distinct neighbours per type and kind, from the server),
 * an Expand button, and after it "50 of 230 shown" with the next page.
 */
import { labelName, relName, translate } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import { countsBy } from '../state/explore-state.ts';
import type { State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';
import { fill } from './fill.ts';

export function mountExpandSelection(el: HTMLElement, store: Store, actions: Actions): void {
  // The chosen type and kind survive redraws (counts arriving, a page added) until the panel closes.
  let type = '';
  let label = '';
  const draw = (s: State) => {
    const x = s.explore.expansion;
    el.hidden = !s.explore.expandOpen || !x;
    if (!s.explore.expandOpen || !x) { type = ''; label = ''; return; }
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const types = countsBy(x.counts, 'type');
    const labels = countsBy(x.counts, 'label', type || null);
    const all = countsBy(x.counts, 'label').reduce((a, [, n]) => a + n, 0);
    const sameAsShown = x.status !== 'loading' && (x.type ?? '') === type && (x.label ?? '') === label && x.shown > 0;
    replace(el,
      h('div', { class: 'menu-title' }, fill(t('exExpandHead'), { n: x.ids.length }),
        h('button', { class: 'link small expand-close', title: t('close'), onclick: () => actions.closeExpand() }, '×')),
      h('label', { class: 'param' }, h('span', {}, t('exByType')),
        h('select', { id: 'expand-type', onchange: (e: Event) => { type = (e.target as HTMLSelectElement).value; label = ''; draw(store.get()); } },
          h('option', { value: '' }, `${t('exAnyType')} (${all})`),
          types.map(([ty, n]) => h('option', { value: ty, selected: ty === type }, `${relName(s.lang, ty)} (${n})`)))),
      h('label', { class: 'param' }, h('span', {}, t('exByLabel')),
        h('select', { id: 'expand-label', onchange: (e: Event) => { label = (e.target as HTMLSelectElement).value; draw(store.get()); } },
          h('option', { value: '' }, t('exAnyLabel')),
          labels.map(([l, n]) => h('option', { value: l, selected: l === label }, `${labelName(s.lang, l)} (${n})`)))),
      h('div', { class: 'expand-actions' },
        h('button', { class: 'btn', id: 'expand-go', disabled: x.status === 'loading', onclick: () => void actions.expandSelection({ type: type || null, label: label || null }) }, t('exExpandGo')),
        sameAsShown && x.shown < x.total
          ? h('button', { class: 'btn', id: 'expand-more', onclick: () => void actions.expandSelection({ more: true }) }, t('exShowMore')) : null),
      x.status === 'error' ? h('div', { class: 'error small' }, x.error ?? '') : null,
      sameAsShown ? h('div', { class: 'muted small', id: 'expand-status' }, fill(t('exShownOf'), { n: x.shown, m: x.total })) : null);
  };
  draw(store.get());
  store.subscribe((s, prev) => {
    if (s.explore.expandOpen !== prev.explore.expandOpen || s.explore.expansion !== prev.explore.expansion || s.lang !== prev.lang) draw(s);
  });
}
