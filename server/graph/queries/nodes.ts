/*
 * One entity seen from the graph: its properties, degree per relationship type, the evidence of its
 * facts (document, span and the sentence around it), and its neighbourhood one page at a time with
 * totals per type, so a client can say "50 of 230 shown".
 */
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import type { PlainNode, PlainRelationship } from '../neo4j-values.ts';
import { loadApiCypher } from './api-cypher.ts';
import { buildGraph, LEAN_PARAMS, toApiNode, wireProps, type ApiGraph, type ApiNode, type LeanNode, type LeanRelationship, type Props } from './graph-elements.ts';
import { sentenceAround } from './sentence.ts';

export interface EvidenceItem {
  type: string;
  direction: 'out' | 'in';
  other: { id: string; name: string; label: string };
  document: string;
  documentTitle: string | null;
  start: number;
  end: number;
  text: string;
  sentence: string;
  /** Spans the relationship holds in all; at most `evidencePerRelationship` of them are listed. */
  spans: number;
  properties: Props;
}

export interface NodeDetails {
  node: ApiNode;
  degree: Record<string, number>;
  degreeByDirection: { type: string; direction: 'out' | 'in'; count: number }[];
  evidence: EvidenceItem[];
}

export async function nodeDetails(db: GraphDb, id: string, evidenceLimit: number, perRelationship: number, timeoutMs: number): Promise<NodeDetails> {
  const [row] = await db.read<{ n: LeanNode; degrees: { type: string; direction: 'out' | 'in'; count: number }[] }>(
    loadApiCypher('node'), { id, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys }, { timeoutMs },
  );
  if (!row) throw AppError.notFound(`No entity with id '${id}'`, { id });
  const degree: Record<string, number> = {};
  for (const d of row.degrees) degree[d.type] = (degree[d.type] ?? 0) + d.count;

  const spans = await db.read<{
    type: string; direction: 'out' | 'in'; otherId: string; otherName: string; otherLabel: string;
    document: string; start: number; end: number; text: string; spans: number; properties: [string, unknown][];
  }>(loadApiCypher('node-evidence'), { id, limit: evidenceLimit, perRelationship, hiddenRelKeys: LEAN_PARAMS.hiddenRelKeys }, { timeoutMs });
  const docs = [...new Set(spans.map((s) => s.document))];
  const texts = new Map<string, { title: string; text: string }>();
  if (docs.length > 0) {
    const rows = await db.read<{ docId: string; id: string; title: string; text: string | null }>(loadApiCypher('document-texts'), { docs }, { timeoutMs });
    for (const d of rows) {
      const entry = { title: d.title, text: d.text ?? '' };
      texts.set(d.docId, entry);
      texts.set(d.id, entry);
    }
  }
  const evidence = spans.map((s): EvidenceItem => {
    const doc = texts.get(s.document);
    return {
      type: s.type,
      direction: s.direction,
      other: { id: s.otherId, name: s.otherName, label: s.otherLabel },
      document: s.document,
      documentTitle: doc?.title ?? null,
      start: s.start,
      end: s.end,
      text: s.text,
      sentence: doc ? sentenceAround(doc.text, s.start, s.end) || s.text : s.text,
      spans: s.spans,
      properties: wireProps(Object.fromEntries(s.properties)),
    };
  });
  return { node: toApiNode(row.n), degree, degreeByDirection: row.degrees, evidence };
}

export interface NeighborQuery {
  types?: string[] | undefined;
  direction: 'out' | 'in' | 'both';
  labels?: string[] | undefined;
  limit: number;
  offset: number;
}

export interface Neighbors extends ApiGraph {
  center: string;
  totals: Record<string, number>;
  total: number;
  shown: number;
  offset: number;
  limit: number;
}

export async function neighbors(db: GraphDb, id: string, q: NeighborQuery, timeoutMs: number): Promise<Neighbors> {
  const params = { id, types: q.types ?? null, direction: q.direction, labels: q.labels ?? null, offset: q.offset, limit: q.limit };
  const [row] = await db.read<{ n: LeanNode; rels: LeanRelationship[]; others: LeanNode[] }>(loadApiCypher('neighbors'), { ...params, ...LEAN_PARAMS }, { timeoutMs });
  if (!row) throw AppError.notFound(`No entity with id '${id}'`, { id });
  const totalsRows = await db.read<{ type: string; count: number }>(loadApiCypher('neighbor-totals'), params, { timeoutMs });
  const totals: Record<string, number> = {};
  for (const t of totalsRows) totals[t.type] = t.count;
  const total = totalsRows.filter((t) => !q.types || q.types.includes(t.type)).reduce((sum, t) => sum + t.count, 0);
  const graph = buildGraph([row.n, ...row.others], row.rels);
  return { center: id, ...graph, totals, total, shown: row.rels.length, offset: q.offset, limit: q.limit };
}
