/*
 * The title option of exported images: a tick box and a text field. The field offers the view's caption,
 * else the name of the scene on the canvas, and follows them until the user types their own title; an
 * empty field or an unticked box exports without a title.
 */
import { translate } from '../i18n/index.ts';
import { h } from '../panels/dom.ts';
import type { State, Store } from '../state/store.ts';

/** The title an export offers for the view: its caption, else the current scene's name, else nothing. */
export function defaultExportTitle(s: Pick<State, 'scenes'>): string {
  const caption = s.scenes.caption.trim();
  if (caption) return caption;
  return s.scenes.list.find((sc) => sc.id === s.scenes.current)?.name ?? '';
}

export interface TitleField {
  el: HTMLElement;
  /** The title to draw ('' = none). */
  value(): string;
  dispose(): void;
}

export function mountExportTitle(store: Store, idPrefix = ''): TitleField {
  const on = h('input', { type: 'checkbox', id: `${idPrefix}export-title-on`, checked: true });
  const word = h('span', {});
  const input = h('input', { type: 'text', class: 'st-input st-title', id: `${idPrefix}export-title` });
  let edited = false;
  input.addEventListener('input', () => { edited = true; });
  on.addEventListener('change', () => { input.disabled = !on.checked; });
  const el = h('span', { class: 'st-title-option' }, h('label', { class: 'st-legend-option' }, on, word), input);
  const draw = (s: State) => {
    word.textContent = translate(s.lang, 'exTitleOption');
    input.placeholder = translate(s.lang, 'exTitlePlaceholder');
    if (!edited) input.value = defaultExportTitle(s);
  };
  draw(store.get());
  const off = store.subscribe((s, p) => { if (s.lang !== p.lang || s.scenes !== p.scenes) draw(s); });
  return { el, value: () => (on.checked ? input.value.trim() : ''), dispose: off };
}
