/*
 * One entity seen from the graph: its properties, degree per relationship type, the evidence of its
 * facts (document, span and the sentence around it), and its neighbourhood one page at a time with
 * totals per type, so a client can say "50 of 230 shown".
 */
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import type { PlainNode, PlainRelationship } from '../neo4j-values.ts';
import { splitStatements } from '../cypher-files.ts';
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

/** How many relationships of one type leave and enter a node (neighbor-totals*.cypher). */
export interface TypeCount { type: string; out: number; in: number }

/** One type's share of a neighbours page, and whether it is read out of a page-key index (cypher/api/neighbors.cypher). */
export interface TypePage { type: string; offset: number; limit: number; keyed: boolean }

/**
 * The (type, direction) whose relationships carry a sort key with a range index, so a page of them is an
 * index seek: an agency's tasks, RESPONSIBLE_FOR.pageKey (server/graph/writer/page-key.ts; its own
 * branch in cypher/api/neighbors.cypher). Every
 * other type is read by a typed expansion of the asked direction (that type's relationship group, not
 * the node's whole degree) and sorted by the other end's name; the dense ones left that way (an
 * indicator's OF, a park's MENTIONS) are listed in docs/graph-storage.md, Hub pages.
 */
const KEYED: Readonly<Record<string, 'out' | 'in'>> = { RESPONSIBLE_FOR: 'out' };

/**
 * Cuts a page of the neighbours order (type, then the other end's name or the type's stored key) into
 * pages of single types using the per-type totals, so no type is read beyond the rows the page needs
 * from it, and marks the ones that come out of a page-key index: those whose rows in this direction all
 * lie on the keyed side.
 */
export function neighbourPages(counts: readonly TypeCount[], q: NeighborQuery): { totals: Record<string, number>; total: number; pages: TypePage[] } {
  const totals: Record<string, number> = {};
  const keyed = new Set<string>();
  for (const c of counts) {
    const out = q.direction === 'in' ? 0 : c.out;
    const inn = q.direction === 'out' ? 0 : c.in;
    if (out + inn > 0) totals[c.type] = out + inn;
    const side = KEYED[c.type];
    if ((side === 'out' && inn === 0) || (side === 'in' && out === 0)) keyed.add(c.type);
  }
  const pages: TypePage[] = [];
  let before = 0;
  for (const type of Object.keys(totals).filter((t) => !q.types || q.types.includes(t)).sort()) {
    const count = totals[type]!;
    const from = Math.max(q.offset - before, 0);
    const to = Math.min(q.offset + q.limit - before, count);
    if (to > from) pages.push({ type, offset: from, limit: to - from, keyed: keyed.has(type) });
    before += count;
  }
  return { totals, total: before, pages };
}

/** The statement of cypher/api/neighbors-of-type.cypher for each relationship type, by the type it names. */
let typeStatements: Map<string, string> | undefined;
function neighboursOfTypeStatement(type: string): string {
  typeStatements ??= new Map(splitStatements(loadApiCypher('neighbors-of-type')).map((text) => [/\[r:([A-Z_]+)\]->/.exec(text)?.[1] ?? '', text]));
  const text = typeStatements.get(type);
  if (!text) throw new Error(`cypher/api/neighbors-of-type.cypher has no statement for ${type}`);
  return text;
}

/** A read of one type's rows of a page, as element ids in the neighbours order (cypher/api/neighbors-of-type.cypher). */
export interface TypeRead { type: string; text: string; params: Record<string, unknown> }

/** The reads of the page's types that are sorted by the other end's name: one small statement per type. */
export function neighbourTypeReads(id: string, q: NeighborQuery, pages: readonly TypePage[]): TypeRead[] {
  return pages.filter((p) => !p.keyed).map(({ type, offset, limit }) => ({
    type, text: neighboursOfTypeStatement(type), params: { id, direction: q.direction, labels: q.labels ?? null, offset, limit },
  }));
}

/**
 * The parameters of cypher/api/neighbors.cypher: the keyed type's rows (at most one type is keyed), the
 * element ids the type reads gave for the other types, the label filter and the lean-element keys.
 */
export function neighbourPageParams(id: string, q: NeighborQuery, pages: readonly TypePage[], sorted: readonly { type: string; ids: string[] }[]): Record<string, unknown> {
  const keyed = pages.find((p) => p.keyed);
  return { id, labels: q.labels ?? null, ...LEAN_PARAMS, sorted, keyedOffset: keyed?.offset ?? 0, keyedLimit: keyed?.limit ?? 0 };
}

/**
 * One page of a node's neighbours: the totals, then each type sorted by name (its element ids), then the
 * page as lean maps, in one read transaction, so the three see one snapshot and share one session.
 */
export async function neighbors(db: GraphDb, id: string, q: NeighborQuery, timeoutMs: number): Promise<Neighbors> {
  return db.readTx(async (tx) => {
    const [head] = await tx.run<{ n: LeanNode; counts: TypeCount[] }>(
      loadApiCypher(q.labels ? 'neighbor-totals-by-label' : 'neighbor-totals'),
      { id, labels: q.labels ?? null, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys },
    );
    if (!head) throw AppError.notFound(`No entity with id '${id}'`, { id });
    const { totals, total, pages } = neighbourPages(head.counts, q);
    const sorted: { type: string; ids: string[] }[] = [];
    for (const read of neighbourTypeReads(id, q, pages)) {
      sorted.push({ type: read.type, ids: (await tx.run<{ id: string }>(read.text, read.params)).map((r) => r.id) });
    }
    const [page] = pages.length === 0
      ? [{ rels: [], others: [] }]
      : await tx.run<{ rels: LeanRelationship[]; others: LeanNode[] }>(loadApiCypher('neighbors'), neighbourPageParams(id, q, pages, sorted));
    const rels = page?.rels ?? [];
    const graph = buildGraph([head.n, ...(page?.others ?? [])], rels);
    return { center: id, ...graph, totals, total, shown: rels.length, offset: q.offset, limit: q.limit };
  }, { timeoutMs });
}
