/*
 * Suggestions as you type (Chinese, aliases, pinyin), grouped by label. Used by the top search box and by
 * every entity parameter of a curated query, so both find entities the same way.
 */
import { api } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import { tf } from '../i18n/format.ts';
import type { SearchHit } from '../api/types.ts';
import { labelName, translate, type Lang } from '../i18n/index.ts';
import { settings, styleForLabel } from '../settings.ts';
import { debounce, h, replace } from './dom.ts';

export interface SuggestOptions {
  lang: () => Lang;
  labels?: string;
  onPick: (hit: SearchHit) => void;
  /**
   * Float the list over the page (fixed, placed under the field when shown) instead of inside the field's box:
   * for a field in a panel that clips what overflows it, such as the 分工表's agency field above the canvas.
   */
  floating?: boolean;
}

/** Groups hits by label, keeping the server's order inside a group and the order groups first appear. */
export function groupHits(hits: readonly SearchHit[]): [string, SearchHit[]][] {
  const m = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const g = m.get(hit.label) ?? [];
    g.push(hit);
    m.set(hit.label, g);
  }
  return [...m.entries()];
}

/**
 * The hit Enter takes when no suggestion is shown yet: the one whose name or printed alias is what was typed.
 * None when several are (市发改委 of three cities) or none is: then the suggestions are shown to choose from, since
 * a fuzzy best hit would silently answer for another body than the one meant.
 */
export function exactHit(hits: readonly SearchHit[], typed: string): SearchHit | undefined {
  const t = typed.trim().toLowerCase();
  const exact = hits.filter((hit) => hit.name.toLowerCase() === t || (hit.matched ?? '').toLowerCase() === t);
  return exact.length === 1 ? exact[0] : undefined;
}

export function attachSuggest(input: HTMLInputElement, opts: SuggestOptions): void {
  const box = h('div', { class: opts.floating ? 'suggest suggest-floating' : 'suggest', role: 'listbox', hidden: true });
  input.insertAdjacentElement('afterend', box);
  input.setAttribute('autocomplete', 'off');
  let hits: SearchHit[] = [];
  let active = 0;
  let seq = 0;

  const close = () => { box.hidden = true; };
  const show = () => {
    if (opts.floating) {
      const r = input.getBoundingClientRect();
      box.style.left = `${Math.round(r.left)}px`;
      box.style.top = `${Math.round(r.bottom + 2)}px`;
      box.style.minWidth = `${Math.round(r.width)}px`;
    }
    box.hidden = false;
  };
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    opts.onPick(hit);
  };
  const draw = () => {
    const lang = opts.lang();
    if (!hits.length) {
      replace(box, h('div', { class: 'suggest-empty' }, translate(lang, 'searchNoResults')));
      return;
    }
    replace(box, groupHits(hits).map(([label, group]) => h('div', { class: 'suggest-group' },
      h('div', { class: 'suggest-label' }, h('span', { class: 'dot', style: `background:${styleForLabel(settings, label).color}` }), labelName(lang, label)),
      group.map((hit) => {
        const idx = hits.indexOf(hit);
        return h('div', {
          class: `suggest-item${idx === active ? ' active' : ''}`, role: 'option', 'data-id': hit.id,
          onmousedown: (e: Event) => { e.preventDefault(); pick(hit); },
        }, h('span', { class: 'suggest-name' }, hit.name),
        hit.jurisdiction ? h('span', { class: 'suggest-where' }, hit.jurisdiction) : null,
        hit.matched && hit.matched !== hit.name ? h('span', { class: 'suggest-matched' }, `${translate(lang, 'searchMatched')}: ${hit.matched}`) : null);
      }))));
  };
  /** `enter`: asked for by Enter before suggestions came, which takes the one exact hit (exactHit) at once. */
  const runSearch = async (q: string, enter: boolean) => {
    const my = ++seq;
    if (!q.trim()) { hits = []; close(); return; }
    try {
      const r = await api.search(q.trim(), settings.searchLimit, opts.labels);
      if (my !== seq) return;
      const exact = enter ? exactHit(r, q) : undefined;
      if (exact) { pick(exact); return; }
      hits = r;
      active = 0;
      // Answers that arrive after the field lost focus (the form was submitted) must not pop up over it.
      if (document.activeElement !== input) return;
      show();
      draw();
    } catch (e) {
      // A failed search says so (the database may be down) instead of looking like "no results".
      if (my !== seq) return;
      hits = [];
      replace(box, h('div', { class: 'suggest-empty suggest-error', id: 'suggest-error', role: 'alert' }, tf(opts.lang(), 'searchFailed', { reason: errorText(opts.lang(), e) })));
      show();
    }
  };
  const search = debounce((q: string) => { void runSearch(q, false); }, settings.searchDebounceMs);

  input.addEventListener('input', () => search(input.value));
  input.addEventListener('focus', () => { if (hits.length && input.value) { show(); draw(); } });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      draw();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!box.hidden && hits.length) pick(hits[active]);
      // Enter before suggestions arrived: search now; take the one exact hit, else show the hits to choose from.
      else if (input.value.trim()) void runSearch(input.value, true);
    } else if (e.key === 'Escape') {
      close();
      input.blur();
    }
  });
}
