/*
 * Documents as loaded: the list, and one document's original text with the span of every fact drawn
 * from it, for highlighting in the reader.
 */
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';

/** What was read from a document, as stored at load time (document-readings.ts); null when loaded before. */
export interface DocumentCountsView {
  tasks: number; responsibilities: number; entities: number; targets: number; observations: number; warnings: number;
}

export interface DocumentSummary {
  id: string; docId: string; title: string; file: string; kind: string; issued: string | null; year: string | null;
  issuer: string | null; jurisdiction: string | null; jurisdictionLevel: string | null;
  /** bytes of the file as loaded; null when loaded before sizes were stored */
  size: number | null;
  /** characters of the decoded text */
  length: number;
  loadedAt: string | null; nodes: number; counts: DocumentCountsView | null;
  /** id of the Plan node the document describes (its tasks hang off it), or null for news */
  plan: string | null;
}

export const DOCUMENT_SORT_KEYS = [
  'issued', 'title', 'file', 'loadedAt', 'issuer', 'size', 'tasks', 'responsibilities', 'entities', 'targets', 'warnings',
] as const;
export type DocumentSortKey = (typeof DOCUMENT_SORT_KEYS)[number];

export interface DocumentFilter {
  /** title or file name contains this (case-insensitive) */
  q?: string | undefined;
  year?: string | undefined;
  issuer?: string | undefined;
  jurisdiction?: string | undefined;
  kind?: string | undefined;
  sort: DocumentSortKey;
  desc: boolean;
  offset: number;
  limit: number;
}

export interface DocumentFacets {
  years: { year: string; count: number }[];
  issuers: { issuer: string; count: number }[];
  jurisdictions: { jurisdiction: string; count: number }[];
  kinds: { kind: string; count: number }[];
}

export interface DocumentSpan {
  start: number; end: number; text: string; type: string; from: string; fromName: string; to: string; toName: string; relationship: string;
}

export interface DocumentView {
  document: {
    id: string; docId: string; title: string; file: string; kind: string; issued: string | null; sha256: string | null; loadedAt: string | null; text: string;
    issuer: string | null; jurisdiction: string | null; size: number | null;
    /** warnings of the extraction, stored at load time (empty for documents loaded before they were) */
    warnings: string[];
  };
  spans: DocumentSpan[];
}

/** One page of the document library and how many documents match the filter. */
export async function listDocuments(db: GraphDb, f: DocumentFilter, timeoutMs: number): Promise<{ total: number; documents: DocumentSummary[] }> {
  const params = {
    q: f.q ? f.q.toLowerCase() : null, year: f.year ?? null, issuer: f.issuer ?? null, jurisdiction: f.jurisdiction ?? null,
    kind: f.kind ?? null, sort: f.sort, desc: f.desc, offset: f.offset, limit: f.limit,
  };
  const [row] = await db.read<{ total: number; documents: DocumentSummary[] }>(loadApiCypher('documents'), params, { timeoutMs });
  return { total: row?.total ?? 0, documents: row?.documents ?? [] };
}

/** The library's answer: one page, the total and the facets, read side by side. */
export async function documentLibrary(db: GraphDb, f: DocumentFilter, timeoutMs: number): Promise<{ total: number; documents: DocumentSummary[]; facets: DocumentFacets }> {
  const [page, facets] = await Promise.all([listDocuments(db, f, timeoutMs), documentFacets(db, timeoutMs)]);
  return { ...page, facets };
}

export async function documentFacets(db: GraphDb, timeoutMs: number): Promise<DocumentFacets> {
  const [row] = await db.read<DocumentFacets & Record<string, unknown>>(loadApiCypher('document-facets'), {}, { timeoutMs });
  return { years: row?.years ?? [], issuers: row?.issuers ?? [], jurisdictions: row?.jurisdictions ?? [], kinds: row?.kinds ?? [] };
}

export async function documentView(db: GraphDb, id: string, timeoutMs: number): Promise<DocumentView> {
  const [row] = await db.read<{ document: Record<string, unknown>; spans: Omit<DocumentSpan, 'text'>[] }>(loadApiCypher('document'), { id }, { timeoutMs });
  if (!row) throw AppError.notFound(`No document with id '${id}'`, { id });
  const document = storedDocument(row.document);
  // A span's text is its slice of the document's text (the evidence contract); cutting it here spares
  // Neo4j decoding the evidenceTexts list of every hub fact, thousands of strings, for a few entries.
  const spans = row.spans.map((s) => ({ ...s, text: document.text.slice(s.start, s.end) }));
  return { document, spans: spans.sort((a, b) => a.start - b.start || b.end - a.end) };
}

/** A Document node's stored properties (a map projection of it) as the API answers them. */
export function storedDocument(d: Record<string, unknown>): DocumentView['document'] {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(d.id), docId: String(d.docId ?? ''), title: String(d.name ?? ''), file: String(d.file ?? ''), kind: String(d.kind ?? ''),
    issued: str(d.issued), sha256: str(d.sha256), loadedAt: str(d.loadedAt), text: String(d.text ?? ''),
    issuer: str(d.issuer), jurisdiction: str(d.jurisdiction), size: typeof d.size === 'number' ? d.size : null,
    warnings: Array.isArray(d.warnings) ? d.warnings.map(String) : [],
  };
}
