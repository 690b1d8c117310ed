/*
 * The right panel: the selected entity's properties, aliases, relationship counts and every fact with
 * its evidence sentence. Clicking a sentence opens the document viewer at that span, which is how a
 * reader checks the graph against the printed text.
 */
import type { Evidence, PropValue } from '../api/types.ts';
import { labelName, propName, relName, roleName, translate, valueName, type Lang } from '../i18n/index.ts';
import { BOOKKEEPING_KEYS } from '../state/result-cells.ts';
import { settings } from '../settings.ts';
import { labelColour, textColourOn } from '../canvas/view-style.ts';
import type { Actions } from '../state/actions.ts';
import type { State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';
import { indicatorChartSection, releaseIndicatorChart } from './indicator-chart.ts';

/** Search and bookkeeping fields that mean nothing to a reader. */
// Shown elsewhere in the panel (id, name, aliases, text) or bookkeeping (the one list, result-cells.ts).
const INTERNAL = new Set(['id', 'name', 'aliases', 'text', ...BOOKKEEPING_KEYS]);

function fmt(v: PropValue | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return translate(lang, v ? 'yes' : 'no');
  // Enumerated values the graph stores in English (levels) read in the UI's language; text stays as printed.
  if (typeof v === 'string') return valueName(lang, v);
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** The sentence with the evidence text marked, so the exact words behind a fact stand out. */
export function markedSentence(ev: Pick<Evidence, 'sentence' | 'text'>): HTMLElement {
  const sentence = ev.sentence || ev.text;
  const i = ev.text ? sentence.indexOf(ev.text) : -1;
  if (i < 0) return h('span', {}, sentence);
  return h('span', {}, sentence.slice(0, i), h('mark', {}, ev.text), sentence.slice(i + ev.text.length));
}

export function mountDetails(el: HTMLElement, store: Store, actions: Actions): void {
  const draw = (s: State) => {
    releaseIndicatorChart();
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const d = s.details;
    if (!d) { replace(el, h('div', { class: 'muted hint' }, t('noSelection'))); return; }
    if (d.status === 'loading' && !d.data) { replace(el, h('div', { class: 'muted' }, t('loading'))); return; }
    if (d.status === 'error' || !d.data) { replace(el, h('div', { class: 'error' }, `${t('error')}: ${d.error ?? ''}`)); return; }
    const { node, degree, evidence } = d.data;
    // The label's colour as the user chose it, its name in the caption colour that reads on that fill.
    const colour = labelColour(s.style, settings, node.label);
    const props = Object.entries(node.properties ?? {}).filter(([k]) => !INTERNAL.has(k));
    const aliases = (node.aliases ?? []).filter((a) => a !== node.name);
    const text = node.properties?.text;
    const onCanvas = !!s.graph.nodes[node.id];
    replace(el,
      h('div', { class: 'details-head' },
        h('span', { class: 'badge', style: `background:${colour};color:${textColourOn(colour, settings)}` }, labelName(s.lang, node.label)),
        h('h2', { class: 'details-name' }, node.name),
        // An agency's area: two cities' 人社局 look alike until it is shown.
        typeof node.properties?.jurisdiction === 'string' ? h('span', { class: 'details-where muted' }, node.properties.jurisdiction) : null),
      h('div', { class: 'details-actions' },
        onCanvas ? null : h('button', { class: 'btn', onclick: () => void actions.searchSelected(node.id) }, '+'),
        h('button', { class: 'btn', id: 'details-expand', onclick: () => void actions.expandNode(node.id) }, t('expand')),
        h('button', { class: 'btn', onclick: () => actions.startPath(node.id) }, t('findPath'))),
      typeof text === 'string' && text ? h('p', { class: 'details-text' }, text) : null,
      // An indicator's targets and reports by year, each point naming its document (issue 15).
      node.label === 'Indicator' ? indicatorChartSection(node.id, s.lang, s.documentsVersion) : null,
      aliases.length ? h('section', {}, h('h3', {}, t('aliases')), h('div', { class: 'chips' }, aliases.map((a) => h('span', { class: 'chip' }, a)))) : null,
      props.length ? h('section', {}, h('h3', {}, t('properties')),
        h('table', { class: 'props' }, props.map(([k, v]) => h('tr', {}, h('th', { title: k }, propName(s.lang, k)), h('td', { title: fmt(v, s.lang) }, fmt(v, s.lang)))))) : null,
      Object.keys(degree ?? {}).length ? h('section', {}, h('h3', {}, t('degree')),
        h('div', { class: 'chips' }, Object.entries(degree).map(([type, n]) =>
          h('button', { class: 'chip link', title: t('expandByType'), onclick: () => void actions.expandNode(node.id, { type }) }, `${relName(s.lang, type)} ${n}`)))) : null,
      h('section', {}, h('h3', {}, `${t('evidence')} (${evidence.length})`),
        h('ol', { class: 'evidence' }, evidence.map((ev) => h('li', { class: 'fact' },
          h('div', { class: 'fact-head' },
            h('span', { class: 'rel' }, `${ev.direction === 'in' ? '←' : '→'} ${relName(s.lang, ev.type)}`),
            ev.properties?.role ? h('span', { class: `role role-${String(ev.properties.role)}` }, roleName(s.lang, String(ev.properties.role))) : null,
            h('a', { class: 'other', href: '#', onclick: (e: Event) => { e.preventDefault(); void actions.searchSelected(ev.other.id); } }, ev.other.name)),
          h('blockquote', {
            class: 'sentence', tabindex: 0, title: t('openDocument'),
            'data-document': ev.document, 'data-start': ev.start, 'data-end': ev.end,
            onclick: () => void actions.openDocument(ev.document, { start: ev.start, end: ev.end }),
          }, markedSentence(ev)))))));
  };
  draw(store.get());
  store.subscribe((s, prev) => { if (s.details !== prev.details || s.lang !== prev.lang || s.documentsVersion !== prev.documentsVersion || s.style !== prev.style || (s.graph !== prev.graph && s.details)) draw(s); });
}
