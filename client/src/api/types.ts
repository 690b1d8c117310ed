/*
 * The HTTP contract of the explorer's API as the client sees it. Each wire type is defined once, next to the
 * server code that produces it, and imported here type-only (erased by the build, so no server code reaches
 * the bundle): when the server changes a shape, the compiler points at every place in the client that has
 * to follow. Only shapes the server declares nowhere as one type are written out below.
 */
import type { ApiGraph, ApiNode, Props } from '../../../server/graph/queries/graph-elements.ts';

export type { ApiEdge, ApiGraph, ApiNode, EvidenceSummary, PropValue, Props } from '../../../server/graph/queries/graph-elements.ts';
export type { EdgeDetails, EdgeEnd, NeighbourCount, SelectionNeighbours, Touches } from '../../../server/graph/queries/explore-further.ts';
export interface Health {
  status: string;
  app: { version: string };
  neo4j: { version: string; edition: string; mode: string };
  counts: { nodes: number; relationships: number };
}

export interface SearchHit {
  id: string;
  label: string;
  name: string;
  matched?: string | null;
  /** an agency's area (全国, 广州市…), shown beside its name */
  jurisdiction?: string | null;
  score?: number;
}

export interface Evidence {
  type: string;
  direction: 'out' | 'in' | string;
  other: { id: string; name: string; label: string };
  document: string;
  /** The document's title (server/graph/queries/nodes.ts), null when the document node has none. */
  documentTitle?: string | null;
  start: number;
  end: number;
  text: string;
  sentence: string;
  /** Relationship properties (role …) when the server sends them. */
  properties?: Props;
  /** Spans the relationship holds in all (the server lists a few per relationship). */
  spans?: number;
}

export interface NodeDetails {
  node: ApiNode;
  degree: Record<string, number>;
  evidence: Evidence[];
}

export interface Neighbors extends ApiGraph {
  totals: Record<string, number>;
}

export interface DocumentView {
  document: { id: string; title: string; file: string; kind: string; issued?: string | null; text: string };
  spans: { start: number; end: number; type: string; from: string; to: string }[];
}

export interface Schema {
  labels: { label: string; count: number }[];
  relationshipTypes: { type: string; count: number }[];
  propertyKeys: string[];
}

export interface QueryParam {
  name: string;
  /** string | integer | number | boolean | entity(Label) */
  type: string;
  default?: unknown;
  description?: string;
  /** The field's name and empty-field hint as the form shows them, in each language. */
  label: { zh: string; en: string };
  placeholder?: { zh: string; en: string };
  /** Inclusive bounds of an integer parameter declared as integer(min..max). */
  min?: number;
  max?: number;
}

export interface QueryDef {
  name: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  params: QueryParam[];
  /** The query text, so the console can open it to be adapted. */
  cypher: string;
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][] | Record<string, unknown>[];
  graph: ApiGraph;
  summary: { ms: number; rows: number; truncated: boolean };
  /** Counts over every result of a paging query, e.g. {direct, viaGroup, all}. */
  totals?: Record<string, number>;
  /** The page a paging query returned. */
  page?: { offset: number; limit: number; shown: number };
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
