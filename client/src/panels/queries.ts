/*
 * Curated queries from /api/queries as typed forms: text, numbers, a checkbox for booleans and, for
 * entity(Label) parameters, the same suggestions as the search box. An entity parameter follows the
 * node selected on the canvas (when its label fits) until the user types into it.
 */
import type { QueryDef, QueryParam } from '../api/types.ts';
import { entityWord, translate, type Lang } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';
import { formErrorText, type FormError } from '../state/form-errors.ts';
import { candidateArea } from '../api/error-text.ts';
import type { Actions } from '../state/actions.ts';
import { parseEntityParamLabel } from '../state/query-results.ts';
import type { State, Store } from '../state/store.ts';
import { h, replace } from './dom.ts';
import { attachSuggest } from './suggest.ts';

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
  const input = h('input', { type: 'text', id, 'data-param': p.name, 'data-type': p.type, value: p.default === undefined ? '' : String(p.default), placeholder: p.placeholder?.[lang()] ?? '' });
  if (entityLabel !== null) {
    input.classList.add('entity-param');
    input.placeholder = tf(lang(), 'entityPlaceholder', { label: entityWord(lang(), entityLabel) });
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

/**
 * The form's values. An entity parameter sends the id of the suggestion picked or, when none was picked,
 * the text as typed: the server resolves a name or alias exactly and says "no agency named X" otherwise
 * (a fuzzy best guess here would silently run the query for a different agency). An empty entity field
 * is reported without asking the server.
 */
function readParams(form: HTMLElement, def: QueryDef): { params: Record<string, unknown> } | { missing: { param: string; label: string } } {
  const out: Record<string, unknown> = {};
  for (const el of form.querySelectorAll<HTMLInputElement>('[data-param]')) {
    const name = el.dataset.param ?? '';
    const type = el.dataset.type ?? 'string';
    if (type === 'boolean') out[name] = el.checked;
    else if (type === 'integer') { if (el.value !== '') out[name] = Number.parseInt(el.value, 10); }
    else if (type === 'number') { if (el.value !== '') out[name] = Number(el.value); }
    else if (el.classList.contains('entity-param')) {
      const value = el.dataset.id ?? el.value.trim();
      const spec = def.params.find((p) => p.name === name);
      if (!value && spec?.default === undefined) return { missing: { param: name, label: el.dataset.label ?? '' } };
      if (value) out[name] = value;
    } else if (el.value !== '') out[name] = el.value;
  }
  return { params: out };
}

/**
 * A name several agencies share (市发改委 of two cities): one button per candidate, with its area, that puts it
 * in the field by id and runs the form again, so the user chooses instead of the server guessing.
 */
function candidateButtons(form: HTMLFormElement, fe: Extract<FormError, { kind: 'ambiguous-entity' }>, lang: Lang): HTMLElement {
  return h('div', { class: 'form-candidates' }, fe.candidates.map((c) => h('button', {
    type: 'button', class: 'btn small form-candidate', 'data-id': c.id,
    title: tf(lang, 'hjAmbiguousPick', { name: c.name, area: candidateArea(lang, c) }),
    onclick: () => {
      const input = form.querySelector<HTMLInputElement>(`[data-param="${CSS.escape(fe.param)}"]`);
      if (!input) return;
      input.value = c.name;
      input.dataset.id = c.id;
      form.requestSubmit();
    },
  }, c.name, h('span', { class: 'muted' }, ` · ${candidateArea(lang, c)}`))));
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
        def.description[s.lang] ? h('div', { class: 'query-desc' }, def.description[s.lang]) : null,
        def.params.map((p) => h('label', { class: 'param', title: p.name }, h('span', {}, p.label[s.lang]), paramInput(p, lang, s))),
        h('button', { type: 'submit', class: 'btn primary', disabled: s.runningQuery === def.name }, translate(s.lang, s.runningQuery === def.name ? 'running' : 'run')));
      form.append(h('div', { class: 'form-error', role: 'alert', id: `q-error-${def.name}`, hidden: true }));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const r = readParams(form, def);
        if ('missing' in r) actions.formError({ query: def.name, kind: 'missing', ...r.missing });
        else void actions.runQuery(def, r.params);
      });
      return form;
    }));
    drawFormError(s);
  };
  /** The failed form's message under it, the offending field marked; redrawn when the language changes. */
  const drawFormError = (s: State) => {
    for (const form of el.querySelectorAll<HTMLFormElement>('form.query')) {
      const box = form.querySelector<HTMLElement>('.form-error');
      const fe = s.formError?.query === form.dataset.query ? s.formError : null;
      if (box) {
        box.hidden = !fe;
        replace(box, fe ? formErrorText(s.lang, fe) : '', fe?.kind === 'ambiguous-entity' ? candidateButtons(form, fe, s.lang) : null);
        // The queries panel scrolls: bring the message into view rather than leave it below the fold.
        if (fe) box.scrollIntoView({ block: 'nearest' });
      }
      for (const input of form.querySelectorAll<HTMLInputElement>('[data-param]')) {
        if (fe && fe.param === input.dataset.param) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    }
  };
  draw(store.get());
  store.subscribe((s, prev) => {
    if (s.formError !== prev.formError && s.queries === prev.queries && s.lang === prev.lang) drawFormError(s);
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
