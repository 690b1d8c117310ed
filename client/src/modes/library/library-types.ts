/*
 * The document library's and the reading view's answers as the browser reads them (GET /api/documents,
 * GET /api/documents/:id/readings, DELETE /api/documents/:id; docs/api.md), beside the code that uses them.
 */

export interface DocumentCounts { tasks: number; responsibilities: number; entities: number; targets: number; observations: number; warnings: number }

export interface LibraryRow {
  id: string; docId: string; title: string; file: string; kind: string; issued: string | null; year: string | null;
  issuer: string | null; jurisdiction: string | null; jurisdictionLevel: string | null;
  size: number | null; length: number; loadedAt: string | null; nodes: number; plan: string | null;
  counts: DocumentCounts | null;
}

export interface LibraryFacets {
  years: { year: string; count: number }[];
  issuers: { issuer: string; count: number }[];
  jurisdictions: { jurisdiction: string; count: number }[];
  kinds: { kind: string; count: number }[];
}

export const LIBRARY_SORT_KEYS = [
  'issued', 'title', 'file', 'loadedAt', 'issuer', 'size', 'tasks', 'responsibilities', 'entities', 'targets', 'warnings',
] as const;
export type LibrarySortKey = (typeof LIBRARY_SORT_KEYS)[number];

export interface LibraryQuery {
  q: string; year: string; issuer: string; kind: string;
  sort: LibrarySortKey;
  /** null: the server's default for the key (newest and largest first, names A to Z) */
  order: 'asc' | 'desc' | null;
  offset: number; limit: number;
}

export interface LibraryPage {
  documents: LibraryRow[]; total: number; offset: number; limit: number;
  sort: LibrarySortKey; order: 'asc' | 'desc'; facets: LibraryFacets;
}

export interface Reading {
  start: number; end: number; text: string; relationships: string[];
  entity: { id: string; label: string; name: string };
}

export interface DocumentReadings {
  document: {
    id: string; docId: string; title: string; file: string; kind: string; issued: string | null;
    issuer: string | null; jurisdiction: string | null; size: number | null; loadedAt: string | null;
    sha256: string | null; text: string; warnings: string[]; plan: string | null; counts: DocumentCounts | null;
  };
  readings: Reading[];
}

export interface RemoveResult { docId: string; removed: true; counters: Record<string, number> }
