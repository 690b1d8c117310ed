/*
 * The edge inspector (issue 15): click an edge in any mode (Explore, Query, Present) and a box over the
 * canvas says what it is — type, role, both ends, every evidence sentence with the words marked and the
 * document's title as a link that opens the document at that span. A derived edge (responsibility through
 * a group) says how it was derived instead, since it is not stored and has no evidence of its own.
 */
import { labelName, relName, roleName, translate } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import type { State, Store } from '../state/store.ts';
import { markedSentence } from './details.ts';
import { h, replace } from './dom.ts';
import { fill } from './fill.ts';

export function mountEdgeInspector(el: HTMLElement, store: Store, actions: Actions): void {
  const draw = (s: State) => {
    const ins = s.explore.edge;
    const e = ins ? s.graph.edges[ins.id] : undefined;
    // The slide show answers an edge click with its own evidence box under the caption; a second box would cover it.
    el.hidden = !ins || !e || s.present.active;
    if (!ins || !e || s.present.active) return;
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    const end = (id: string, name: string, label: string) => h('a', {
      href: '#', class: 'edge-end', onclick: (ev: Event) => { ev.preventDefault(); actions.closeEdge(); void actions.searchSelected(id); },
    }, `${name}`, h('span', { class: 'muted small' }, ` · ${labelName(s.lang, label)}`));
    const src = s.graph.nodes[e.source];
    const dst = s.graph.nodes[e.target];
    const role = typeof e.properties.role === 'string' ? e.properties.role : null;
    const d = ins.data;
    let body: (HTMLElement | null)[];
    if (e.derived) {
      body = [h('p', { class: 'edge-derived small' }, fill(t('exEdgeDerived'), { via: String(e.properties.via ?? '') }))];
    } else if (ins.status === 'loading') {
      body = [h('div', { class: 'muted' }, t('loading'))];
    } else if (ins.status === 'error' || !d) {
      body = [h('div', { class: 'error' }, `${t('error')}: ${ins.error ?? ''}`)];
    } else if (!d.evidence.length) {
      body = [h('p', { class: 'muted small' }, t('exEdgeNoEvidence'))];
    } else {
      body = [
        h('h3', {}, `${t('evidence')} · ${fill(t('exEdgeSpans'), { n: d.spans })}`),
        h('ol', { class: 'evidence' }, d.evidence.map((ev) => h('li', { class: 'fact' },
          h('blockquote', {
            class: 'sentence', tabindex: 0, title: t('openDocument'),
            onclick: () => void actions.openDocument(ev.document, { start: ev.start, end: ev.end }),
          }, markedSentence(ev)),
          h('a', {
            href: '#', class: 'edge-doc', 'data-document': ev.document,
            onclick: (x: Event) => { x.preventDefault(); void actions.openDocument(ev.document, { start: ev.start, end: ev.end }); },
          }, `${t('openDocument')}:《${ev.documentTitle ?? ev.document}》`)))),
      ];
    }
    replace(el,
      h('div', { class: 'menu-title' },
        h('span', { class: 'edge-type' }, `${t('exEdgeHead')}:${relName(s.lang, e.type)}`),
        role ? h('span', { class: `role role-${role}` }, roleName(s.lang, role)) : null,
        h('button', { class: 'link small edge-close', title: t('close'), onclick: () => actions.closeEdge() }, '×')),
      h('div', { class: 'edge-ends small' },
        h('div', {}, `${t('exEdgeFrom')}:`, src ? end(src.id, src.name, src.label) : e.source),
        h('div', {}, `${t('exEdgeTo')}:`, dst ? end(dst.id, dst.name, dst.label) : e.target)),
      ...body);
  };
  draw(store.get());
  // An inspected edge belongs to the view it was clicked in; another mode (the library's reading view, an
  // analysis layer) would have it float over its own panels.
  store.subscribe((s, prev) => { if (s.mode !== prev.mode && s.explore.edge) queueMicrotask(() => actions.closeEdge()); });
  store.subscribe((s, prev) => { if (s.explore.edge !== prev.explore.edge || s.lang !== prev.lang || s.present.active !== prev.present.active || (s.explore.edge && s.graph !== prev.graph)) draw(s); });
}
