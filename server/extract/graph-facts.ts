/*
 * GraphFacts: the contract between extraction and everything downstream (the loader, the `extract`
 * command's JSON, other tools). Its shape is fixed by shared/DESIGN.md; zod validates it at the edges
 * so a bug in one extractor rule cannot write malformed facts into the graph.
 */
import { z } from 'zod';

export const NODE_LABELS = [
  'Document', 'Plan', 'Task', 'Agency', 'District', 'Park', 'Platform', 'Company',
  'Institution', 'Event', 'Indicator', 'Target', 'Observation',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'HAS_TASK', 'RESPONSIBLE_FOR', 'MEMBER_OF', 'GOVERNS', 'LOCATED_IN', 'MENTIONS', 'SETS_TARGET',
  'REPORTS', 'OF', 'IMPLEMENTS', 'REFERENCES', 'ISSUED_BY', 'ADDRESSED_TO', 'DESCRIBES',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Property values Neo4j can store: scalars and homogeneous arrays of scalars. */
export const PropValue = z.union([
  z.string(), z.number(), z.boolean(), z.null(),
  z.array(z.string()), z.array(z.number()),
]);
export type PropValue = z.infer<typeof PropValue>;

export const Evidence = z.object({
  document: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const DocumentFact = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  title: z.string(),
  kind: z.enum(['plan', 'news']),
  /** the date the document prints (signature, metadata line, dateline with a year) */
  issued: z.string().optional(),
  /**
   * no printed date, but a dateline with month and day whose year the text lets us infer (inferred-date.ts):
   * the date and the clause the year rests on. Kept apart from `issued`, which is only ever what is printed.
   */
  inferredIssued: z.object({ date: z.string(), clue: Evidence }).optional(),
  /**
   * the year the document belongs to, for the library and the overview: the printed date's, else the year in
   * a plan's title (2019年数字福州工作要点), else the inferred dateline's; absent when none is known
   */
  year: z.number().int().optional(),
  /** the area the document is from: 全国, 福建省, 广州市, 鼓楼区, or 未知 (see jurisdiction.ts) */
  jurisdiction: z.string().min(1).optional(),
  jurisdictionLevel: z.enum(['national', 'province', 'city', 'district', 'unknown']).optional(),
  /** the issuing body as printed (header, signature or the X of X关于印发…的通知) */
  issuer: z.string().min(1).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DocumentFact = z.infer<typeof DocumentFact>;

export const NodeFact = z.object({
  id: z.string().min(1),
  label: z.enum(NODE_LABELS),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  props: z.record(z.string(), PropValue),
});
export type NodeFact = z.infer<typeof NodeFact>;

export const RelationshipFact = z.object({
  type: z.enum(RELATIONSHIP_TYPES),
  from: z.string().min(1),
  to: z.string().min(1),
  props: z.record(z.string(), PropValue),
  evidence: z.array(Evidence),
});
export type RelationshipFact = z.infer<typeof RelationshipFact>;

export const GraphFacts = z.object({
  documents: z.array(DocumentFact),
  nodes: z.array(NodeFact),
  relationships: z.array(RelationshipFact),
});
export type GraphFacts = z.infer<typeof GraphFacts>;

/**
 * Documents are listed in `documents` with their bare id (the file's base name); relationships that
 * start or end at a Document (MENTIONS, REPORTS, DESCRIBES) use `document:<id>`, the Document
 * node's id in the graph, so that it cannot clash with other node ids (`plan:…`, `agency:…`, …).
 */
export function documentNodeId(documentId: string): string {
  return `document:${documentId}`;
}
