/*
 * The overview on arrival: while the canvas is empty it shows what the graph holds (GET /api/overview) —
 * counts, documents by year, the agencies with the most tasks as lead and as support, the most recent
 * plan — instead of a blank area, and every figure is a click into the graph. It steps aside as soon as
 * anything is drawn and comes back when the canvas is cleared; it re-reads when documents change.
 */
import './overview.css';
import type { Api } from '../api/client.ts';
import { translate, type Lang, type MessageKey } from '../i18n/index.ts';
import type { Actions } from '../state/actions.ts';
import type { State, Store } from '../state/store.ts';
import type { Overview } from '../upload/upload-types.ts';
import { fill } from '../upload/upload-model.ts';
import { h } from './dom.ts';
import { errorText } from '../api/error-text.ts';

const AGENCIES_LISTED = 5;

/** Runs a curated query by name once the list of queries is known (the overview may be clicked first). */
export async function showCurated(store: Store, actions: Actions, name: string, params: Record<string, unknown>): Promise<void> {
  if (store.get().queries.status === 'loading') {
    await new Promise<void>((resolve) => {
      const off = store.subscribe((s) => { if (s.queries.status !== 'loading') { off(); resolve(); } });
    });
  }
  const def = store.get().queries.data?.find((q) => q.name === name);
  if (!def) return actions.toast(store.get().queries.error ?? name, 'error');
  await actions.runQuery(def, params);
}

export function mountOverview(el: HTMLElement, store: Store, actions: Actions, api: Api): void {
  let data: { status: 'loading' | 'ok' | 'error'; overview?: Overview; error?: unknown } = { status: 'loading' };
  let version = -1;
  const empty = (s: State) => Object.keys(s.graph.nodes).length === 0;

  const load = async () => {
    version = store.get().documentsVersion;
    const asked = version;
    try {
      const overview = await api.overview(AGENCIES_LISTED);
      if (asked === version) data = { status: 'ok', overview };
    } catch (e) {
      if (asked === version) data = { status: 'error', error: e };
    }
    draw(store.get());
  };

  const figure = (value: number | string, label: string, onclick: () => void, id?: string) =>
    h('button', { class: 'ov-figure', type: 'button', onclick, ...(id ? { id } : {}) }, h('strong', {}, String(value)), h('span', {}, label));

  function draw(s: State): void {
    el.hidden = !empty(s);
    if (el.hidden) return;
    const lang: Lang = s.lang;
    const t = (k: MessageKey, v: Record<string, string | number> = {}) => fill(lang, k, v);
    if (data.status !== 'ok' || !data.overview) {
      el.replaceChildren(h('div', { class: 'ov-card' },
        h('p', { class: 'muted' }, data.status === 'loading' ? t('ovLoading') : t('ovFailed', { reason: errorText(s.lang, data.error) })),
        h('p', { class: 'muted' }, translate(lang, 'emptyCanvas'))));
      return;
    }
    const o = data.overview;
    if (o.counts.documents === 0) {
      el.replaceChildren(h('div', { class: 'ov-card' }, h('h2', {}, t('ovTitle')), h('p', {}, t('ovEmpty')), h('p', { class: 'muted' }, translate(lang, 'emptyCanvas'))));
      return;
    }
    const plan = o.latestPlan;
    const openPlan = () => { if (plan) void showCurated(store, actions, 'plan-outline', { plan: plan.id }); };
    const openLibrary = () => actions.setMode('library');
    const agencyTasks = (id: string) => () => void showCurated(store, actions, 'tasks-of-agency', { agency: id });
    const ranking = (title: MessageKey, list: Overview['agencies']['lead'], role: string) => h('section', { class: 'ov-rank', 'data-role': role },
      h('h3', {}, t(title)),
      list.length === 0 ? h('p', { class: 'muted small' }, t('ovNoneInRole')) : h('ol', {}, list.map((a) => h('li', {},
        h('button', { class: 'link ov-agency', type: 'button', 'data-id': a.id, title: t('ovAgencyTitle', { name: a.name, n: a.tasks }), onclick: agencyTasks(a.id) },
          h('span', { class: 'ov-name' }, a.name), h('span', { class: 'ov-n' }, t('ovTaskCount', { n: a.tasks })))))));
    const maxYear = Math.max(1, ...o.years.map((y) => y.count));

    el.replaceChildren(h('div', { class: 'ov-card', role: 'region', 'aria-labelledby': 'ov-title' },
      h('div', { class: 'ov-head' }, h('h2', { id: 'ov-title' }, t('ovTitle')), h('span', { class: 'muted small' }, t('ovHint'))),
      h('div', { class: 'ov-figures' },
        figure(o.counts.documents, t('ovDocuments'), openLibrary, 'ov-documents'),
        figure(o.counts.plans, t('ovPlans'), openLibrary, 'ov-plans'),
        figure(o.counts.tasks, t('ovTasks'), openPlan, 'ov-tasks'),
        figure(o.counts.agencies, t('ovAgencies'), openPlan, 'ov-agencies')),
      h('div', { class: 'ov-cols' },
        h('section', { class: 'ov-years' }, h('h3', {}, t('ovByYear')),
          h('div', { class: 'ov-bars' }, o.years.map((y) => h('button', {
            class: 'ov-year', type: 'button', 'data-year': y.year, title: t('ovYearTitle', { year: y.year, n: y.count }),
            onclick: () => void openYear(y.year),
          }, h('span', { class: 'ov-year-label' }, y.year), h('span', { class: 'ov-bar', style: `width:${Math.round((y.count / maxYear) * 100)}%` }), h('span', { class: 'ov-n' }, String(y.count))))),
          o.undated ? h('div', { class: 'muted small' }, t('ovUndated', { n: o.undated })) : null),
        ranking('ovLead', o.agencies.lead, 'lead'),
        ranking('ovSupport', o.agencies.support, 'support')),
      plan ? h('section', { class: 'ov-plan', id: 'ov-plan' },
        h('h3', {}, t('ovLatest')),
        h('div', { class: 'ov-plan-head' },
          h('button', { class: 'link ov-plan-name', type: 'button', onclick: openPlan }, plan.name),
          h('span', { class: 'muted small' }, [plan.issued ?? '', t('ovLatestMeta', { tasks: plan.tasks, agencies: plan.agencyCount })].filter(Boolean).join(' · '))),
        h('div', { class: 'ov-plan-body' },
          h('div', {}, h('h4', {}, t('ovSections')), h('ol', { class: 'ov-sections' }, plan.sections.map((sec) =>
            h('li', {}, h('button', { class: 'link', type: 'button', onclick: openPlan }, sec.section || t('ovNoSection')), ' ', h('span', { class: 'ov-n' }, String(sec.tasks)))))),
          h('div', {}, h('h4', {}, t('ovPlanAgencies')), plan.agencies.length === 0 ? h('p', { class: 'muted small' }, t('upNoUnits')) : h('div', { class: 'ov-chips' }, plan.agencies.map((a) =>
            h('button', { class: 'ov-chip', type: 'button', 'data-id': a.id, onclick: agencyTasks(a.id) }, a.name, ' ', h('span', { class: 'ov-n' }, String(a.tasks))))))),
        h('button', { class: 'btn primary', id: 'ov-show-plan', type: 'button', onclick: openPlan }, t('ovShowPlan')))
        : h('p', { class: 'muted' }, t('ovNoPlan')),
    ));
  }

  async function openYear(year: string): Promise<void> {
    try {
      const g = await api.overviewYear(year);
      actions.showElements('overviewYear', g);
    } catch (e) {
      actions.toast(errorText(store.get().lang, e), 'error');
    }
  }

  void load();
  store.subscribe((s, p) => {
    if (s.documentsVersion !== p.documentsVersion) void load();
    else if (s.lang !== p.lang || empty(s) !== empty(p)) draw(s);
  });
  draw(store.get());
}
