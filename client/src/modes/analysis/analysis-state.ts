/*
 * What Analysis mode is showing, as part of the one state object: the open tab and each view's choices
 * (filters, sort, the agency or indicator picked, the threshold). Share links and scenes carry it, so a link
 * made in Analysis reopens the same tab with the same filters and result. The zod schemas here are the one
 * definition of a valid analysis state; the link decoder and the scene file both use them. Pure, no DOM.
 */
import { z } from 'zod';
import type { Store } from '../../state/store.ts';
import { MEASURES } from './collaboration-model.ts';

export const ANALYSIS_TABS = ['collaboration', 'workload', 'breakdown', 'targets', 'plans-over-time'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

const filters = { plan: z.string().max(200), year: z.string().max(10), jurisdiction: z.string().max(200) };
const id = z.string().min(1).max(300);

export const ViewStateSchemas = {
  collaboration: z.object({
    ...filters,
    members: z.boolean(),
    measure: z.enum(MEASURES),
    min: z.number().int().min(1).max(999),
    /** The clicked edge (its two agencies), whose shared tasks the panel lists. */
    edge: z.tuple([id, id]).nullable(),
    /** The clicked agency, whose partners stay bright. */
    focus: id.nullable(),
  }),
  workload: z.object({
    ...filters,
    sort: z.object({ key: z.string().regex(/^(name|area|led|supported|responsible|inherited|total|year:.{1,10})$/), desc: z.boolean() }),
    picked: id.nullable(),
  }),
  breakdown: z.object({ kind: z.enum(['plan', 'agency']), value: z.string().max(300) }),
  targets: z.object({ indicator: id.nullable() }),
  'plans-over-time': z.object({
    series: id.nullable(),
    threshold: z.number().min(0).max(1),
    offset: z.number().int().min(0),
    pair: z.number().int().min(0),
    agency: id.nullable(),
  }),
} satisfies Record<AnalysisTab, z.ZodType>;

export type ViewStates = { [K in AnalysisTab]: z.infer<(typeof ViewStateSchemas)[K]> };

/** One tab and its state: what a share link or a scene carries (the state is absent before the view saved any). */
export type AnalysisShared = { [K in AnalysisTab]: { tab: K; state?: ViewStates[K] } }[AnalysisTab];

export interface AnalysisSlice {
  tab: AnalysisTab;
  views: Partial<ViewStates>;
  /** Bumped when a link or a scene puts a state in, so the open view starts again from it. */
  restored: number;
}

export function initialAnalysisSlice(): AnalysisSlice {
  return { tab: 'collaboration', views: {}, restored: 0 };
}

/** The open tab with its state, as a link or scene carries it. */
export function sharedAnalysis(slice: AnalysisSlice): AnalysisShared {
  const state = slice.views[slice.tab];
  return (state ? { tab: slice.tab, state } : { tab: slice.tab }) as AnalysisShared;
}

/** The slice after a link or scene is opened: its tab, its state for that tab, the other tabs as they were. */
export function restoreAnalysis(slice: AnalysisSlice, shared: AnalysisShared): AnalysisSlice {
  const views: Partial<ViewStates> = { ...slice.views };
  if (shared.state) (views as Record<string, unknown>)[shared.tab] = shared.state;
  else delete views[shared.tab];
  return { tab: shared.tab, views, restored: slice.restored + 1 };
}

export type AnalysisCheck = { ok: true; value: AnalysisShared } | { ok: false; where: string; message: string };

/**
 * Validates an analysis state from outside (a link, a scene file). The failure names the place and the
 * problem (`tab: unknown analysis view "x"`, `state.min: …`) so the message can say what is wrong.
 */
export function parseAnalysis(raw: unknown): AnalysisCheck {
  if (!raw || typeof raw !== 'object') return { ok: false, where: '(analysis)', message: 'not an object' };
  const tab = (raw as { tab?: unknown }).tab;
  if (typeof tab !== 'string' || !(ANALYSIS_TABS as readonly string[]).includes(tab)) {
    return { ok: false, where: 'tab', message: `unknown analysis view "${String(tab)}"` };
  }
  const state = (raw as { state?: unknown }).state;
  if (state === undefined) return { ok: true, value: { tab } as AnalysisShared };
  const parsed = ViewStateSchemas[tab as AnalysisTab].safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, where: ['state', ...(issue?.path ?? [])].join('.'), message: issue?.message ?? 'invalid' };
  }
  return { ok: true, value: { tab, state: parsed.data } as AnalysisShared };
}

/** The zod type for places that embed an analysis state in a larger schema (scene files). */
export const AnalysisSharedSchema = z.unknown().transform((raw, ctx) => {
  const r = parseAnalysis(raw);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: `${r.where}: ${r.message}` });
  return z.NEVER;
});

/**
 * Runs fn with Math.random replaced by a seeded generator (mulberry32), so a force layout that draws its
 * start from Math.random gives the same picture for the same graph — on the page that made a link and on
 * the page that opens it. fn must be synchronous (a layout run without animation is).
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  let a = seed >>> 0;
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** The state a view saved (or a link or scene brought), or undefined before there is any. */
export function savedView<K extends AnalysisTab>(store: Store, tab: K): ViewStates[K] | undefined {
  return store.get().analysis.views[tab] as ViewStates[K] | undefined;
}

/** A view's choices changed: keep them in the state, where links and scenes read them. */
export function saveView<K extends AnalysisTab>(store: Store, tab: K, state: ViewStates[K]): void {
  store.dispatch('analysisView', (s) => ({ analysis: { ...s.analysis, views: { ...s.analysis.views, [tab]: state } } }));
}
