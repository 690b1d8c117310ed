/*
 * The top bar: title, the search box (press / to focus), the mode switch and the language toggle.
 */
import { translate } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import type { ModeId, State, Store } from '../state/store.ts';
import { h } from './dom.ts';
import { attachSuggest } from './suggest.ts';

const MODES: [ModeId, 'modeExplore' | 'modeLibrary' | 'modeAnalysis' | 'modeQuery' | 'modePresent'][] = [
  ['explore', 'modeExplore'], ['library', 'modeLibrary'], ['analysis', 'modeAnalysis'], ['query', 'modeQuery'], ['present', 'modePresent'],
];

export function mountTopbar(el: HTMLElement, store: Store, actions: Actions): void {
  const title = h('div', { class: 'brand' }, h('strong', { id: 'app-title' }), h('span', { class: 'muted', id: 'app-subtitle' }));
  const input = h('input', { type: 'search', id: 'search', class: 'search-input' });
  const search = h('div', { class: 'search' }, input);
  const tabs = h('nav', { class: 'modes', role: 'tablist' });
  const lang = h('button', { class: 'btn', id: 'lang-toggle', onclick: () => actions.setLanguage(store.get().lang === 'zh' ? 'en' : 'zh') });
  el.append(title, search, tabs, lang);
  attachSuggest(input, {
    lang: () => store.get().lang,
    onPick: (hit) => { input.value = ''; input.blur(); void actions.searchSelected(hit.id); },
  });

  const draw = (s: State) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('appTitle')} · ${t('appSubtitle')}`;
    title.children[0]!.textContent = t('appTitle');
    title.children[1]!.textContent = t('appSubtitle');
    input.placeholder = t('searchPlaceholder');
    lang.textContent = t('language');
    lang.title = t('languageTitle');
    tabs.replaceChildren(...MODES.map(([id, key]) =>
      h('button', { class: `tab${s.mode === id ? ' active' : ''}`, role: 'tab', 'data-mode': id, 'aria-selected': s.mode === id ? 'true' : 'false', onclick: () => actions.setMode(id) }, t(key))));
  };
  draw(store.get());
  store.subscribe((s, prev) => { if (s.lang !== prev.lang || s.mode !== prev.mode) draw(s); });
}
