/*
 * Plans over time, the client's side: the requests to GET /api/analysis/plans/series and /compare, and the
 * pure pieces the view draws from (a series' label, the lineage as canvas elements, one agency's movement as
 * task lines), kept apart from the DOM so they read and test on their own.
 */
import { translate, type Lang } from '../../i18n/index.ts';
import { request } from '../../api/client.ts';
import type { PlanSeries } from '../../../../server/analysis/plan-series.ts';
import type { PairTask, PlansOverTime, YearPair } from '../../../../server/graph/queries/analysis-plan-series.ts';

// The answers' shapes are the server's, imported type-only (nothing of the server is bundled).
export type { SeriesPlan, PlanSeries } from '../../../../server/analysis/plan-series.ts';
export type { PairTask, PlansOverTime, YearPair } from '../../../../server/graph/queries/analysis-plan-series.ts';
/** One agency's tasks across a year pair, with their counts. */
export type AgencyMove = YearPair['agencies'][number];

/** The threshold the view opens with: the API's default (docs/api.md says how it was chosen). */
export const DEFAULT_THRESHOLD = 0.15;

export const fetchSeries = () => request<{ series: PlanSeries[] }>('analysis/plans/series').then((b) => b.series);
/** Year pairs matched per request: on the 2,000-document bench graph one pair of 750-task plans takes about 1.6 s (docs/api.md). */
export const PAIRS_PER_PAGE = 4;

export const fetchComparison = (series: string, threshold: number, offset: number) =>
  request<PlansOverTime>(`analysis/plans/compare?series=${encodeURIComponent(series)}&threshold=${threshold.toFixed(2)}&offset=${offset}&limit=${PAIRS_PER_PAGE}`);

/** 福州市 · 全部规划 (2019、2021、2025) — what the series picker shows. */
export function seriesLabel(lang: Lang, s: PlanSeries): string {
  const where = s.jurisdiction ?? translate(lang, 'potNoJurisdiction');
  const what = s.kind === 'jurisdiction' ? translate(lang, 'potKindJurisdiction')
    : `${translate(lang, s.kind === 'issuer' ? 'potKindIssuer' : 'potKindFamily')} ${s.value ?? ''}`;
  const years = s.plans.map((p) => p.year).join(lang === 'zh' ? '、' : ', ');
  return `${where} · ${what} (${years})`;
}

/** A task as one line: its number as printed and its title. */
export function taskLine(t: PairTask | undefined): string {
  if (!t) return '';
  return t.number ? `${t.number}. ${t.title}` : t.title;
}

/**
 * The series' plans and the plans they implement or reference, as Cytoscape elements. Series plans carry
 * their year first when their name does not; an edge runs from a plan to the plan it implements or references.
 */
export function lineageElements(data: PlansOverTime): { group: 'nodes' | 'edges'; data: Record<string, string>; classes: string }[] {
  return [
    ...data.lineage.plans.map((p) => ({
      group: 'nodes' as const, classes: p.inSeries ? 'series' : 'upstream',
      data: { id: p.id, name: p.inSeries && p.year !== null && !p.name.includes(String(p.year)) ? `${p.year} · ${p.name}` : p.name },
    })),
    ...data.lineage.links.map((l) => ({
      group: 'edges' as const, classes: l.type === 'IMPLEMENTS' ? 'implements' : 'references',
      data: { id: `${l.from}>${l.to}>${l.type}`, source: l.from, target: l.to, type: l.type },
    })),
  ];
}
