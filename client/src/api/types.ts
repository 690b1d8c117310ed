/*
 * The HTTP contract of the explorer's API as the client sees it. Each wire type is defined once, next to the
 * server code that produces it, and imported here type-only (erased by the build, so no server code reaches
 * the bundle): when the server changes a shape, the compiler points at every place in the client that has
 * to follow. Only shapes the server declares nowhere as one type are written out below.
 */
import type { CuratedResult, PublicQueryDef } from '../../../server/graph/queries/curated.ts';

export type { ApiEdge, ApiGraph, ApiNode, EvidenceSummary, PropValue, Props } from '../../../server/graph/queries/graph-elements.ts';
export type { EdgeDetails, EdgeEnd, NeighbourCount, SelectionNeighbours, Touches } from '../../../server/graph/queries/explore-further.ts';
export type { SearchHit } from '../../../server/graph/queries/search.ts';
export type { EvidenceItem as Evidence, NodeDetails, Neighbors } from '../../../server/graph/queries/nodes.ts';
export type { DocumentView } from '../../../server/graph/queries/documents.ts';
export type { SchemaSummary as Schema } from '../../../server/graph/queries/schema.ts';
export type { PublicQueryDef as QueryDef } from '../../../server/graph/queries/curated.ts';

export interface Health {
  status: string;
  app: { version: string };
  neo4j: { version: string; edition: string; mode: string };
  counts: { nodes: number; relationships: number };
}

/** A curated query's parameter as GET /api/queries lists it. */
export type QueryParam = PublicQueryDef['params'][number];

/** A curated query's answer or the console's (which has no totals or page). */
export type QueryResult = Omit<CuratedResult, 'query'>;

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
