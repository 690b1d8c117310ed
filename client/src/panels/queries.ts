/*
 * Curated queries from /api/queries as typed forms: text, numbers, a checkbox for booleans and, for
 * entity(Label) parameters, the same suggestions as the search box. An entity parameter follows the
 * node selected on the canvas (when its label fits) until the user types into it.
 */
import { api } from '../api/client.ts';
import type { QueryDef, QueryParam } from '../api/types.ts';
import { translate, type Lang } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import { parseEntityParamLabel } from '../state/query-results.ts';
import type { State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';
import { attachSuggest } from './suggest.ts';

function describe(def: QueryDef, lang: Lang): string {
  const d = def.description;
  if (!d) return '';
  return typeof d === 'string' ? d : d[lang];
}

function paramInput(p: QueryParam, lang: () => Lang, state: State): HTMLElement {
  const entityLabel = parseEntityParamLabel(p.type);
  const id = `q-${p.name}`;
  if (p.type === 'boolean') {
    return h('input', { type: 'checkbox', id, 'data-param': p.name, 'data-type': p.type, checked: p.default === true });
  }
  if (p.type === 'integer' || p.type === 'number') {
    return h('input', {
      type: 'number', id, 'data-param': p.name, 'data-type': p.type, step: p.type === 'integer' ? 1 : 'any', value: p.default === undefined ? '' : String(p.default),
      ...(p.min !== undefined ? { min: p.min } : {}), ...(p.max !== undefined ? { max: p.max } : {}),
    });
  }
  const input = h('input', { type: 'text', id, 'data-param': p.name, 'data-type': p.type, value: p.default === undefined ? '' : String(p.default), placeholder: p.description ?? '' });
  if (entityLabel !== null) {
    input.classList.add('entity-param');
    if (entityLabel) input.dataset.label = entityLabel;
    const sel = state.selected ? state.graph.nodes[state.selected] : undefined;
    if (sel && (!entityLabel || sel.label === entityLabel)) {
      input.value = sel.name;
      input.dataset.id = sel.id;
    }
    input.addEventListener('input', () => { delete input.dataset.id; input.dataset.touched = '1'; });
    queueMicrotask(() => attachSuggest(input, {
      lang,
      labels: entityLabel || undefined,
      onPick: (hit) => { input.value = hit.name; input.dataset.id = hit.id; },
    }));
  }
  return input;
}

async function readParams(form: HTMLElement): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const el of form.querySelectorAll<HTMLInputElement>('[data-param]')) {
    const name = el.dataset.param ?? '';
    const type = el.dataset.type ?? 'string';
    if (type === 'boolean') out[name] = el.checked;
    else if (type === 'integer') { if (el.value !== '') out[name] = Number.parseInt(el.value, 10); }
    else if (type === 'number') { if (el.value !== '') out[name] = Number(el.value); }
    else if (el.classList.contains('entity-param')) {
      let id = el.dataset.id;
      if (!id && el.value.trim()) {
        const hit = (await api.search(el.value.trim(), 1, el.dataset.label))[0];
        if (hit) { id = hit.id; el.value = hit.name; el.dataset.id = hit.id; }
      }
      if (id) out[name] = id;
    } else if (el.value !== '') out[name] = el.value;
  }
  return out;
}

export function mountQueries(el: HTMLElement, store: Store, actions: Actions): void {
  const lang = () => store.get().lang;
  const draw = (s: State) => {
    const q = s.queries;
    if (q.status !== 'ok') {
      replace(el, h('div', { class: q.status === 'error' ? 'muted error' : 'muted' }, q.status === 'error' ? `${translate(s.lang, 'error')}: ${q.error ?? ''}` : translate(s.lang, 'loading')));
      return;
    }
    replace(el, (q.data ?? []).map((def) => {
      const form = h('form', { class: 'query', 'data-query': def.name },
        h('div', { class: 'query-title' }, def.title[s.lang] ?? def.name),
        describe(def, s.lang) ? h('div', { class: 'query-desc' }, describe(def, s.lang)) : null,
        def.params.map((p) => h('label', { class: 'param' }, h('span', {}, p.name), paramInput(p, lang, s))),
        h('button', { type: 'submit', class: 'btn primary', disabled: s.runningQuery === def.name }, translate(s.lang, s.runningQuery === def.name ? 'running' : 'run')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void readParams(form).then((params) => actions.runQuery(def, params));
      });
      return form;
    }));
  };
  draw(store.get());
  store.subscribe((s, prev) => {
    if (s.queries !== prev.queries || s.lang !== prev.lang) draw(s);
    else if (s.runningQuery !== prev.runningQuery) {
      for (const form of el.querySelectorAll<HTMLFormElement>('form.query')) {
        const btn = form.querySelector('button');
        const running = form.dataset.query === s.runningQuery;
        if (btn) { btn.disabled = running; btn.textContent = translate(s.lang, running ? 'running' : 'run'); }
      }
    }
    if (s.selected !== prev.selected && s.selected) {
      const n = s.graph.nodes[s.selected];
      if (!n) return;
      for (const input of el.querySelectorAll<HTMLInputElement>('input.entity-param')) {
        if (input.dataset.touched || (input.dataset.label && input.dataset.label !== n.label)) continue;
        input.value = n.name;
        input.dataset.id = n.id;
      }
    }
  });
}
