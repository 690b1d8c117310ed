/*
 * Exploring further without Cypher (issue 15): the neighbours of a whole selection at once, counted as
 * distinct nodes per relationship type and label so the client can say "50 of 230 shown"; the two-hop
 * "what does this plan / document touch"; and one relationship with its evidence for the edge inspector.
 * Kept apart from nodes.ts (one node seen from the graph) so each stays small.
 */
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';
import { buildGraph, LEAN_PARAMS, wireProps, type ApiGraph, type EvidenceSpan, type LeanNode, type LeanRelationship, type Props } from './graph-elements.ts';
import { sentenceAround } from './sentence.ts';

export interface SelectionQuery {
  ids: string[];
  types?: string[] | undefined;
  labels?: string[] | undefined;
  limit: number;
  offset: number;
}

/** Distinct neighbours of a selection through one relationship type with one label. */
export type NeighbourCount = { type: string; label: string; count: number };

export interface SelectionNeighbours extends ApiGraph {
  ids: string[];
  /** Distinct neighbours matching the type and label filters (all pages). */
  total: number;
  /** Distinct neighbours in this page. */
  shown: number;
  offset: number;
  limit: number;
  /** Every neighbour per relationship type and label, whatever the filters, for the menu. */
  counts: NeighbourCount[];
}

export async function selectionNeighbours(db: GraphDb, q: SelectionQuery, timeoutMs: number): Promise<SelectionNeighbours> {
  const known = await db.read<{ id: string; exists: boolean }>(loadApiCypher('entity-exists'), { ids: q.ids }, { timeoutMs });
  const missing = known.filter((k) => !k.exists).map((k) => k.id);
  if (missing.length) throw AppError.notFound(`No entity with id ${missing.map((m) => `'${m}'`).join(', ')}`, { ids: missing });
  const params = { ids: q.ids, types: q.types ?? null, labels: q.labels ?? null, offset: q.offset, limit: q.limit };
  const [row] = await db.read<{ total: number; centres: LeanNode[]; rels: LeanRelationship[]; others: LeanNode[] }>(
    loadApiCypher('expand-selection'), { ...params, ...LEAN_PARAMS }, { timeoutMs },
  );
  const counts = await db.read<NeighbourCount>(loadApiCypher('expand-selection-totals'), { ids: q.ids }, { timeoutMs });
  const graph = buildGraph([...(row?.centres ?? []), ...(row?.others ?? [])], row?.rels ?? []);
  return { ids: q.ids, ...graph, total: row?.total ?? 0, shown: row?.others.length ?? 0, offset: q.offset, limit: q.limit, counts };
}

export interface Touches extends ApiGraph {
  center: string;
  /** Touched entities in all, and per label (whatever `limit` cut). */
  total: number;
  totals: Record<string, number>;
  shown: number;
}

/** Labels a plan "touches" unless the caller names others. */
export const TOUCH_LABELS = ['Park', 'Platform', 'Company', 'Agency'] as const;

export async function planTouches(db: GraphDb, id: string, labels: readonly string[], limit: number, timeoutMs: number): Promise<Touches> {
  const [row] = await db.read<{ totals: { label: string; count: number }[]; total: number; nodes: LeanNode[]; rels: LeanRelationship[] }>(
    loadApiCypher('touches'), { id, labels: [...labels], limit, ...LEAN_PARAMS }, { timeoutMs },
  );
  if (!row) throw AppError.notFound(`No plan or document with id '${id}'`, { id });
  const graph = buildGraph(row.nodes, row.rels);
  const totals: Record<string, number> = {};
  for (const t of row.totals) totals[t.label] = t.count;
  const touched = new Set(labels);
  return { center: id, ...graph, total: row.total, totals, shown: graph.nodes.filter((n) => touched.has(n.label) && n.id !== id).length };
}

export interface EdgeEvidence extends EvidenceSpan {
  documentTitle: string | null;
  sentence: string;
}

export interface EdgeEnd { id: string; name: string; label: string }

export interface EdgeDetails {
  id: string;
  type: string;
  properties: Props;
  source: EdgeEnd;
  target: EdgeEnd;
  /** Spans the relationship holds in all; at most `limit` are listed. */
  spans: number;
  evidence: EdgeEvidence[];
}

export async function edgeDetails(db: GraphDb, elementId: string, limit: number, timeoutMs: number): Promise<EdgeDetails> {
  const [row] = await db.read<Omit<EdgeDetails, 'properties' | 'evidence'> & { properties: [string, unknown][]; evidence: (Omit<EvidenceSpan, 'text'> & { text: string | null })[] }>(
    loadApiCypher('edge'), { elementId, limit, hiddenRelKeys: LEAN_PARAMS.hiddenRelKeys }, { timeoutMs },
  );
  if (!row) throw AppError.notFound(`No relationship with id '${elementId}'`, { id: elementId });
  const docs = [...new Set(row.evidence.map((e) => e.document))];
  const texts = new Map<string, { title: string; text: string }>();
  if (docs.length) {
    const rows = await db.read<{ docId: string; id: string; title: string; text: string | null }>(loadApiCypher('document-texts'), { docs }, { timeoutMs });
    for (const d of rows) {
      const entry = { title: d.title, text: d.text ?? '' };
      texts.set(d.docId, entry);
      texts.set(d.id, entry);
    }
  }
  return {
    ...row,
    properties: wireProps(Object.fromEntries(row.properties)),
    evidence: row.evidence.map((e) => {
      const doc = texts.get(e.document);
      // Spans read from a document's STATES beyond the relationship's sample carry no text: cut it here.
      const text = e.text ?? doc?.text.slice(e.start, e.end) ?? '';
      return { ...e, text, documentTitle: doc?.title ?? null, sentence: doc ? sentenceAround(doc.text, e.start, e.end) || text : text };
    }),
  };
}
