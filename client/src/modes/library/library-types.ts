/*
 * The document library's and the reading view's answers as the browser reads them (GET /api/documents,
 * GET /api/documents/:id/readings, DELETE /api/documents/:id; docs/api.md), beside the code that uses them.
 * The server's own types, imported type-only (nothing of the server is bundled), so the two cannot drift apart.
 */
import type { DocumentFacets, DocumentSortKey, DocumentSummary } from '../../../../server/graph/queries/documents.ts';

export type {
  DocumentCountsView as DocumentCounts, DocumentFacets as LibraryFacets, DocumentSummary as LibraryRow,
} from '../../../../server/graph/queries/documents.ts';
export type { DocumentReadings, Reading } from '../../../../server/graph/queries/document-readings.ts';

/** The sort menu's keys: the server's (DOCUMENT_SORT_KEYS) in the menu's order; a key it lacks fails to compile. */
export const LIBRARY_SORT_KEYS = [
  'issued', 'title', 'file', 'loadedAt', 'issuer', 'size', 'tasks', 'responsibilities', 'entities', 'targets', 'warnings',
] as const satisfies readonly DocumentSortKey[];
export type LibrarySortKey = DocumentSortKey;

export interface LibraryQuery {
  q: string; year: string; issuer: string; kind: string;
  /** An area as facets.jurisdictions lists it ('' = all): an archive of several cities is read one area at a time. */
  jurisdiction: string;
  sort: LibrarySortKey;
  /** null: the server's default for the key (newest and largest first, names A to Z) */
  order: 'asc' | 'desc' | null;
  offset: number; limit: number;
}

export interface LibraryPage {
  documents: DocumentSummary[]; total: number; offset: number; limit: number;
  sort: LibrarySortKey; order: 'asc' | 'desc'; facets: DocumentFacets;
}

export interface RemoveResult { docId: string; removed: true; counters: Record<string, number> }
