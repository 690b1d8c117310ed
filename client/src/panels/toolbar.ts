/*
 * Canvas toolbar: layouts, fit, undo/redo, show hidden, clear, and hide/pin/remove for a box selection.
 * Buttons are enabled from state (history length, hidden count), never from the canvas.
 */
import { translate } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import type { LayoutName, State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';

export interface ToolbarDeps {
  fit(): void;
  /** Ids selected on the canvas (box selection), falling back to the selected node. */
  selectedIds(): string[];
}

const LAYOUTS: [LayoutName, Parameters<typeof translate>[1]][] = [
  ['fcose', 'layoutForce'], ['dagre', 'layoutHierarchy'], ['concentric', 'layoutConcentric'], ['grid', 'layoutGrid'],
];

export function mountToolbar(el: HTMLElement, store: Store, actions: Actions, deps: ToolbarDeps): void {
  const draw = (s: State) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const hidden = Object.keys(s.graph.hidden).length;
    const empty = Object.keys(s.graph.nodes).length === 0;
    const selectedCount = s.explore.selection.filter((id) => s.graph.nodes[id]).length || (s.selected && s.graph.nodes[s.selected] ? 1 : 0);
    replace(el,
      h('label', { class: 'tb-label' }, t('layout'),
        h('select', { id: 'layout-select', onchange: (e: Event) => actions.setLayout((e.target as HTMLSelectElement).value as LayoutName) },
          LAYOUTS.map(([v, k]) => h('option', { value: v, selected: s.layout === v }, t(k))))),
      // The whole-graph layout runs only here (and on a layout choice); new elements never move the others.
      h('button', { class: 'btn', id: 'btn-relayout', disabled: empty, title: t('exRelayoutTitle'), onclick: () => actions.relayout() }, t('exRelayout')),
      h('button', { class: 'btn', id: 'btn-fit', onclick: () => deps.fit() }, t('fit')),
      // Undo/redo as arrows (the word is the tooltip and the accessible name), so the toolbar fits one line at 1366 px.
      h('button', { class: 'btn', id: 'btn-undo', disabled: !s.history.past.length, title: `${t('undo')} (Ctrl+Z)`, 'aria-label': t('undo'), onclick: () => actions.undo() }, '↶'),
      h('button', { class: 'btn', id: 'btn-redo', disabled: !s.history.future.length, title: `${t('redo')} (Ctrl+Shift+Z)`, 'aria-label': t('redo'), onclick: () => actions.redo() }, '↷'),
      h('span', { class: 'tb-sep' }),
      h('button', {
        class: 'btn', id: 'btn-expand-selection', disabled: !selectedCount, title: t('exExpandSelectionTitle'), onclick: () => void actions.openExpand(),
      }, selectedCount > 1 ? `${t('exExpandSelection')} (${selectedCount})` : t('exExpandSelection')),
      h('button', { class: 'btn', id: 'btn-hide', disabled: empty, onclick: () => { const ids = deps.selectedIds(); if (ids.length) actions.hide(ids); } }, t('hide')),
      h('button', { class: 'btn', id: 'btn-pin', disabled: empty, onclick: () => { const ids = deps.selectedIds(); if (ids.length) actions.pin(ids, !ids.every((id) => s.graph.nodes[id]?.pinned)); } }, t('pin')),
      h('button', { class: 'btn', id: 'btn-remove', disabled: empty, onclick: () => { const ids = deps.selectedIds(); if (ids.length) actions.remove(ids); } }, t('remove')),
      hidden ? h('button', { class: 'btn', id: 'btn-show-hidden', onclick: () => actions.showHidden() }, `${t('showHidden')} (${hidden})`) : null,
      h('button', { class: 'btn', id: 'btn-clear', disabled: empty, onclick: () => actions.clearCanvas() }, t('clear')),
      s.pathFrom ? h('span', { class: 'path-hint' }, `${t('pathPick')} · `, h('button', { class: 'link', onclick: () => actions.cancelPath() }, t('close'))) : null);
  };
  draw(store.get());
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang || s.history !== prev.history || s.graph !== prev.graph || s.layout !== prev.layout || s.pathFrom !== prev.pathFrom
      || s.explore.selection !== prev.explore.selection || s.selected !== prev.selected) draw(s);
  });
}
