/*
 * The node menu (double-click or right-click): expand by relationship type with "50 of 230 — show more",
 * and hide, pin, remove, find path. Totals come from the last expand or, before one, the node's degree.
 * Explore further (issue 15): expand all selected nodes, select all of this node's kind, and for a plan
 * or a document, what it touches (its tasks' parks, platforms, companies and agencies) in one step.
 */
import { labelName, relName, translate } from '../i18n/index.ts';
import { fill } from './fill.ts';
import type { Actions } from '../state/actions.ts';
import type { State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';

export function mountMenu(el: HTMLElement, store: Store, actions: Actions): void {
  const draw = (s: State) => {
    const m = s.expandMenu;
    el.hidden = !m;
    if (!m) return;
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const node = s.graph.nodes[m.nodeId];
    const degree = s.details?.id === m.nodeId ? s.details.data?.degree : undefined;
    const totals = Object.keys(m.totals).length ? m.totals : (degree ?? {});
    const all = Object.values(totals).reduce((a, b) => a + b, 0);
    const line = (key: string, label: string, total: number) => {
      const loaded = m.loaded[key] ?? 0;
      const more = loaded > 0 && loaded < total;
      return h('div', { class: 'menu-row' },
        h('button', { class: 'menu-item', 'data-type': key, onclick: () => void actions.expandNode(m.nodeId, key === '*' ? {} : { type: key }) }, label),
        h('span', { class: 'muted small' }, loaded ? `${Math.min(loaded, total)} ${t('ofTotal')} ${total}` : String(total)),
        more ? h('button', { class: 'link small show-more', onclick: () => void actions.expandNode(m.nodeId, { ...(key === '*' ? {} : { type: key }), more: true }) }, t('showMore')) : null);
    };
    replace(el,
      h('div', { class: 'menu-title' }, node?.name ?? m.nodeId),
      h('div', { class: 'menu-section muted small' }, t('expandByType')),
      line('*', t('expandAll'), all),
      Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([type, n]) => line(type, relName(s.lang, type), n)),
      h('hr'),
      node && (node.label === 'Plan' || node.label === 'Document')
        ? h('button', { class: 'menu-item', id: 'menu-touches', onclick: () => void actions.planTouches(m.nodeId) }, t('exTouches')) : null,
      s.explore.selection.length > 1 && s.explore.selection.includes(m.nodeId)
        ? h('button', { class: 'menu-item', id: 'menu-expand-selection', onclick: () => void actions.openExpand() },
          `${t('exExpandSelection')} (${fill(t('exSelected'), { n: s.explore.selection.length })})`) : null,
      node ? h('button', { class: 'menu-item', id: 'menu-select-label', onclick: () => actions.selectLabel(node.label) },
        `${t('exMenuSelectLabel')}(${labelName(s.lang, node.label)})`) : null,
      h('button', { class: 'menu-item', id: 'menu-hide', onclick: () => { actions.hide([m.nodeId]); actions.closeMenu(); } }, t('hide')),
      h('button', { class: 'menu-item', id: 'menu-pin', onclick: () => { actions.pin([m.nodeId], !node?.pinned); actions.closeMenu(); } }, node?.pinned ? t('unpin') : t('pin')),
      h('button', { class: 'menu-item', id: 'menu-remove', onclick: () => actions.remove([m.nodeId]) }, t('remove')),
      h('button', { class: 'menu-item', id: 'menu-path', onclick: () => actions.startPath(m.nodeId) }, t('findPath')));
    const host = el.parentElement;
    const x = Math.min(m.x + 12, (host?.clientWidth ?? 800) - 240);
    const y = Math.min(m.y + 12, (host?.clientHeight ?? 600) - el.offsetHeight - 8);
    el.style.left = `${Math.max(4, x)}px`;
    el.style.top = `${Math.max(4, y)}px`;
  };
  draw(store.get());
  store.subscribe((s, prev) => {
    if (s.expandMenu !== prev.expandMenu || s.lang !== prev.lang || (s.expandMenu && (s.details !== prev.details || s.graph !== prev.graph || s.explore.selection !== prev.explore.selection))) draw(s);
  });
}
