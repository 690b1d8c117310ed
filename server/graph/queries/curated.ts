/*
 * Curated queries: named, documented Cypher files in cypher/queries/ that the explorer offers as
 * buttons. Parameters are validated against the file's header (types, defaults, entity ids of the
 * right label) before the query runs; results come back like the console's (table + graph), the rows
 * naming their elements by reference (query-result.ts, elementRef) and the graph carrying them.
 *
 * A query that pages (`limit` and `offset` parameters) may have a companion cypher/queries/totals/<name>.cypher
 * returning one row of counts over all results; the answer carries them as `totals` next to `page`, so a
 * client can say "50 of 10,213 shown" without fetching the 10,213.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { CYPHER_DIR, loadCypher } from '../cypher-files.ts';
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';
import { GraphStateCache } from './graph-state-cache.ts';
import { parseQueryFile, type QueryHeader, type QueryParamDef } from './query-header.ts';
import { runGraphQuery, type QueryLimits, type QueryResult } from './query-result.ts';

export interface CuratedQuery { header: QueryHeader; text: string; file: string; totals?: string }

export const QUERIES_DIR = path.join(CYPHER_DIR, 'queries');
let cache: Map<string, CuratedQuery> | undefined;

/** Reads every cypher/queries/*.cypher once; a malformed header fails loudly at first use. */
export function curatedQueries(dir = QUERIES_DIR): Map<string, CuratedQuery> {
  if (cache && dir === QUERIES_DIR) return cache;
  const map = new Map<string, CuratedQuery>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) {
    const { header, text } = parseQueryFile(file, fs.readFileSync(path.join(dir, file), 'utf8'));
    if (map.has(header.name)) throw new Error(`Two curated queries are named '${header.name}'`);
    const totalsFile = path.join(dir, 'totals', `${header.name}.cypher`);
    const totals = fs.existsSync(totalsFile) ? loadCypher(header.name, path.join(dir, 'totals')).text : undefined;
    map.set(header.name, { header, text, file, ...(totals ? { totals } : {}) });
  }
  if (dir === QUERIES_DIR) cache = map;
  return map;
}

/** `cypher` is the query text, so the console can open a curated query to be adapted. */
export type PublicQueryDef = Omit<QueryHeader, 'params'> & { params: Omit<QueryParamDef, 'parsed'>[]; cypher: string };

export function listCuratedQueries(): PublicQueryDef[] {
  return [...curatedQueries().values()].map(({ header, text }) => ({
    ...header,
    params: header.params.map(({ parsed: _parsed, ...p }) => p),
    cypher: text,
  }));
}

function paramSchema(p: QueryParamDef): z.ZodType {
  let s: z.ZodType;
  switch (p.parsed.kind) {
    case 'integer': {
      const min = p.min ?? 0;
      const max = p.max ?? 100_000;
      s = z.coerce.number({ error: 'must be an integer' }).int('must be an integer').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
      break;
    }
    case 'number': s = z.coerce.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number'); break;
    case 'boolean': s = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], { error: 'must be true or false' }); break;
    default: s = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(500, 'is too long');
  }
  return p.default === undefined ? s : s.optional().default(p.default as never);
}

/** The zod schema for one query's parameters, built from its header. */
export function paramsSchemaFor(header: QueryHeader): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const p of header.params) shape[p.name] = paramSchema(p);
  return z.strictObject(shape);
}

export interface CuratedResult extends QueryResult {
  query: string;
  /** Counts over every result, not just this page (from the query's totals companion). */
  totals?: Record<string, number>;
  /** For queries with `limit` and `offset`: the page asked for and how many rows it holds. */
  page?: { offset: number; limit: number; shown: number };
}

/**
 * A curated query's parameters checked against its header, with its defaults filled in and in the header's
 * order: pure, so a request can be keyed by what it asks for (an omitted limit and `limit: 50` are one request)
 * before anything is read.
 */
export function validateCuratedParams(name: string, rawParams: unknown): { query: CuratedQuery; params: Record<string, unknown> } {
  const query = curatedQueries().get(name);
  if (!query) throw AppError.notFound(`No curated query named '${name}'`, { name, available: [...curatedQueries().keys()] });
  const parsed = paramsSchemaFor(query.header).safeParse(rawParams ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || (i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys?.join(', ') ?? 'params' : 'params'),
      message: i.message,
    }));
    const first = issues[0]!;
    throw new AppError(400, 'VALIDATION_FAILED', `Invalid parameter '${first.field}' of query '${name}': ${first.message}`, { issues });
  }
  return { query, params: { ...parsed.data } as Record<string, unknown> };
}

type EntityHit = { id: string; name: string; jurisdiction: string | null; rank: number };

/**
 * The id an entity parameter names, from resolve-entity's hits (best first). An id is exact; a name or alias
 * that several nodes share at the best rank (市发改委 is an alias of every city's development commission once
 * two cities' plans are loaded) is refused with the candidates and their areas, rather than answered for
 * whichever id sorts first: the user would get another city's tasks without being told.
 */
export function entityOf(query: string, p: QueryParamDef, value: string, hits: readonly EntityHit[]): string {
  const label = p.parsed.kind === 'entity' ? p.parsed.label : '';
  const best = hits[0];
  if (!best) {
    throw new AppError(400, 'VALIDATION_FAILED', `Invalid parameter '${p.name}' of query '${query}': no ${label} with id or name '${value}'`, {
      // reason/label/value let a client say "no agency named X" in its own language.
      issues: [{ field: p.name, message: `no ${label} with id or name '${value}'`, reason: 'unknown-entity', label, value }],
    });
  }
  const tied = [...new Map(hits.filter((h) => h.rank === best.rank).map((h) => [h.id, h])).values()];
  if (best.rank > 0 && tied.length > 1) {
    const candidates = tied.map((h) => ({ id: h.id, name: h.name, jurisdiction: h.jurisdiction ?? null }));
    const listed = candidates.map((c) => `${c.name} (${c.jurisdiction ?? 'area unknown'})`).join(', ');
    throw new AppError(400, 'VALIDATION_FAILED', `Invalid parameter '${p.name}' of query '${query}': '${value}' names several ${label} nodes: ${listed}; pass one's id`, {
      issues: [{ field: p.name, message: `'${value}' names several ${label} nodes; pass one's id`, reason: 'ambiguous-entity', label, value, candidates }],
    });
  }
  return best.id;
}

/**
 * Totals per graph state, kept apart from the pages: they count every result whatever page is asked for, so
 * paging through an agency's 10,213 tasks counts them once, not once per page (for a hub, the count is most of
 * a page's cost). Keyed by the query and its parameters other than the page's.
 */
const totalsAnswers = new GraphStateCache<Record<string, number> | undefined>(1024);
const PAGE_PARAMS = new Set(['limit', 'offset']);

/** `fresh` (the client asked for no kept answer) counts the totals again too. */
export function runCuratedQuery(db: GraphDb, name: string, rawParams: unknown, limits: QueryLimits, fresh = false): Promise<CuratedResult> {
  return runCheckedQuery(db, validateCuratedParams(name, rawParams), limits, fresh);
}

/**
 * Runs a query with parameters validateCuratedParams has checked, so a caller that keyed its answer by them
 * does not check them a second time (a default such as '' for "every plan" is not a value the check accepts).
 */
export async function runCheckedQuery(db: GraphDb, checked: ReturnType<typeof validateCuratedParams>, limits: QueryLimits, fresh = false): Promise<CuratedResult> {
  const { query } = checked;
  const name = query.header.name;
  const params = { ...checked.params };
  for (const p of query.header.params) {
    if (p.parsed.kind !== 'entity') continue;
    const value = params[p.name] as string;
    const hits = await db.read<EntityHit>(loadApiCypher('resolve-entity'), { value, label: p.parsed.label }, { timeoutMs: limits.timeoutMs });
    params[p.name] = entityOf(name, p, value, hits);
  }
  const totals = query.totals;
  const totalsKey = `${name}|${JSON.stringify(Object.entries(params).filter(([k]) => !PAGE_PARAMS.has(k)))}`;
  // The totals count without sorting, so they run beside the page rather than after it.
  const [result, totalRow] = await Promise.all([
    runGraphQuery(db, query.text, params, limits, { refRows: true }),
    totals
      ? totalsAnswers.get(db, totalsKey, limits.timeoutMs, async () => (await db.read<Record<string, number>>(totals, params, { timeoutMs: limits.timeoutMs }))[0], fresh)
      : Promise.resolve(undefined),
  ]);
  const answer: CuratedResult = { query: name, ...result };
  if (totalRow) answer.totals = totalRow;
  if (typeof params.limit === 'number' && typeof params.offset === 'number') {
    answer.page = { offset: params.offset, limit: params.limit, shown: result.rows.length };
  }
  return answer;
}
