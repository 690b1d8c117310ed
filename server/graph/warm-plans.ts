/*
 * Plans the hot read statements once at start, so the first requests after a start do not plan them.
 *
 * Neo4j plans a statement on first use and caches the plan by its text, the types of its parameters and,
 * for strings and lists, their size rounded up to a power of ten (0 and 1 exact: Neo4j's SizeBucket).
 * Planning one of the API's statements takes 0.2–1.5 s on a quiet machine and several seconds under
 * load; right after a start the first requests plan theirs side by side and can run past the 5 s query
 * timeout (408). EXPLAIN plans a statement without running it and leaves its logical plan in the cache, so
 * the first real run only compiles it for the runtime (about a fifth of the work, docs/api.md).
 *
 * Which statements: every cypher/api file the read endpoints send, every curated query and its totals
 * (cypher/queries/, .../totals/), and the health reads. Each with parameters of the types and size buckets
 * the endpoints send on a typical first request — null where a filter is left out, a one-element list
 * where the client names one label, ids of tens of characters — built with the services' own builders
 * where they export one. A statement that fails to plan is logged and skipped (the start goes on); the
 * integration test explains them all, so a broken .cypher file fails there, not in production.
 */
import { OTHER_ROLE, ROLE_CODES, ROLE_SPACE } from '../analysis/responsibilities.ts';
import { AppError } from '../errors.ts';
import { loadCypher, splitStatements } from './cypher-files.ts';
import type { GraphDb } from './graph-db.ts';
import { loadApiCypher } from './queries/api-cypher.ts';
import { curatedQueries, paramsSchemaFor } from './queries/curated.ts';
import { NAMED_AT_START } from './queries/document-readings.ts';
import { TOUCH_LABELS } from './queries/explore-further.ts';
import { LEAN_PARAMS } from './queries/graph-elements.ts';
import { neighbourPageParams, neighbourTypeReads, type NeighborQuery } from './queries/nodes.ts';
import { OVERVIEW_ROLES } from './queries/overview.ts';
import { searchParams } from './queries/search.ts';

/** One statement to plan: the exact text an endpoint sends and parameters like the ones it sends. */
export interface WarmStatement {
  /** Where the text comes from, for the log: `api/search`, `queries/tasks-of-agency`, `totals/…`. */
  name: string;
  text: string;
  params: Record<string, unknown>;
}

// Representative values. Their sizes choose the plan's cache entry (see above): an entity id such as
// agency:长乐区政府 is 11–100 characters, a typed search 2–10, an element id 11–100.
const ENTITY_ID = 'agency:福州市长乐区人民政府';
const OTHER_ENTITY_ID = 'agency:福州市发展和改革委员会';
const DOCUMENT_ID = 'document:福州市数字经济发展规划';
const ELEMENT_ID = '4:00000000-0000-0000-0000-000000000000:1';
const SEARCH_TEXT = '长乐区';
const SEARCH_PINYIN = 'changle';
/** Two of a kind: a list in the 2–10 size bucket, as most lists of ids an endpoint sends are. */
const pair = <T>(a: T, b: T): T[] => [a, b];

/** The cypher/api statements of the read endpoints, each with the parameters its service sends. */
function apiStatements(): WarmStatement[] {
  const api = (file: string, params: Record<string, unknown>, variant = ''): WarmStatement => ({
    name: `api/${file}${variant ? ` (${variant})` : ''}`, text: loadApiCypher(file), params,
  });
  // As searchEntities sends them (search.ts): a Chinese search has no pinyin key, a Latin one has.
  const search = (q: string, labels: string[] | null) => searchParams(q, labels, 20);
  const neighbours: NeighborQuery = { direction: 'both', limit: 50, offset: 0 };
  const page = { type: 'RESPONSIBLE_FOR', offset: 0, limit: 50, keyed: false };
  // One statement per relationship type; the same parameters for each (nodes.ts neighbourTypeReads).
  const typeParams = neighbourTypeReads(ENTITY_ID, neighbours, [page])[0]!.params;
  const typeStatements = splitStatements(loadApiCypher('neighbors-of-type'))
    .map((text, i): WarmStatement => ({ name: `api/neighbors-of-type #${i + 1}`, text, params: typeParams }));
  const sorted = pair({ type: 'MEMBER_OF', ids: pair(ELEMENT_ID, ELEMENT_ID) }, { type: 'MENTIONS', ids: pair(ELEMENT_ID, ELEMENT_ID) });
  return [
    // Explore: search (Chinese, pinyin, one label), a node, its neighbours, expand, touches, an edge, paths.
    api('search', search(SEARCH_TEXT, null), 'Chinese'),
    api('search', search(SEARCH_PINYIN, null), 'pinyin'),
    api('search', search(SEARCH_TEXT, ['Agency']), 'one label'),
    api('node', { id: ENTITY_ID, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys }),
    api('node-evidence', { id: ENTITY_ID, limit: 200, perRelationship: 5, hiddenRelKeys: LEAN_PARAMS.hiddenRelKeys }),
    api('document-texts', { docs: pair(DOCUMENT_ID, DOCUMENT_ID) }),
    api('neighbor-totals', { id: ENTITY_ID, labels: null, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys }),
    api('neighbor-totals-by-label', { id: ENTITY_ID, labels: ['Agency'], hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys }),
    ...typeStatements,
    api('neighbors', neighbourPageParams(ENTITY_ID, neighbours, [page, { ...page, type: 'MEMBER_OF', keyed: true }], sorted)),
    api('entity-exists', { ids: [ENTITY_ID] }, 'one id'),
    api('entity-exists', { ids: pair(ENTITY_ID, OTHER_ENTITY_ID) }, 'two ids'),
    api('expand-selection', { ids: [ENTITY_ID], types: null, labels: null, offset: 0, limit: 50, ...LEAN_PARAMS }),
    api('expand-selection-totals', { ids: [ENTITY_ID] }),
    api('touches', { id: ENTITY_ID, labels: [...TOUCH_LABELS], limit: 100, ...LEAN_PARAMS }),
    api('edge', { elementId: ELEMENT_ID, limit: 20, hiddenRelKeys: LEAN_PARAMS.hiddenRelKeys }),
    api('paths', { from: ENTITY_ID, to: OTHER_ENTITY_ID, maxHops: 4, limit: 5, throughDocuments: false, ...LEAN_PARAMS }),
    // Overview, schema and stats.
    api('overview-counts', {}),
    api('overview-agencies', { roles: [...OVERVIEW_ROLES.lead], limit: 8 }, 'lead'),
    api('overview-agencies', { roles: [...OVERVIEW_ROLES.support], limit: 8 }, 'support'),
    api('overview-latest-plan', { limit: 8 }),
    api('overview-year', { year: '2021', limit: 200 }),
    api('schema', {}),
    api('stats', { limit: 20 }),
    // Documents: the library page (no filter), its facets, one document, its reading view.
    api('documents', { q: null, year: null, issuer: null, jurisdiction: null, kind: null, sort: 'issued', desc: true, offset: 0, limit: 100 }),
    api('document-facets', {}),
    api('document', { id: DOCUMENT_ID }),
    api('document-readings', { id: DOCUMENT_ID, namedAtStart: [...NAMED_AT_START] }),
    // Analysis views.
    api('graph-state', {}),
    api('analysis-scan-index', {}),
    api('analysis-scan-tasks', { plans: { [DOCUMENT_ID]: 0 }, agencies: { [ENTITY_ID]: 0 }, roles: ROLE_CODES, roleSpace: ROLE_SPACE, otherRole: OTHER_ROLE }),
    api('analysis-shared-tasks', { a: ENTITY_ID, b: OTHER_ENTITY_ID, plan: '', year: 0, members: true, limit: 200 }),
    api('breakdown-plans', {}),
    api('target-page', { indicators: pair(ENTITY_ID, OTHER_ENTITY_ID), limit: 50 }),
    api('report-details', { reports: pair(ENTITY_ID, OTHER_ENTITY_ID) }),
    // Curated queries resolve their entity parameters, and graph answers fetch missing end nodes.
    api('resolve-entity', { value: ENTITY_ID, label: 'Agency' }),
    api('nodes-by-element-id', { ids: pair(ELEMENT_ID, ELEMENT_ID), hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys }),
    // The console draws the relationships among the nodes a query returned; export reads everything.
    api('relationships-among', { ids: pair(ELEMENT_ID, ELEMENT_ID), limit: 5000, hiddenRelKeys: LEAN_PARAMS.hiddenRelKeys }),
    api('export-nodes', { ids: null, limit: 100_001 }),
    api('export-edges', { ids: null, limit: 100_001 }),
  ];
}

/**
 * Every curated query and its totals with the parameters POST /api/queries/:name runs them with when only
 * the entities are given: the header's defaults, parsed by the same schema as a request's.
 */
function curatedStatements(): WarmStatement[] {
  return [...curatedQueries().values()].flatMap(({ header, text, totals }) => {
    const given = Object.fromEntries(header.params.filter((p) => p.parsed.kind === 'entity').map((p) => [p.name, ENTITY_ID]));
    const params = paramsSchemaFor(header).parse(given) as Record<string, unknown>;
    return [
      { name: `queries/${header.name}`, text, params },
      ...(totals ? [{ name: `queries/totals/${header.name}`, text: totals, params }] : []),
    ];
  });
}

/** What GET /api/health reads. */
function healthStatements(): WarmStatement[] {
  return ['health/version', 'health/counts'].map((name) => ({ name, text: loadCypher(name).text, params: {} }));
}

/** Every statement warmed at start, in the order they are planned (explore first: it is what a user opens). */
export function warmStatements(): WarmStatement[] {
  return [...healthStatements(), ...apiStatements(), ...curatedStatements()];
}

export interface WarmReport {
  planned: number;
  failed: { name: string; message: string }[];
  /** How long each statement took to plan, in the order they finished (to see which are worth warming). */
  timings: { name: string; ms: number }[];
  /** Why warming stopped early: the database went away (the rest would fail the same way), or the app stopped. */
  stopped?: string;
  ms: number;
}

export interface WarmOptions {
  /** Statements planned side by side (Neo4j plans each on one thread; the machine may have few cores). */
  concurrency?: number;
  /** Longest one EXPLAIN may take before it is given up. */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Ends the warming after the statements being planned (the app is stopping). */
  signal?: AbortSignal;
}

/** Whether a failure is the database's (unreachable, restarting, disk full) rather than the statement's. */
function databaseGone(err: unknown): boolean {
  return err instanceof AppError && (err.status === 503 || err.status === 507);
}

/**
 * EXPLAINs each statement, `concurrency` at a time. Never throws: a statement that does not plan is
 * reported and skipped, and an unreachable database ends the warming (the start itself goes on).
 */
export async function warmPlans(db: GraphDb, statements: readonly WarmStatement[], opts: WarmOptions = {}): Promise<WarmReport> {
  const started = performance.now();
  const report: WarmReport = { planned: 0, failed: [], timings: [], ms: 0 };
  let next = 0;
  const worker = async () => {
    while (report.stopped === undefined && next < statements.length) {
      if (opts.signal?.aborted) {
        report.stopped = 'the app is stopping';
        break;
      }
      const statement = statements[next++]!;
      const began = performance.now();
      try {
        await db.read(`EXPLAIN ${statement.text}`, statement.params, { timeoutMs: opts.timeoutMs ?? 60_000 });
        report.planned++;
        report.timings.push({ name: statement.name, ms: Math.round(performance.now() - began) });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (databaseGone(err)) {
          report.stopped = message;
          break;
        }
        report.failed.push({ name: statement.name, message });
        opts.log?.(`Warming query plans: ${statement.name} did not plan: ${message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** One line for the start-up log: how many statements were planned, in how long, and what did not plan. */
export function logWarmReport(report: WarmReport, log: (line: string) => void): void {
  const failed = report.failed.length ? `; ${report.failed.length} did not plan (${report.failed.map((f) => f.name).join(', ')})` : '';
  const stopped = report.stopped ? `; stopped early: ${report.stopped}` : '';
  log(`Planned ${report.planned} hot statements in ${(report.ms / 1000).toFixed(1)} s${failed}${stopped}.`);
}
