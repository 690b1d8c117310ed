/*
 * Documents as loaded: the list, and one document's original text with the span of every fact drawn
 * from it, for highlighting in the reader.
 */
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';

export interface DocumentSummary {
  id: string; docId: string; title: string; file: string; kind: string; issued: string | null;
  loadedAt: string | null; length: number; nodes: number;
}

export interface DocumentSpan {
  start: number; end: number; text: string; type: string; from: string; fromName: string; to: string; toName: string; relationship: string;
}

export interface DocumentView {
  document: { id: string; docId: string; title: string; file: string; kind: string; issued: string | null; sha256: string | null; loadedAt: string | null; text: string };
  spans: DocumentSpan[];
}

export async function listDocuments(db: GraphDb, timeoutMs: number): Promise<DocumentSummary[]> {
  return db.read<DocumentSummary & Record<string, unknown>>(loadApiCypher('documents'), {}, { timeoutMs });
}

export async function documentView(db: GraphDb, id: string, timeoutMs: number): Promise<DocumentView> {
  const [row] = await db.read<{ document: Record<string, unknown>; spans: DocumentSpan[] }>(loadApiCypher('document'), { id }, { timeoutMs });
  if (!row) throw AppError.notFound(`No document with id '${id}'`, { id });
  const d = row.document;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    document: {
      id: String(d.id), docId: String(d.docId ?? ''), title: String(d.name ?? ''), file: String(d.file ?? ''), kind: String(d.kind ?? ''),
      issued: str(d.issued), sha256: str(d.sha256), loadedAt: str(d.loadedAt), text: String(d.text ?? ''),
    },
    spans: [...row.spans].sort((a, b) => a.start - b.start || b.end - a.end),
  };
}
