/*
 * The library's calls, through the one request function of api/client.ts (errors as ApiError, headers
 * merged): a page of the library, one document's readings, and removal — a write, so it carries
 * X-Requested-With, which a cross-site form cannot add (server/api/write-access.ts).
 */
import { qs, request } from '../../api/client.ts';
import { libraryParams } from './library-model.ts';
import type { DocumentReadings, LibraryPage, LibraryQuery, RemoveResult } from './library-types.ts';

const enc = encodeURIComponent;

export const libraryApi = {
  page: (q: LibraryQuery) => request<LibraryPage>(`documents${qs(libraryParams(q))}`),
  readings: (id: string) => request<DocumentReadings>(`documents/${enc(id)}/readings`),
  remove: (id: string) => request<RemoveResult>(`documents/${enc(id)}`, { method: 'DELETE', headers: { 'X-Requested-With': 'explorer' } }),
  /** Which of these node ids still exist (after a removal), asked in pieces so no URL grows too long. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const asked = ids.filter((id) => !id.includes(','));
    for (let i = 0; i < asked.length; i += 100) {
      const part = asked.slice(i, i + 100);
      const g = await request<{ nodes: { id: string }[] }>(`export${qs({ format: 'json', ids: part.join(',') })}`);
      for (const n of g.nodes) found.add(n.id);
    }
    // Ids that could not be asked (a comma in the id) are kept: never drop what was not checked.
    for (const id of ids) if (id.includes(',')) found.add(id);
    return found;
  },
};
