/*
 * Response shapes of the explore-further endpoints (POST /api/expand, GET /api/nodes/:id/touches,
 * GET /api/edges/:id), beside types.ts so the issue-15 additions stay in one place.
 */
import type { ApiGraph, Props } from './types.ts';

export interface NeighbourCount { type: string; label: string; count: number }

export interface SelectionNeighbours extends ApiGraph {
  ids: string[];
  total: number;
  shown: number;
  offset: number;
  limit: number;
  counts: NeighbourCount[];
}

export interface Touches extends ApiGraph {
  center: string;
  total: number;
  totals: Record<string, number>;
  shown: number;
}

export interface EdgeEnd { id: string; name: string; label: string }

export interface EdgeDetails {
  id: string;
  type: string;
  properties: Props;
  source: EdgeEnd;
  target: EdgeEnd;
  spans: number;
  evidence: { document: string; documentTitle: string | null; start: number; end: number; text: string; sentence: string }[];
}
