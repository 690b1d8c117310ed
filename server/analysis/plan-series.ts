/*
 * Which plans form an annual series. The graph stores a plan's year on the Plan, and its jurisdiction and
 * issuer on the Document that describes it (the issuer is often not printed: the 2019 要点 came to us as a
 * news reprint). So a series is offered at three grains, each only when it holds two plans or more:
 * every plan of one jurisdiction; the plans of one issuer in it; the plans of one title family in it
 * (the name without its years: 2019年数字福州工作要点 and 2020年数字福州工作要点 are 数字福州工作要点).
 * Pure, so the grouping is unit-tested without a database.
 */

export interface SeriesPlan {
  id: string;
  name: string;
  year: number;
  issued: string | null;
  issuer: string | null;
  jurisdiction: string | null;
  tasks: number;
  responsibilities: number;
}

export type SeriesKind = 'jurisdiction' | 'issuer' | 'family';

export interface PlanSeries {
  /** Stable key the API takes back: `jurisdiction|kind|value`. */
  id: string;
  kind: SeriesKind;
  jurisdiction: string | null;
  /** The issuer or family the series is narrowed to; null for a jurisdiction series. */
  value: string | null;
  /** In year order, then date of issue, then name. */
  plans: SeriesPlan[];
}

const YEARS = /(?:19|20)\d{2}(?:\s*[-—–~至到]\s*(?:(?:19|20)?\d{2}))?\s*(?:年度|年)?/g;

/** A plan's name without its years and the brackets they leave empty: its title family. */
export function planFamily(name: string): string {
  return name.replace(YEARS, '').replace(/[(（]\s*[)）]/g, '').replace(/\s+/g, ' ').trim();
}

const byYear = (a: SeriesPlan, b: SeriesPlan) =>
  a.year - b.year || (a.issued ?? '').localeCompare(b.issued ?? '') || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export function seriesId(kind: SeriesKind, jurisdiction: string | null, value: string | null): string {
  return `${jurisdiction ?? ''}|${kind}|${value ?? ''}`;
}

const annual = (s: PlanSeries) => new Set(s.plans.map((p) => p.year)).size === s.plans.length;

/**
 * Every series of two plans or more. Annual series (one plan a year) come first, since their neighbours are
 * one year's plan and the next one's; then the longer series; then by id. On a large archive a jurisdiction
 * holds many plans a year and its 数字福州工作要点 family is the annual series a user wants.
 */
export function groupSeries(plans: readonly SeriesPlan[]): PlanSeries[] {
  const byJurisdiction = new Map<string, SeriesPlan[]>();
  for (const p of plans) {
    const key = p.jurisdiction ?? '';
    byJurisdiction.set(key, [...(byJurisdiction.get(key) ?? []), p]);
  }
  const out: PlanSeries[] = [];
  for (const key of [...byJurisdiction.keys()].sort()) {
    const all = [...byJurisdiction.get(key)!].sort(byYear);
    const jurisdiction = key === '' ? null : key;
    if (all.length >= 2) out.push({ id: seriesId('jurisdiction', jurisdiction, null), kind: 'jurisdiction', jurisdiction, value: null, plans: all });
    for (const kind of ['issuer', 'family'] as const) {
      const groups = new Map<string, SeriesPlan[]>();
      for (const p of all) {
        const value = kind === 'issuer' ? p.issuer : planFamily(p.name);
        if (value) groups.set(value, [...(groups.get(value) ?? []), p]);
      }
      for (const value of [...groups.keys()].sort()) {
        const members = groups.get(value)!;
        // A narrower series that holds every plan of the jurisdiction says nothing new.
        if (members.length >= 2 && members.length < all.length) {
          out.push({ id: seriesId(kind, jurisdiction, value), kind, jurisdiction, value, plans: members });
        }
      }
    }
  }
  return out.sort((a, b) => Number(annual(b)) - Number(annual(a)) || b.plans.length - a.plans.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
