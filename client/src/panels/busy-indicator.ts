/*
 * The busy indicator (issue 15): a bar along the bottom edge of the top bar and a small spinning ring,
 * shown while some API call has been pending longer than 300 ms (api/pending-calls.ts decides; this
 * only draws). The areas that wait for the answer get aria-busy, and the indicator is a status with
 * a label in the UI's language, so a screen reader hears that the page is loading.
 */
import type { PendingCalls } from '../api/pending-calls.ts';
import { translate } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';
import './busy-indicator.css';

export function mountBusyIndicator(el: HTMLElement, store: Store, calls: Pick<PendingCalls, 'busy' | 'subscribe'>, waiting: readonly HTMLElement[]): () => void {
  el.classList.add('busy-indicator');
  el.setAttribute('role', 'status');
  el.replaceChildren(h('div', { class: 'busy-bar' }), h('div', { class: 'busy-ring' }));
  const label = () => {
    const text = translate(store.get().lang, 'busyLoading');
    el.setAttribute('aria-label', text);
    el.title = text;
  };
  const draw = (busy: boolean) => {
    el.hidden = !busy;
    el.dataset.busy = String(busy);
    for (const area of waiting) {
      if (busy) area.setAttribute('aria-busy', 'true');
      else area.removeAttribute('aria-busy');
    }
  };
  label();
  draw(calls.busy());
  const off = calls.subscribe(draw);
  const offLang = store.subscribe((s, p) => { if (s.lang !== p.lang) label(); });
  return () => { off(); offLang(); };
}
