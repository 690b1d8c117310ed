/*
 * Every request the browser makes goes through this module, so adapting to a changed endpoint is a
 * one-file edit and tests can see the whole surface of the API the client depends on.
 */
import type {
  ApiErrorBody, DocumentView, EdgeDetails, Health, Neighbors, NodeDetails, QueryDef, QueryResult, Schema, SearchHit, SelectionNeighbours, Touches,
} from './types.ts';
import type { LibraryDocument, Overview, UploadResult, WriteCapabilities, YearDocuments } from '../upload/upload-types.ts';
import { createPendingCalls } from './pending-calls.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const enc = encodeURIComponent;

/** Told of every answer that says the database is down (503) or out of disk (507), so one banner says so whoever asked. */
const unavailableListeners = new Set<(e: ApiError) => void>();
export function onUnavailable(listener: (e: ApiError) => void): () => void {
  unavailableListeners.add(listener);
  return () => unavailableListeners.delete(listener);
}

/** Every request below is pending here until it is answered or fails; the busy indicator shows past 300 ms. */
export const pendingCalls = createPendingCalls();

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const end = pendingCalls.start();
  try {
    return await answer<T>(path, init);
  } finally {
    end();
  }
}

async function answer<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`api/${path}`, {
    ...init,
    // A FormData body sets its own multipart Content-Type (with the boundary); JSON bodies are strings.
    headers: { Accept: 'application/json', ...(typeof init?.body === 'string' ? { 'Content-Type': 'application/json' } : {}), ...(init?.headers as Record<string, string> | undefined) },
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', text.slice(0, 200) || res.statusText);
  }
  if (!res.ok) {
    const err = (body as Partial<ApiErrorBody>).error;
    const apiError = new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
    // 503: down or restarting; 507: its disk is full. Either way the banner says so, whoever asked.
    if (res.status === 503 || res.status === 507) for (const l of unavailableListeners) l(apiError);
    throw apiError;
  }
  return body as T;
}

export function qs(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${enc(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const api = {
  health: () => request<Health>('health'),
  search: (q: string, limit = 20, labels?: string) =>
    request<{ results: SearchHit[] }>(`search${qs({ q, limit, labels })}`).then((r) => r.results),
  node: (id: string) => request<NodeDetails>(`nodes/${enc(id)}`),
  neighbors: (id: string, opts: { types?: string; direction?: string; labels?: string; limit?: number; offset?: number } = {}) =>
    request<Neighbors>(`nodes/${enc(id)}/neighbors${qs(opts)}`),
  paths: (from: string, to: string, maxHops = 4, limit = 3) =>
    request<{ paths: { nodes: Neighbors['nodes']; edges: Neighbors['edges'] }[] }>(`paths${qs({ from, to, maxHops, limit })}`),
  // Explore further (issue 15): a selection's neighbours, what a plan touches, one edge's evidence.
  expand: (body: { ids: string[]; types?: string[]; labels?: string[]; limit?: number; offset?: number }) =>
    request<SelectionNeighbours>('expand', { method: 'POST', body: JSON.stringify(body) }),
  touches: (id: string, limit?: number) => request<Touches>(`nodes/${enc(id)}/touches${qs({ limit })}`),
  edge: (id: string) => request<EdgeDetails>(`edges/${enc(id)}`),
  document: (id: string) => request<DocumentView>(`documents/${enc(id)}`),
  schema: () => request<Schema>('schema'),
  queries: () => request<{ queries: QueryDef[] }>('queries').then((r) => r.queries),
  runQuery: (name: string, params: Record<string, unknown>) =>
    request<QueryResult>(`queries/${enc(name)}`, { method: 'POST', body: JSON.stringify({ params }) }),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request<QueryResult>('cypher', { method: 'POST', body: JSON.stringify({ query, params }) }),
  // Documents: who may write, uploads (dryRun = the preview), the library, and the arrival overview.
  capabilities: () => request<WriteCapabilities>('documents/capabilities'),
  uploadDocuments: (files: readonly File[], dryRun: boolean) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    // Every write must carry X-Requested-With: a cross-site form cannot add it (server/api/write-access.ts).
    return request<UploadResult>(`documents${qs({ dryRun: dryRun ? 'true' : undefined })}`, { method: 'POST', body: form, headers: { 'X-Requested-With': 'explorer' } });
  },
  documentLibrary: (params: { q?: string; year?: string; limit?: number } = {}) =>
    request<{ documents: LibraryDocument[]; total: number }>(`documents${qs(params)}`),
  overview: (limit?: number) => request<Overview>(`overview${qs({ limit })}`),
  overviewYear: (year: string) => request<YearDocuments>(`overview/years/${enc(year)}`),
};
export type Api = typeof api;
