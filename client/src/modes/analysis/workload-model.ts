/*
 * Workload without the DOM: the API's per-agency counts sorted by any column, and the bar-chart series over
 * years — either the leading agencies' totals side by side, or one agency's tasks stacked by how it holds
 * them. Pure, so sorting and series are unit-tested.
 */
import type { AgencyWorkload } from '../../../../server/graph/queries/analysis-workload.ts';

// Per-agency counts are the server's types, imported type-only (nothing of the server is bundled).
export type { AgencyWorkload, WorkloadCounts } from '../../../../server/graph/queries/analysis-workload.ts';
export interface WorkloadAnswer { agencies: AgencyWorkload[]; years: string[]; truncated: boolean }

export const COUNT_KEYS = ['led', 'supported', 'responsible', 'inherited', 'total'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
/** A column to sort by: the name, the area, a count, or one year's total (`year:2019`). */
export type SortKey = 'name' | 'area' | CountKey | `year:${string}`;
export interface Sort { key: SortKey; desc: boolean }

// An agency of no known area has '' here; sortWorkload puts it after every area in either direction.
const valueOf = (a: AgencyWorkload, key: SortKey): number | string =>
  key === 'name' ? a.name : key === 'area' ? a.jurisdiction ?? '' : key.startsWith('year:') ? a.years[key.slice(5)]?.total ?? 0 : a[key as CountKey];

/** A sorted copy; ties fall back to total (descending), then name and id, so the order is stable. */
export function sortWorkload(agencies: readonly AgencyWorkload[], sort: Sort): AgencyWorkload[] {
  const dir = sort.desc ? -1 : 1;
  return [...agencies].sort((x, y) => {
    const a = valueOf(x, sort.key);
    const b = valueOf(y, sort.key);
    if (sort.key === 'area' && (a === '') !== (b === '')) return a === '' ? 1 : -1;
    const c = typeof a === 'string' ? a.localeCompare(b as string, 'zh') : a - (b as number);
    return c * dir || y.total - x.total || x.name.localeCompare(y.name, 'zh') || x.id.localeCompare(y.id);
  });
}

/** Clicking a header: the same column flips direction; a new one starts descending, names and areas ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, desc: !current.desc } : { key, desc: key !== 'name' && key !== 'area' };
}

/**
 * The table as rows of text, in the order shown, for the CSV file: rank, agency (a group marked), area, each
 * count, each year's total. An analyst comparing two cities' 市发改委 needs the area in the file as on screen.
 */
export function workloadRows(sorted: readonly AgencyWorkload[], years: readonly string[], groupWord: string): string[][] {
  return sorted.map((a, i) => [
    String(i + 1), a.group ? `${a.name} (${groupWord})` : a.name, a.jurisdiction ?? '',
    ...COUNT_KEYS.map((k) => String(a[k])), ...years.map((y) => String(a.years[y]?.total ?? 0)),
  ]);
}

export interface BarSeries { name: string; stack?: string; data: number[] }

/**
 * The first `top` agencies' totals per year, one series per agency (in the table's order), each named by
 * `label` (the name, with the area where two listed agencies share it: ECharts merges same-named series).
 */
export function topAgencySeries(sorted: readonly AgencyWorkload[], years: readonly string[], top: number, label: (a: AgencyWorkload) => string = (a) => a.name): BarSeries[] {
  return sorted.slice(0, top).map((a) => ({ name: label(a), data: years.map((y) => a.years[y]?.total ?? 0) }));
}

/** One agency's tasks per year, stacked by how it holds them; the labels come from the caller's language. */
export function agencySeries(agency: AgencyWorkload, years: readonly string[], labels: Record<Exclude<CountKey, 'total'>, string>): BarSeries[] {
  return (['led', 'supported', 'responsible', 'inherited'] as const).map((k) => ({
    name: labels[k], stack: 'tasks', data: years.map((y) => agency.years[y]?.[k] ?? 0),
  }));
}
