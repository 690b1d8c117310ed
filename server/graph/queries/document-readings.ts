/*
 * The reading view of one document: its text and every span of it that a fact was drawn from, each
 * attached to the entity it prints (an agency, a task, a park, a figure…), so the browser can colour the
 * text by type and a click can bring that entity onto the canvas. GET /api/documents/:id spans are per
 * relationship (both ends); a reader needs to know which end the words on the page name.
 */
import type { RelationshipType } from '../../extract/graph-facts.ts';
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';
import { storedDocument, type DocumentCountsView, type DocumentView } from './documents.ts';
import { primaryLabel } from './graph-elements.ts';

/**
 * Relationship types whose evidence prints their start node: the unit in a responsibility list, the
 * agency that governs a district, the park located somewhere, the figure of an indicator. Every other
 * type's evidence prints its end (the task under a plan, a mention, a target, a cited plan, an addressee).
 */
export const NAMED_AT_START: readonly RelationshipType[] = ['RESPONSIBLE_FOR', 'GOVERNS', 'LOCATED_IN', 'OF'];

export interface Reading {
  start: number; end: number; text: string;
  /** the relationship types whose evidence this span is */
  relationships: string[];
  entity: { id: string; label: string; name: string };
}

export interface DocumentReadings {
  document: DocumentView['document'] & {
    /** the Plan node the document describes, or null (news, notices) */
    plan: string | null;
    counts: DocumentCountsView | null;
  };
  /** in text order, longer first where two start together */
  readings: Reading[];
}

type Row = Record<string, unknown> & {
  document: Record<string, unknown>;
  readings: { start: number; end: number; relationships: string[]; entity: { id: string; labels: string[]; name: string } }[];
};

export async function documentReadings(db: GraphDb, id: string, timeoutMs: number): Promise<DocumentReadings> {
  const [row] = await db.read<Row>(loadApiCypher('document-readings'), { id, namedAtStart: [...NAMED_AT_START] }, { timeoutMs });
  if (!row) throw AppError.notFound(`No document with id '${id}'`, { id });
  const d = row.document;
  // A span's text is its slice of the document's text (the evidence contract), as documents.ts cuts it.
  const text = String(d.text ?? '');
  return {
    document: { ...storedDocument(d), plan: typeof d.plan === 'string' ? d.plan : null, counts: (d.counts as DocumentCountsView | null) ?? null },
    readings: row.readings
      .map((r) => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end), relationships: [...r.relationships].sort(), entity: { id: r.entity.id, label: primaryLabel(r.entity.labels), name: r.entity.name } }))
      .sort((a, b) => a.start - b.start || b.end - a.end || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0)),
  };
}
