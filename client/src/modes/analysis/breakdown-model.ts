/*
 * What the 分工表 view asks the server and the links it builds: the plans that have tasks, a plan's or an
 * agency's breakdown, and the export URLs (XLSX / CSV are written by the server, so the file a user
 * downloads is exactly the one the API documents). Failures come back as ApiError, said in the UI's language.
 */
import { request } from '../../api/client.ts';
import type { Lang } from '../../i18n/index.ts';

export type { Breakdown, BreakdownRow, BreakdownUnit, PlanChoice } from '../../../../server/graph/queries/analysis-breakdown.ts';
import type { Breakdown, BreakdownUnit, PlanChoice } from '../../../../server/graph/queries/analysis-breakdown.ts';

/** Which table the view shows: a plan's, or one agency's across all plans. */
export type Subject = { kind: 'plan'; value: string } | { kind: 'agency'; value: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs a view's fetches so that only the latest one's outcome comes back (null for the others, and once the view
 * is gone): a slow answer to an earlier choice must not overwrite a newer one.
 */
export function latestOnly(alive: () => boolean): <T>(fetch: () => Promise<T>) => Promise<Outcome<T> | null> {
  let request = 0;
  return async (fetch) => {
    const mine = ++request;
    let outcome: Outcome<Awaited<ReturnType<typeof fetch>>>;
    try {
      outcome = { ok: true, value: await fetch() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    return alive() && mine === request ? outcome : null;
  };
}

function breakdownPath(s: Subject, format: 'json' | 'xlsx' | 'csv', lang: Lang): string {
  const q = new URLSearchParams({ [s.kind]: s.value, format, ...(format === 'json' ? {} : { lang }) });
  return `analysis/breakdown?${q.toString()}`;
}

/** The page-relative URL of a breakdown file: the download links use the same URL the API documents. */
export const breakdownUrl = (s: Subject, format: 'json' | 'xlsx' | 'csv', lang: Lang): string => `api/${breakdownPath(s, format, lang)}`;

export const fetchPlans = () => request<{ plans: PlanChoice[] }>('analysis/breakdown/plans').then((b) => b.plans);
/** The view shows the first rows of a long table (a city's busiest agency carries thousands of tasks); the files hold them all. */
export const VIEW_ROWS = 500;
export const fetchBreakdown = (s: Subject) => request<Breakdown>(`${breakdownPath(s, 'json', 'zh')}&limit=${VIEW_ROWS}`);

/** The units of one cell as printed, joined the way the documents join them. */
export function unitsText(us: BreakdownUnit[], lang: Lang): string {
  return us.map((u) => u.printed).join(lang === 'zh' ? '、' : ', ');
}
