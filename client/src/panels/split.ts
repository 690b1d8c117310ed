/*
 * A resizable split between a panel (the query editor and its results, the present studio, the results
 * drawer) and the canvas. The canvas's half of the window is guaranteed by CSS (the canvas never shrinks
 * below 50vh, panels do and scroll); the handle only chooses how much of the rest the panel takes. It is
 * a keyboard-reachable separator (arrows, Home/End, Enter collapses) and its size is remembered per panel.
 */
import { translate, type Lang } from '../i18n/index.ts';
import { h } from './dom.ts';

export const SPLIT_KEY_PREFIX = 'policy-graph.split.';
/** Keyboard step in pixels (Shift: four times). */
const STEP = 24;
/** Below this a panel is shown collapsed rather than as an unusable sliver. */
const MIN_OPEN = 48;

export interface SplitState {
  /** Panel height in px chosen by the user; null = as tall as its content (within its limit). */
  size: number | null;
  collapsed: boolean;
}

/** Largest panel height that leaves the canvas its half of the window, given what else is in the column. */
export function maxPanelSize(columnHeight: number, windowHeight: number, others: number): number {
  return Math.max(0, Math.floor(columnHeight - others - Math.ceil(windowHeight / 2)));
}

export function clampSize(size: number, max: number): number {
  return Math.max(MIN_OPEN, Math.min(Math.max(MIN_OPEN, max), Math.round(size)));
}

export function parseSplit(text: string | null): SplitState {
  try {
    const v = JSON.parse(text ?? 'null') as Partial<SplitState> | null;
    return {
      size: typeof v?.size === 'number' && Number.isFinite(v.size) && v.size > 0 ? v.size : null,
      collapsed: v?.collapsed === true,
    };
  } catch {
    return { size: null, collapsed: false };
  }
}

export interface SplitOptions {
  /** Name under which the size is remembered (asked again on each apply: one panel host serves several modes). */
  key: () => string;
  panel: HTMLElement;
  /** Where the panel sits relative to the handle: above (dragging down enlarges it) or below. */
  side: 'above' | 'below';
  lang: () => Lang;
  /** Largest height the panel may take now. */
  max: () => number;
  /** Limit while the user has not chosen a size (defaults to max). */
  initialMax?: () => number;
}

export interface Split {
  handle: HTMLElement;
  /** Re-applies the remembered size (after the panel was shown again or the window changed). */
  apply(): void;
  state(): SplitState;
}

export function createSplit(opts: SplitOptions): Split {
  let storageKey = '';
  let st: SplitState = parseSplit(null);
  const load = () => {
    const key = SPLIT_KEY_PREFIX + opts.key();
    if (key === storageKey) return;
    storageKey = key;
    try { st = parseSplit(localStorage.getItem(key)); } catch { st = parseSplit(null); }
  };
  load();
  const toggle = h('button', { class: 'split-toggle', type: 'button', tabindex: -1 });
  const handle = h('div', {
    class: `split-handle split-${opts.side}`, role: 'separator', tabindex: 0, 'aria-orientation': 'horizontal', 'data-split': opts.key().split('.')[0],
  }, h('span', { class: 'split-grip' }), toggle);

  const save = () => {
    try { localStorage.setItem(storageKey, JSON.stringify(st)); } catch { /* private mode: the size lasts for the page */ }
  };
  const apply = () => {
    load();
    const max = opts.max();
    const p = opts.panel;
    p.classList.toggle('split-collapsed', st.collapsed);
    const limit = st.size === null && opts.initialMax ? Math.min(max, opts.initialMax()) : max;
    p.style.maxHeight = `${Math.max(0, limit)}px`;
    p.style.flexBasis = st.collapsed ? '0px' : st.size === null ? 'auto' : `${clampSize(st.size, max)}px`;
    const now = st.collapsed ? 0 : Math.round(p.getBoundingClientRect().height);
    const lang = opts.lang();
    handle.setAttribute('aria-valuemin', '0');
    handle.setAttribute('aria-valuemax', String(max));
    handle.setAttribute('aria-valuenow', String(now));
    handle.setAttribute('aria-label', translate(lang, 'splitLabel'));
    handle.title = translate(lang, 'splitHint');
    handle.dataset.collapsed = st.collapsed ? '1' : '';
    toggle.textContent = (opts.side === 'above') === st.collapsed ? '▾' : '▴';
    toggle.title = translate(lang, st.collapsed ? 'splitExpand' : 'splitCollapse');
  };
  const set = (next: SplitState) => {
    st = next;
    save();
    apply();
  };
  const current = () => (st.collapsed ? 0 : Math.round(opts.panel.getBoundingClientRect().height));
  const resizeTo = (px: number) => {
    if (px < MIN_OPEN / 2) return set({ size: st.size, collapsed: true });
    set({ size: clampSize(px, opts.max()), collapsed: false });
  };
  const grow = opts.side === 'above' ? 1 : -1;

  handle.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || e.target === toggle) return;
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const start = current();
    handle.classList.add('dragging');
    const move = (ev: PointerEvent) => resizeTo(start + grow * (ev.clientY - startY));
    const up = () => {
      handle.classList.remove('dragging');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  });
  handle.addEventListener('dblclick', () => set({ size: null, collapsed: false }));
  toggle.addEventListener('click', () => set({ ...st, collapsed: !st.collapsed }));
  handle.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const k = e.key;
    if (k === 'ArrowDown' || k === 'ArrowUp') resizeTo(current() + (k === 'ArrowDown' ? step : -step) * grow);
    else if (k === 'Home') resizeTo(MIN_OPEN);
    else if (k === 'End') resizeTo(opts.max());
    else if (k === 'Enter' || k === ' ') set({ ...st, collapsed: !st.collapsed });
    else return;
    e.preventDefault();
  });
  return { handle, apply, state: () => st };
}
