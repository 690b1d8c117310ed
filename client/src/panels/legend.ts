/*
 * Filters and legend: one row per label with its colour, shape, count on the canvas and in the whole
 * graph; clicking a row hides or shows that label, its "select" button selects every node of it. Plan and year filters below. Edge styles explained
 * last, so a projector audience can read dashed = inherited through a group.
 */
import { labelName, translate } from '../i18n/index.ts';
import { settings, styleForLabel } from '../settings.ts';
import type { Actions } from '../state/actions.ts';
import { countByLabel, isFiltering, visibleGraph, yearsIn } from '../state/filters.ts';
import type { State, Store } from '../state/store.ts';
import { ROLE_COLORS } from '../canvas/style.ts';
import { h, replace } from './dom.ts';

const SHAPE_CLASS: Record<string, string> = { ellipse: 'circle', diamond: 'diamond', hexagon: 'hex', 'round-rectangle': 'rounded', rectangle: 'square' };

export function mountFilters(el: HTMLElement, store: Store, actions: Actions): void {
  const draw = (s: State) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const plans = Object.values(s.graph.nodes).filter((n) => n.label === 'Plan');
    const years = yearsIn(s.graph);
    replace(el,
      h('label', { class: 'param' }, h('span', {}, t('filterPlan')),
        h('select', { id: 'filter-plan', onchange: (e: Event) => actions.setFilter({ plan: (e.target as HTMLSelectElement).value || null }) },
          h('option', { value: '' }, t('filterAll')),
          plans.map((p) => h('option', { value: p.id, selected: s.filters.plan === p.id }, p.name)))),
      h('label', { class: 'param' }, h('span', {}, t('filterYear')),
        h('select', { id: 'filter-year', onchange: (e: Event) => actions.setFilter({ year: (e.target as HTMLSelectElement).value || null }) },
          h('option', { value: '' }, t('filterAll')),
          years.map((y) => h('option', { value: y, selected: s.filters.year === y }, y)))),
      isFiltering(s.filters) ? h('button', { class: 'btn', id: 'filter-clear', onclick: () => actions.clearFilters() }, t('filterClear')) : null);
  };
  draw(store.get());
  store.subscribe((s, prev) => { if (s.graph !== prev.graph || s.filters !== prev.filters || s.lang !== prev.lang) draw(s); });
}

export function mountLegend(el: HTMLElement, store: Store, actions: Actions): void {
  const draw = (s: State) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const onCanvas = countByLabel(Object.values(s.graph.nodes));
    const visible = countByLabel(visibleGraph(s.graph, s.filters).nodes);
    const inGraph = new Map((s.schema?.labels ?? []).map((l) => [l.label, l.count]));
    const labels = Object.keys(settings.labelStyles).filter((l) => onCanvas[l] || inGraph.get(l));
    replace(el,
      h('div', { class: 'legend-head' }, h('span', {}), h('span', {}, t('legendOnCanvas')), h('span', {}, t('legendInGraph'))),
      labels.map((label) => {
        const st = styleForLabel(settings, label);
        const off = s.filters.hiddenLabels.includes(label);
        return h('div', { class: 'legend-line' },
          h('button', { class: `legend-row${off ? ' off' : ''}`, 'data-label': label, title: label, onclick: () => actions.toggleLabel(label) },
            h('span', { class: `swatch ${SHAPE_CLASS[st.shape] ?? 'circle'}`, style: `background:${st.color}` }),
            h('span', { class: 'legend-name' }, labelName(s.lang, label)),
            h('span', { class: 'count' }, onCanvas[label] ? `${visible[label] ?? 0}/${onCanvas[label]}` : '0'),
            h('span', { class: 'count muted' }, inGraph.get(label) ?? '')),
          h('button', {
            class: 'link small legend-select', 'data-select-label': label, title: t('exSelectAllTitle'),
            disabled: !visible[label] || off, onclick: () => actions.selectLabel(label),
          }, t('exSelectAll')));
      }),
      h('div', { class: 'legend-edges' },
        edgeRow(ROLE_COLORS.lead, 4, 'solid', t('edgeLead')),
        edgeRow(ROLE_COLORS.responsible, 2.5, 'solid', t('edgeResponsible')),
        edgeRow(ROLE_COLORS.support, 1.5, 'solid', t('edgeSupport')),
        edgeRow(ROLE_COLORS.derived, 2, 'dashed', t('edgeDerived')),
        edgeRow('#7c3aed', 2.5, 'dotted', translate(s.lang, 'rel.MEMBER_OF'))));
  };
  draw(store.get());
  store.subscribe((s, prev) => { if (s.graph !== prev.graph || s.filters !== prev.filters || s.lang !== prev.lang || s.schema !== prev.schema) draw(s); });
}

function edgeRow(color: string, width: number, style: string, text: string): HTMLElement {
  return h('div', { class: 'edge-row' }, h('span', { class: 'edge-line', style: `border-top:${width}px ${style} ${color}` }), h('span', {}, text));
}
