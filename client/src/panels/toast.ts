/*
 * Transient messages (errors from the API, "no path found"). A message that is a known key is translated.
 */
import { messageKeys, translate, type MessageKey } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';

export function mountToast(el: HTMLElement, store: Store): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((s, prev) => {
    // A message said in the other language would stay up to 5 s beside a UI that no longer speaks it.
    if (s.lang !== prev.lang && !el.hidden) {
      el.hidden = true;
      if (timer) clearTimeout(timer);
    }
    if (s.toast === prev.toast || !s.toast) return;
    const text = s.toast.text;
    el.textContent = (messageKeys() as string[]).includes(text) ? translate(s.lang, text as MessageKey) : text;
    el.className = `toast ${s.toast.kind}`;
    el.hidden = false;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => (el.hidden = true), 5000);
  });
}
