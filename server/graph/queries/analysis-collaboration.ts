/*
 * The collaboration network (issue 17): which agencies are named on the same tasks, as weighted pairs, and
 * the tasks one pair shares with the sentence each naming came from. The pairs are counted from the
 * responsibility scan (analysis-responsibilities.ts) by the rules of the curated query
 * cypher/queries/collaboration.cypher, which the console runs, and an integration test keeps the two equal.
 * Clusters are found in the browser (docs/ui.md#collaboration-network): the answer is the filtered graph.
 */
import { collaborationCounts, filterChoices, type AnalysisFilter } from '../../analysis/responsibilities.ts';
import type { GraphDb, Row } from '../graph-db.ts';
import type { JsonAnswer } from './json-answers.ts';
import { fromScan } from './analysis-responsibilities.ts';
import { loadApiCypher } from './api-cypher.ts';
import { curatedQueries } from './curated.ts';
import { GraphStateCache } from './graph-state-cache.ts';
import { sentenceAround } from './sentence.ts';

export type { AnalysisFilter };

/** An agency as the curated queries return it: a lean map with the properties the views need. */
export interface LeanAgency { properties: { id: string; name: string; group?: boolean | null; jurisdiction?: string | null } }

export interface CollaborationPair {
  agencyA: string; nameA: string; groupA: boolean; jurisdictionA: string | null;
  agencyB: string; nameB: string; groupB: boolean; jurisdictionB: string | null;
  sharedTasks: number; leadSupport: number; supportSupport: number; joint: number;
}

export interface CollaborationAnswer {
  filter: AnalysisFilter & { members: boolean };
  pairs: CollaborationPair[];
  /** true when the pair limit cut the answer */
  truncated: boolean;
}

/** The text of a curated query, so a service runs exactly what the console shows under that name. */
export function curatedText(name: string): string {
  const q = curatedQueries().get(name);
  if (!q) throw new Error(`cypher/queries has no query named '${name}'`);
  return q.text;
}

/**
 * Whole-archive curated queries take seconds on a large archive (docs/api.md), and the answer only changes
 * when documents do: answers are kept per graph state (graph-state-cache.ts) and per parameters.
 */
const cache = new GraphStateCache<unknown[]>(64);

export async function cachedCurated<T extends Row>(db: GraphDb, name: string, params: Record<string, unknown>, timeoutMs: number): Promise<T[]> {
  return cache.get(db, `${name}|${JSON.stringify(params)}`, timeoutMs, () => db.read<T>(curatedText(name), params, { timeoutMs })) as Promise<T[]>;
}

/** The collaboration answer (CollaborationAnswer) as JSON, computed once per graph state and filter. */
export async function collaborationPairs(
  db: GraphDb, filter: AnalysisFilter & { members: boolean; limit: number }, timeoutMs: number,
): Promise<JsonAnswer> {
  const { limit, ...rest } = filter;
  return fromScan(db, `collaboration|${JSON.stringify(filter)}`, timeoutMs, (scan) => {
    const counted = collaborationCounts(scan, { ...rest, limit });
    const pairs = counted.pairs.map((c): CollaborationPair => {
      const a = scan.agencies[c.a]!;
      const b = scan.agencies[c.b]!;
      return {
        agencyA: a.id, nameA: a.name, groupA: a.group, jurisdictionA: a.jurisdiction,
        agencyB: b.id, nameB: b.name, groupB: b.group, jurisdictionB: b.jurisdiction,
        sharedTasks: c.sharedTasks, leadSupport: c.leadSupport, supportSupport: c.supportSupport, joint: c.joint,
      };
    });
    const answer: CollaborationAnswer = { filter: rest, pairs, truncated: counted.truncated };
    return answer;
  });
}

interface Side { role: string; via: string | null; document: string | null; start: number | null; end: number | null; text: string | null }

export interface SharedSide {
  role: string;
  /** null when named directly; the group's name when the task names a group the agency belongs to */
  via: string | null;
  evidence: { document: string; start: number; end: number; text: string; sentence: string } | null;
}

export interface SharedTask {
  id: string; number: string | null; title: string; section: string | null;
  plan: { id: string; name: string; year: number | null };
  a: SharedSide; b: SharedSide;
}

export async function sharedTasks(
  db: GraphDb, q: { a: string; b: string; plan: string; year: number; members: boolean; limit: number }, timeoutMs: number,
): Promise<{ a: string; b: string; tasks: SharedTask[] }> {
  const rows = await db.read<{
    id: string; number: string | null; title: string; section: string | null; planId: string; plan: string; year: number | null; sideA: Side; sideB: Side;
  }>(loadApiCypher('analysis-shared-tasks'), q, { timeoutMs });
  const docs = [...new Set(rows.flatMap((r) => [r.sideA.document, r.sideB.document]).filter((d): d is string => !!d))];
  const texts = new Map<string, string>();
  if (docs.length) {
    for (const d of await db.read<{ docId: string; id: string; text: string | null }>(loadApiCypher('document-texts'), { docs }, { timeoutMs })) {
      texts.set(d.docId, d.text ?? '');
      texts.set(d.id, d.text ?? '');
    }
  }
  const side = (s: Side): SharedSide => {
    const text = s.document ? texts.get(s.document) : undefined;
    const evidence = s.document != null && s.start != null && s.end != null
      ? { document: s.document, start: s.start, end: s.end, text: s.text ?? '', sentence: (text ? sentenceAround(text, s.start, s.end) : '') || (s.text ?? '') }
      : null;
    return { role: s.role, via: s.via ?? null, evidence };
  };
  return {
    a: q.a, b: q.b,
    tasks: rows.map((r) => ({
      id: r.id, number: r.number ?? null, title: r.title, section: r.section ?? null,
      plan: { id: r.planId, name: r.plan, year: r.year ?? null }, a: side(r.sideA), b: side(r.sideB),
    })),
  };
}

export type AnalysisFilters = ReturnType<typeof filterChoices>;

/** What the filter controls of the analysis views offer (plans with tasks, years, jurisdictions), as JSON. */
export async function analysisFilters(db: GraphDb, timeoutMs: number): Promise<JsonAnswer> {
  return fromScan(db, 'filters', timeoutMs, (scan) => {
    const { plans, jurisdictions } = filterChoices(scan);
    const years = [...new Set(plans.map((p) => p.year).filter((y): y is number => typeof y === 'number'))].sort((x, y) => y - x);
    const answer: AnalysisFilters & { years: number[] } = { plans, years, jurisdictions };
    return answer;
  });
}
