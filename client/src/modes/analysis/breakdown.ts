/*
 * The 分工表 view: a plan's task-breakdown table as officials read it (序号 / 重点任务 / 牵头单位 / 配合单位, or a
 * 责任单位 column where the plan prints no lead/support split), units in printed order with their printed
 * names, a button per row that opens the source with the task and its list highlighted, and the XLSX / CSV
 * exports. Clicking a unit turns the table round: that agency's tasks across all plans.
 */
import type { ModeContext } from '../mode.ts';
import { h } from '../../panels/dom.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import { errorText } from '../../api/error-text.ts';
import { tf } from '../../i18n/format.ts';
import './breakdown.css';
import {
  breakdownUrl, fetchBreakdown, fetchPlans, latestOnly, unitsText,
  type Breakdown, type BreakdownRow, type BreakdownUnit, type PlanChoice, type Subject,
} from './breakdown-model.ts';
import { saveView, savedView } from './analysis-state.ts';
import { attachSuggest } from '../../panels/suggest.ts';

export function mountBreakdown(host: HTMLElement, ctx: ModeContext): () => void {
  const t = (key: MessageKey) => translate(ctx.store.get().lang, key);
  let alive = true;
  let plans: PlanChoice[] = [];
  // The plan or agency shown starts from the state (a share link or scene may have brought it).
  let subject: Subject | null = savedView(ctx.store, 'breakdown') ?? null;
  const remember = () => { if (subject) saveView(ctx.store, 'breakdown', { kind: subject.kind, value: subject.value }); };
  let data: Breakdown | null = null;
  let status: 'loading' | 'ok' | 'error' = 'loading';
  let failure: unknown = null;
  const latest = latestOnly(() => alive);

  const show = async (s: Subject) => {
    subject = s;
    remember();
    status = 'loading';
    draw();
    const out = await latest(() => fetchBreakdown(s));
    if (!out) return;
    if (out.ok) {
      data = out.value;
      status = 'ok';
      // Opened from the state with an id: the field shows the agency's name, as after a click on a unit.
      if (s.kind === 'agency' && !agencyInput.value) agencyInput.value = data.subject.name;
    } else { status = 'error'; failure = out.error; }
    draw();
  };

  const loadPlans = async () => {
    try {
      plans = await fetchPlans();
      if (!alive) return;
      const keep = subject?.kind === 'plan' && plans.some((p) => p.id === subject!.value);
      if (subject?.kind === 'agency') {
        if (subject.value) await show(subject);
        else { status = 'ok'; draw(); }
      } else if (keep) await show(subject!);
      else if (plans[0]) await show({ kind: 'plan', value: plans[0].id });
      else { status = 'ok'; data = null; draw(); }
    } catch (e) {
      if (!alive) return;
      status = 'error';
      failure = e;
      draw();
    }
  };

  // Controls are built once; draw() only refreshes their texts and the table.
  const byPlan = h('button', { type: 'button', id: 'bd-by-plan', class: 'bd-toggle', onclick: () => { if (plans[0]) void show({ kind: 'plan', value: planSelect.value || plans[0].id }); } });
  const byAgency = h('button', { type: 'button', id: 'bd-by-agency', class: 'bd-toggle', onclick: () => { subject = { kind: 'agency', value: agencyInput.value.trim() }; remember(); data = null; draw(); agencyInput.focus(); } });
  const planSelect = h('select', { id: 'bd-plan', onchange: () => void show({ kind: 'plan', value: planSelect.value }) });
  const agencyInput = h('input', {
    id: 'bd-agency', type: 'search',
    // Enter with the suggestions open picks the highlighted one (suggest.ts); otherwise the name as typed is
    // resolved exactly by the server, which names the candidates of a name several agencies share.
    onkeydown: (e: Event) => {
      if ((e as KeyboardEvent).key !== 'Enter' || agencyBox.querySelector<HTMLElement>('.suggest:not([hidden])')) return;
      e.stopImmediatePropagation();
      showAgency();
    },
  });
  // The same suggestions as the search box, each with its area: 市发改委 is printed by every city.
  const agencyBox = h('span', { class: 'bd-agency-box' }, agencyInput);
  attachSuggest(agencyInput, {
    lang: () => ctx.store.get().lang,
    labels: 'Agency',
    floating: true,
    onPick: (hit) => { agencyInput.value = hit.name; void show({ kind: 'agency', value: hit.id }); },
  });
  const agencyGo = h('button', { type: 'button', id: 'bd-agency-go', onclick: () => showAgency() });
  const showAgency = () => { const v = agencyInput.value.trim(); if (v) void show({ kind: 'agency', value: v }); };
  const count = h('span', { class: 'bd-count', id: 'bd-count' });
  const xlsx = h('a', { id: 'bd-xlsx', class: 'bd-export', download: '' });
  const csv = h('a', { id: 'bd-csv', class: 'bd-export', download: '' });
  const statusEl = h('span', { class: 'bd-status', id: 'bd-status' });
  const table = h('div', { class: 'bd-scroll' });
  const root = h('div', { class: 'bd', id: 'breakdown' },
    h('div', { class: 'bd-controls' }, h('span', { class: 'bd-toggles', role: 'group' }, byPlan, byAgency), planSelect, agencyBox, agencyGo, count, xlsx, csv, statusEl),
    table);
  host.append(root);

  const unitChip = (u: BreakdownUnit) => h('button', {
    type: 'button', class: `bd-unit${u.group ? ' group' : ''}`, 'data-agency': u.id, title: `${u.name} · ${t('bdUnitHint')}`,
    onclick: () => { agencyInput.value = u.name; void show({ kind: 'agency', value: u.id }); },
  }, u.printed);
  const units = (us: BreakdownUnit[]) => h('td', { class: 'bd-units', 'data-units': unitsText(us, 'zh') }, us.map(unitChip));

  const row = (b: Breakdown, r: BreakdownRow) => h('tr', { 'data-task': r.taskId },
    h('td', { class: 'bd-seq' }, r.seq),
    b.kind === 'agency' ? h('td', { class: 'bd-plan' }, r.plan) : null,
    h('td', { class: 'bd-section' }, r.section),
    h('td', { class: 'bd-number' }, r.number),
    h('td', { class: 'bd-title' }, r.title),
    b.columns.split ? [units(r.lead), units(r.support)] : null,
    b.columns.responsible ? units(r.responsible) : null,
    b.kind === 'agency' ? h('td', { class: 'bd-via' }, r.via === 'direct' ? t('bdDirect') : r.via ?? '') : null,
    h('td', {}, r.evidence ? h('button', {
      type: 'button', class: 'bd-source', title: t('openDocument'),
      onclick: () => void ctx.actions.openDocument(r.evidence!.document, { start: r.evidence!.start, end: r.evidence!.end }),
    }, t('bdSource')) : null));

  const tableOf = (b: Breakdown) => h('table', { class: 'bd-table', id: 'bd-table' },
    h('thead', {}, h('tr', {},
      h('th', {}, t('bdSeq')), b.kind === 'agency' ? h('th', {}, t('bdPlan')) : null, h('th', {}, t('bdSection')), h('th', {}, t('bdNumber')), h('th', {}, t('bdTitle')),
      b.columns.split ? [h('th', {}, t('bdLead')), h('th', {}, t('bdSupport'))] : null,
      b.columns.responsible ? h('th', {}, t('bdResponsible')) : null,
      b.kind === 'agency' ? h('th', {}, t('bdVia')) : null,
      h('th', {}, t('bdSourceCol')))),
    h('tbody', {}, b.rows.map((r) => row(b, r))));

  function draw(): void {
    const lang = ctx.store.get().lang;
    const agencyMode = subject?.kind === 'agency';
    byPlan.textContent = t('bdByPlan');
    byAgency.textContent = t('bdByAgency');
    byPlan.classList.toggle('active', !agencyMode);
    byAgency.classList.toggle('active', agencyMode);
    byPlan.setAttribute('aria-pressed', String(!agencyMode));
    byAgency.setAttribute('aria-pressed', String(agencyMode));
    planSelect.hidden = agencyMode;
    agencyBox.hidden = !agencyMode;
    agencyGo.hidden = !agencyMode;
    agencyInput.placeholder = t('bdAgencyPlaceholder');
    agencyGo.textContent = t('bdShow');
    planSelect.setAttribute('aria-label', t('bdPlan'));
    planSelect.replaceChildren(...plans.map((p) => h('option', { value: p.id, selected: subject?.kind === 'plan' && subject.value === p.id },
      [p.name, p.jurisdiction, tf(lang, 'bdTasksN', { n: p.tasks })].filter(Boolean).join(' · '))));
    xlsx.textContent = t('bdExportXlsx');
    csv.textContent = t('bdExportCsv');
    const ready = status === 'ok' && data !== null && subject !== null;
    xlsx.hidden = !ready;
    csv.hidden = !ready;
    if (ready) {
      // The subject the server resolved (an id), so the file matches the table on screen.
      const s: Subject = { kind: data!.kind, value: data!.subject.id };
      xlsx.setAttribute('href', breakdownUrl(s, 'xlsx', lang));
      csv.setAttribute('href', breakdownUrl(s, 'csv', lang));
    }
    statusEl.dataset.status = status;
    statusEl.textContent = status === 'loading' ? t('bdLoading') : status === 'error' ? errorText(lang, failure) : '';
    if (status === 'error') { table.replaceChildren(); count.textContent = ''; return; }
    if (!ready) {
      count.textContent = '';
      table.replaceChildren(status === 'ok' && !agencyMode && plans.length === 0 ? h('p', { class: 'bd-empty' }, t('bdNoPlans')) : '');
      return;
    }
    const pairs = data!.rows.reduce((n, r) => n + r.lead.length + r.support.length + r.responsible.length, 0);
    count.textContent = `${data!.kind === 'agency' ? `${data!.subject.name} · ` : ''}${tf(lang, 'bdCount', { tasks: data!.total, units: pairs })}`;
    table.replaceChildren(data!.rows.length ? tableOf(data!) : h('p', { class: 'bd-empty' }, t('bdEmpty')),
      data!.total > data!.rows.length ? h('p', { class: 'bd-more', id: 'bd-more' }, tf(lang, 'bdMore', { shown: data!.rows.length, total: data!.total })) : '');
  }

  void loadPlans();
  const off = ctx.store.subscribe((s, p) => {
    if (s.lang !== p.lang) draw();
    if (s.documentsVersion !== p.documentsVersion) void loadPlans();
  });
  return () => { alive = false; off(); root.remove(); };
}
