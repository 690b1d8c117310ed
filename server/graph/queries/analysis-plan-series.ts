/*
 * Plans over time (GET /api/analysis/plans/series and /compare): reads the plans of a jurisdiction and the
 * tasks of each neighbouring pair through the curated queries plan-series and task-continuity (the same
 * Cypher an analyst runs in the console), and hands them to the pure matching in server/analysis/.
 */
import { AppError } from '../../errors.ts';
import { groupSeries, type PlanSeries, type SeriesPlan } from '../../analysis/plan-series.ts';
import { agencyMovements, atThreshold, matchAllPairs, type AgencyMovement, type MatchResult, type PairMatching, type Responsibility } from '../../analysis/task-matching.ts';
import type { GraphDb } from '../graph-db.ts';
import { cachedCurated, curatedText } from './analysis-collaboration.ts';
import { cachedJson, type JsonAnswer } from './json-answers.ts';
import { GraphStateCache } from './graph-state-cache.ts';

/** The lean node maps the curated queries return (their `properties` a plain map). */
interface LeanMap { properties: Record<string, unknown> }

interface LineageLink { type: string; from: string; fromName: string; fromYear: number | null; to: string; toName: string; toYear: number | null }

type SeriesRow = {
  jurisdiction: string | null; year: number; plan: string; issuer: string | null; issued: string | null;
  tasks: number; responsibilities: number; lineage: LineageLink[]; planNode: LeanMap;
};

type TaskRow = {
  side: 'from' | 'to'; taskId: string; number: string | null; section: string | null; title: string | null; text: string | null;
  responsible: string[]; roles: (string | null)[]; agencies: LeanMap[];
};

/**
 * A task of a year pair as the lists show it. Its section and printed responsibility list are left out: the view
 * shows neither (each agency's part is in `agencies`), and on a pair of 750-task plans they were a fifth of the answer.
 */
export interface PairTask { side: 'from' | 'to'; number: string | null; title: string }

export interface PlanRef { id: string; name: string; year: number }

export interface YearPair extends Omit<MatchResult, 'threshold'> {
  from: PlanRef;
  to: PlanRef;
  counts: { continued: number; dropped: number; added: number };
  /** Every task of both plans by id, for the lists and the agency movements. */
  tasks: Record<string, PairTask>;
  agencies: (AgencyMovement & { counts: { continued: number; dropped: number; added: number } })[];
}

export interface PlanLineage {
  plans: { id: string; name: string; year: number | null; inSeries: boolean }[];
  links: { from: string; to: string; type: string }[];
}

export interface PlansOverTime {
  series: PlanSeries;
  threshold: number;
  /** Neighbouring pairs in the series, and where this page of them starts. */
  pairTotal: number;
  offset: number;
  pairs: YearPair[];
  lineage: PlanLineage;
}

/**
 * The rows of plan-series for one jurisdiction (or all: `*`). Read once for all jurisdictions and filtered here
 * as the query filters them (d.jurisdiction = $jurisdiction), so the list and a series' comparison share one read.
 */
async function seriesRows(db: GraphDb, jurisdiction: string, timeoutMs: number): Promise<SeriesRow[]> {
  const rows = await cachedCurated<SeriesRow>(db, 'plan-series', { jurisdiction: '*' }, timeoutMs);
  return jurisdiction === '*' ? rows : rows.filter((r) => r.jurisdiction === jurisdiction);
}

const toPlan = (r: SeriesRow): SeriesPlan => ({
  id: String(r.planNode.properties.id), name: r.plan, year: Number(r.year), issued: r.issued ?? null, issuer: r.issuer ?? null,
  jurisdiction: r.jurisdiction ?? null, tasks: Number(r.tasks), responsibilities: Number(r.responsibilities),
});

/** Every series of two or more annual plans, in one jurisdiction or all (`*`): `{series}` as JSON. */
export async function listPlanSeries(db: GraphDb, jurisdiction: string, timeoutMs: number): Promise<JsonAnswer> {
  return cachedJson(db, `plans/series|${jurisdiction}`, timeoutMs, async () => {
    const answer: { series: PlanSeries[] } = { series: groupSeries((await seriesRows(db, jurisdiction, timeoutMs)).map(toPlan)) };
    return answer;
  });
}

/** What a year pair is whatever the threshold: its tasks, their agencies and the threshold-free matching. */
interface PairBase {
  tasks: Record<string, PairTask>;
  matching: PairMatching;
  responsibilities: { from: Responsibility[]; to: Responsibility[] };
}

/**
 * Reading a pair's tasks and matching them takes over a second on a large archive (docs/api.md, "Cost"), and
 * neither depends on the threshold: so each pair is read and matched once per graph state, at the floor, and
 * every threshold the slider asks for filters that (atThreshold).
 */
const pairCache = new GraphStateCache<PairBase>(256);

/** Year pairs read and matched at the same time for one page. */
const PAIR_READS = 4;

async function readPair(db: GraphDb, from: SeriesPlan, to: SeriesPlan, timeoutMs: number): Promise<PairBase> {
  const rows = await db.read<TaskRow>(curatedText('task-continuity'), { from: from.id, to: to.id }, { timeoutMs });
  const side = (s: 'from' | 'to') => rows.filter((r) => r.side === s);
  const asTask = (r: TaskRow) => ({ id: r.taskId, title: r.title ?? '', text: r.text ?? r.title ?? '' });
  const responsibilities = (s: 'from' | 'to'): Responsibility[] => side(s).flatMap((r) =>
    r.agencies.map((a, i) => ({ task: r.taskId, agency: String(a.properties.id), name: String(a.properties.name), role: r.roles[i] ?? 'responsible' })));
  const tasks: Record<string, PairTask> = {};
  for (const r of rows) tasks[r.taskId] = { side: r.side, number: r.number, title: r.title ?? '' };
  return {
    tasks,
    matching: matchAllPairs(side('from').map(asTask), side('to').map(asTask)),
    responsibilities: { from: responsibilities('from'), to: responsibilities('to') },
  };
}

async function comparePair(db: GraphDb, from: SeriesPlan, to: SeriesPlan, threshold: number, timeoutMs: number): Promise<YearPair> {
  const base = await pairCache.get(db, `${from.id}>${to.id}`, timeoutMs, () => readPair(db, from, to, timeoutMs));
  const result = atThreshold(base.matching, threshold);
  const { threshold: _t, ...matched } = result;
  return {
    from: { id: from.id, name: from.name, year: from.year },
    to: { id: to.id, name: to.name, year: to.year },
    counts: { continued: result.matches.length, dropped: result.dropped.length, added: result.added.length },
    ...matched,
    tasks: base.tasks,
    agencies: agencyMovements(result, base.responsibilities.from, base.responsibilities.to)
      .map((m) => ({ ...m, counts: { continued: m.continued.length, dropped: m.dropped.length, added: m.added.length } })),
  };
}

function lineageOf(rows: SeriesRow[], series: PlanSeries): PlanLineage {
  const inSeries = new Set(series.plans.map((p) => p.id));
  const plans = new Map<string, PlanLineage['plans'][number]>();
  for (const p of series.plans) plans.set(p.id, { id: p.id, name: p.name, year: p.year, inSeries: true });
  const links = new Map<string, PlanLineage['links'][number]>();
  for (const r of rows.filter((x) => inSeries.has(String(x.planNode.properties.id)))) {
    for (const l of r.lineage) {
      if (!plans.has(l.from)) plans.set(l.from, { id: l.from, name: l.fromName, year: l.fromYear ?? null, inSeries: false });
      if (!plans.has(l.to)) plans.set(l.to, { id: l.to, name: l.toName, year: l.toYear ?? null, inSeries: false });
      links.set(`${l.from}>${l.to}>${l.type}`, { from: l.from, to: l.to, type: l.type });
    }
  }
  const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { plans: byKey(plans), links: byKey(links) };
}

/**
 * The named series with its neighbouring pairs of plans `offset` to `offset + limit` matched at `threshold`, and
 * its plans' lineage. Paged because a jurisdiction of a large archive can hold a hundred plans, each pair costing
 * two reads and a matching. As JSON, kept per graph state, series, page and threshold (json-answers.ts): the
 * agencies' movements and the serialisation of a 700-task pair are then done once, not once per request.
 */
export async function comparePlanSeries(db: GraphDb, seriesKey: string, page: { threshold: number; offset: number; limit: number }, timeoutMs: number): Promise<JsonAnswer> {
  return cachedJson(db, `plans/compare|${JSON.stringify([seriesKey, page.threshold, page.offset, page.limit])}`, timeoutMs, () => compareSeries(db, seriesKey, page, timeoutMs));
}

async function compareSeries(db: GraphDb, seriesKey: string, page: { threshold: number; offset: number; limit: number }, timeoutMs: number): Promise<PlansOverTime> {
  const { threshold, offset, limit } = page;
  const jurisdiction = seriesKey.slice(0, seriesKey.indexOf('|'));
  const rows = await seriesRows(db, jurisdiction === '' ? '*' : jurisdiction, timeoutMs);
  const all = groupSeries(rows.map(toPlan));
  const series = all.find((s) => s.id === seriesKey);
  if (!series) {
    throw AppError.notFound(`No series of plans '${seriesKey}' (GET /api/analysis/plans/series lists them)`, { series: seriesKey, available: all.map((s) => s.id) });
  }
  const pairs: YearPair[] = [];
  const pairTotal = Math.max(0, series.plans.length - 1);
  const onPage = Array.from({ length: Math.max(0, Math.min(pairTotal, offset + limit) - offset) }, (_, k) => offset + k);
  // PAIR_READS pairs at once (the view's page is 4): Neo4j reads the next pairs' tasks while Node matches the
  // first, instead of each read waiting for the previous pair's matching; the console's budget applies to each read.
  for (let k = 0; k < onPage.length; k += PAIR_READS) {
    pairs.push(...await Promise.all(onPage.slice(k, k + PAIR_READS).map((i) => comparePair(db, series.plans[i]!, series.plans[i + 1]!, threshold, timeoutMs))));
  }
  return { series, threshold, pairTotal, offset, pairs, lineage: lineageOf(rows, series) };
}
