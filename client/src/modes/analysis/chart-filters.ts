/*
 * The plan / year / jurisdiction controls the analysis views share, filled from GET /api/analysis/filters
 * (plans that have tasks, their years, the jurisdictions of responsible agencies), and the message
 * formatting they use. One place, so every view offers the same choices in the same words.
 */
import { translate, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { ModeContext } from '../mode.ts';
import { h } from '../../panels/dom.ts';
import { getAnalysis, type AnalysisFilterChoices, type AnalysisFilterValues } from './collaboration-model.ts';

/** A message with its {placeholders} filled in. */
export function say(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return translate(lang, key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

let choices: Promise<AnalysisFilterChoices> | null = null;
let choicesVersion = -1;
/** The filter choices, asked once per documents version (uploads add plans and years). */
export function filterChoices(documentsVersion: number): Promise<AnalysisFilterChoices> {
  if (!choices || choicesVersion !== documentsVersion) {
    choicesVersion = documentsVersion;
    choices = getAnalysis<AnalysisFilterChoices>('filters');
    choices.catch(() => { choices = null; });
  }
  return choices;
}

const select = (id: string, label: string, value: string, options: [string, string][], onChange: (v: string) => void) =>
  h('label', { class: 'an-field' }, label, ' ',
    (() => {
      const el = h('select', { id, onchange: () => onChange(el.value) }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
      return el;
    })());

/** The three selects; `prefix` keeps the element ids of two views apart. */
export function filterControls(
  lang: Lang, prefix: string, c: AnalysisFilterChoices | null, v: AnalysisFilterValues, onChange: (patch: Partial<AnalysisFilterValues>) => void,
): HTMLElement[] {
  const t = (k: MessageKey) => translate(lang, k);
  const plans = (c?.plans ?? []).filter((p) => !v.year || String(p.year) === v.year);
  return [
    select(`${prefix}-plan`, t('anPlan'), v.plan, [['', t('anAllPlans')], ...plans.map((p): [string, string] => [p.id, p.name])], (plan) => onChange({ plan })),
    select(`${prefix}-year`, t('anYear'), v.year, [['', t('anAllYears')], ...(c?.years ?? []).map((y): [string, string] => [String(y), String(y)])],
      (year) => onChange({ year, plan: '' })),
    select(`${prefix}-jurisdiction`, t('anJurisdiction'), v.jurisdiction,
      [['', t('anAllJurisdictions')], ...(c?.jurisdictions ?? []).map((j): [string, string] => [j.name, j.name])], (jurisdiction) => onChange({ jurisdiction })),
  ];
}

/**
 * What every analysis view does while it is open: redraw when the language changes, and when documents are
 * added, replaced or removed ask for the filter choices again (new plans, years) and reload its data.
 * Returns the unsubscribe.
 */
export function followDocuments(ctx: ModeContext, view: { alive(): boolean; choices(c: AnalysisFilterChoices): void; reload(): void; redraw(): void }): () => void {
  return ctx.store.subscribe((s, p) => {
    if (s.lang !== p.lang) view.redraw();
    if (s.documentsVersion !== p.documentsVersion) {
      void filterChoices(s.documentsVersion).then((c) => { if (view.alive()) view.choices(c); }, () => undefined);
      view.reload();
    }
  });
}

/** The three filters as label / shown value pairs, for an exported picture's caption. */
export function filterCaption(lang: Lang, c: AnalysisFilterChoices | null, v: AnalysisFilterValues): [string, string][] {
  const t = (k: MessageKey) => translate(lang, k);
  return [
    [t('anPlan'), v.plan ? c?.plans.find((p) => p.id === v.plan)?.name ?? v.plan : t('anAllPlans')],
    [t('anYear'), v.year || t('anAllYears')],
    [t('anJurisdiction'), v.jurisdiction || t('anAllJurisdictions')],
  ];
}
