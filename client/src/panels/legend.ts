/*
 * Filters and legend: one row per label with its colour, shape, count on the canvas and in the whole
 * graph; clicking a row hides or shows that label, its "select" button selects every node of it, its ✎
 * opens the label's colour (a palette of readable colours and a colour input) and size. Below, node size
 * for the whole view (per label, uniform, by degree on the canvas) and a reset. Plan and year filters
 * above. Edge styles explained last, so a projector audience can read dashed = inherited through a group.
 */
import { labelName, translate, type Lang, type MessageKey } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';
import { settings, styleForLabel } from '../settings.ts';
import type { Actions } from '../state/actions.ts';
import { countByLabel, isFiltering, visibleGraph, yearsIn } from '../state/filters.ts';
import type { State, Store } from '../state/store.ts';
import { ROLE_COLORS } from '../canvas/style.ts';
import type { StyleActions } from '../canvas/style-actions.ts';
import {
  colourProblem, isDefaultViewStyle, labelColour, labelSize, styledLabels, textColourOn, SIZE_MODES, type ColourProblem, type SizeMode,
} from '../canvas/view-style.ts';
import { h, replace } from './dom.ts';
import './legend-style.css';

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

export function mountLegend(el: HTMLElement, store: Store, actions: Actions, style: StyleActions): void {
  // The label whose colour and size editor is open (one at a time), and the last refusal to show in it.
  let editing: string | null = null;
  let refusal: { label: string; colour: string; problem: ColourProblem } | null = null;
  const pick = (label: string, colour: string) => {
    const problem = style.setLabelColour(label, colour);
    refusal = problem ? { label, colour, problem } : null;
    if (problem) draw(store.get());
  };
  const draw = (s: State) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const onCanvas = countByLabel(Object.values(s.graph.nodes));
    const visible = countByLabel(visibleGraph(s.graph, s.filters).nodes);
    const inGraph = new Map((s.schema?.labels ?? []).map((l) => [l.label, l.count]));
    const labels = Object.keys(settings.labelStyles).filter((l) => onCanvas[l] || inGraph.get(l));
    replace(el,
      h('div', { class: 'legend-head' }, h('span', {}), h('span', {}, t('legendOnCanvas')), h('span', {}, t('legendInGraph'))),
      labels.flatMap((label) => {
        const st = styleForLabel(settings, label);
        const colour = labelColour(s.style, settings, label);
        const off = s.filters.hiddenLabels.includes(label);
        return [h('div', { class: 'legend-line' },
          h('button', { class: `legend-row${off ? ' off' : ''}`, 'data-label': label, title: label, onclick: () => actions.toggleLabel(label) },
            h('span', { class: `swatch ${SHAPE_CLASS[st.shape] ?? 'circle'}`, style: `background:${colour}` }),
            h('span', { class: 'legend-name' }, labelName(s.lang, label)),
            h('span', { class: 'count' }, onCanvas[label] ? `${visible[label] ?? 0}/${onCanvas[label]}` : '0'),
            h('span', { class: 'count muted' }, inGraph.get(label) ?? '')),
          h('button', {
            class: 'link small legend-select', 'data-select-label': label, title: t('exSelectAllTitle'),
            disabled: !visible[label] || off, onclick: () => actions.selectLabel(label),
          }, t('exSelectAll')),
          h('button', {
            class: `link small legend-edit${editing === label ? ' open' : ''}`, 'data-style-label': label, title: t('stEditTitle'), 'aria-label': `${t('stEditTitle')}: ${labelName(s.lang, label)}`,
            'aria-expanded': editing === label ? 'true' : 'false',
            onclick: () => { editing = editing === label ? null : label; refusal = null; draw(store.get()); },
          }, '✎')),
        editing === label ? labelEditor(s, label, labels, style, pick, refusal?.label === label ? refusal : null) : null];
      }),
      sizeControls(s, style),
      h('div', { class: 'legend-edges' },
        edgeRow(ROLE_COLORS.lead, 4, 'solid', t('edgeLead')),
        edgeRow(ROLE_COLORS.responsible, 2.5, 'solid', t('edgeResponsible')),
        edgeRow(ROLE_COLORS.support, 1.5, 'solid', t('edgeSupport')),
        edgeRow(ROLE_COLORS.derived, 2, 'dashed', t('edgeDerived')),
        edgeRow('#7c3aed', 2.5, 'dotted', translate(s.lang, 'rel.MEMBER_OF'))));
  };
  draw(store.get());
  store.subscribe((s, prev) => {
    if (s.style !== prev.style) refusal = null;
    if (s.graph !== prev.graph || s.filters !== prev.filters || s.lang !== prev.lang || s.schema !== prev.schema || s.style !== prev.style) draw(s);
  });
}

/** A refused colour in the UI's language, naming the rule and, for a clash, the other label. */
export function problemText(lang: Lang, p: ColourProblem): string {
  if (p.kind === 'format') return translate(lang, 'stBadColour');
  if (p.kind === 'contrast') return tf(lang, 'stTooFaint', { ratio: p.ratio.toFixed(1), min: p.min });
  if (p.kind === 'text') return tf(lang, 'stTextUnreadable', { ratio: p.ratio.toFixed(1), min: p.min });
  return tf(lang, 'stTooClose', { other: labelName(lang, p.other) });
}

/** One label's colour (palette + colour input, colours that break a rule disabled with the reason) and size. */
function labelEditor(
  s: State, label: string, labels: readonly string[], style: StyleActions,
  pick: (label: string, colour: string) => void, refusal: { colour: string; problem: ColourProblem } | null,
): HTMLElement {
  const t = (k: MessageKey) => translate(s.lang, k);
  const current = labelColour(s.style, settings, label);
  const all = [...new Set([...styledLabels(s.style, settings), ...labels])];
  const name = labelName(s.lang, label);
  return h('div', { class: 'style-editor', 'data-style-editor': label },
    h('div', { class: 'style-sample', style: `background:${current};color:${textColourOn(current, settings)}` }, name),
    h('div', { class: 'style-palette', role: 'group', 'aria-label': t('stPalette') },
      settings.style.palette.map((c) => {
        const problem = c === current ? null : colourProblem(s.style, settings, label, c, all);
        return h('button', {
          class: `style-chip${c === current ? ' current' : ''}`, 'data-colour': c, style: `background:${c}`,
          disabled: !!problem, title: problem ? `${c}: ${problemText(s.lang, problem)}` : c, 'aria-label': c,
          onclick: () => pick(label, c),
        });
      })),
    h('label', { class: 'style-field' }, h('span', {}, t('stOwnColour')),
      h('input', { type: 'color', class: 'style-colour', 'data-style-colour': label, value: current,
        onchange: (e: Event) => pick(label, (e.target as HTMLInputElement).value) })),
    s.style.sizeMode === 'label' ? h('label', { class: 'style-field' }, h('span', {}, t('stLabelSize')),
      h('input', { type: 'number', class: 'style-size', 'data-style-size': label, min: settings.style.minNodeSize, max: settings.style.maxNodeSize,
        value: labelSize(s.style, settings, label), onchange: (e: Event) => style.setLabelSize(label, Number((e.target as HTMLInputElement).value)) })) : null,
    refusal ? h('div', { class: 'error small style-refusal' }, problemText(s.lang, refusal.problem)) : null,
    h('button', { class: 'link small style-reset-label', disabled: !s.style.colors[label] && s.style.sizes[label] === undefined, onclick: () => style.resetLabel(label) }, t('stResetLabel')));
}

const SIZE_MODE_KEYS: Record<SizeMode, MessageKey> = { label: 'stSizeLabel', uniform: 'stSizeUniform', degree: 'stSizeDegree' };

/** Node size for the whole view, and the reset of every colour and size. */
function sizeControls(s: State, style: StyleActions): HTMLElement {
  const t = (k: MessageKey) => translate(s.lang, k);
  const v = s.style;
  const num = (id: string, value: number, on: (n: number) => void) => h('input', {
    type: 'number', id, class: 'style-num', min: settings.style.minNodeSize, max: settings.style.maxNodeSize, value,
    onchange: (e: Event) => on(Number((e.target as HTMLInputElement).value)),
  });
  return h('div', { class: 'style-size-block' },
    h('label', { class: 'style-field' }, h('span', {}, t('stNodeSize')),
      h('select', { id: 'style-size-mode', onchange: (e: Event) => style.setSizeMode((e.target as HTMLSelectElement).value as SizeMode) },
        SIZE_MODES.map((m) => h('option', { value: m, selected: v.sizeMode === m }, t(SIZE_MODE_KEYS[m]))))),
    v.sizeMode === 'uniform' ? h('label', { class: 'style-field' }, h('span', {}, t('stLabelSize')), num('style-uniform', v.uniformSize, (n) => style.setUniformSize(n))) : null,
    v.sizeMode === 'degree' ? h('div', { class: 'style-field' },
      h('span', {}, t('stMin')), num('style-degree-min', v.degreeMin, (n) => style.setDegreeRange(n, v.degreeMax)),
      h('span', {}, t('stMax')), num('style-degree-max', v.degreeMax, (n) => style.setDegreeRange(v.degreeMin, n))) : null,
    v.sizeMode === 'degree' ? h('div', { class: 'muted small style-hint' }, t('stDegreeHint')) : null,
    h('button', { class: 'btn small', id: 'style-reset', disabled: isDefaultViewStyle(v, settings), title: t('stResetTitle'), onclick: () => style.resetStyle() }, t('stReset')));
}

function edgeRow(color: string, width: number, style: string, text: string): HTMLElement {
  return h('div', { class: 'edge-row' }, h('span', { class: 'edge-line', style: `border-top:${width}px ${style} ${color}` }), h('span', {}, text));
}
