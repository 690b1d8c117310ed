/*
 * The library table's rules, pure so they are unit-tested: what a click on a column header asks the server
 * for next (the same column flips the order the server answered with; another column takes the server's
 * default for it), the query string of a library request, the "1–50 of 135" range, and how sizes and load
 * times are printed.
 */
import { translate, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { LibraryPage, LibraryQuery, LibrarySortKey } from './library-types.ts';

export const LIBRARY_PAGE_SIZE = 50;

export function initialLibraryQuery(): LibraryQuery {
  return { q: '', year: '', issuer: '', kind: '', jurisdiction: '', sort: 'issued', order: null, offset: 0, limit: LIBRARY_PAGE_SIZE };
}

/** The query after a click on a sortable header; back to the first page. */
export function sortBy(q: LibraryQuery, answered: Pick<LibraryPage, 'sort' | 'order'> | null, key: LibrarySortKey): LibraryQuery {
  if (answered && answered.sort === key) return { ...q, sort: key, order: answered.order === 'asc' ? 'desc' : 'asc', offset: 0 };
  return { ...q, sort: key, order: null, offset: 0 };
}

/** A filter changed: back to the first page. */
export function filtered(q: LibraryQuery, patch: Partial<Pick<LibraryQuery, 'q' | 'year' | 'issuer' | 'kind' | 'jurisdiction'>>): LibraryQuery {
  return { ...q, ...patch, offset: 0 };
}

/** Offset of the last page that has rows (0 when there are none). */
export function lastPageOffset(total: number, limit: number): number {
  return Math.max(0, Math.floor((Math.max(total, 1) - 1) / limit) * limit);
}

/** The next (+1) or previous (-1) page, never before the first or past the last. */
export function turnPage(q: LibraryQuery, total: number, step: 1 | -1): LibraryQuery {
  return { ...q, offset: Math.min(lastPageOffset(total, q.limit), Math.max(0, q.offset + step * q.limit)) };
}

/** The request's query fields; empty filters are left out (the server reads an absent field as "all"). */
export function libraryParams(q: LibraryQuery): Record<string, string | number | undefined> {
  return {
    q: q.q.trim() || undefined, year: q.year || undefined, issuer: q.issuer || undefined, kind: q.kind || undefined,
    jurisdiction: q.jurisdiction || undefined,
    sort: q.sort, order: q.order ?? undefined, limit: q.limit, offset: q.offset,
  };
}

/** First and last row shown (1-based) and how many match: "1–50 of 135"; from = 0 when none. */
export function pageRange(page: Pick<LibraryPage, 'offset' | 'total' | 'documents'>): { from: number; to: number; total: number } {
  const n = page.documents.length;
  return { from: n ? page.offset + 1 : 0, to: page.offset + n, total: page.total };
}

export function formatSize(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An ISO time as local "YYYY-MM-DD HH:MM" (the same in both languages). */
export function formatLoadedAt(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** plan / news / notice in the UI's language; a kind the UI does not know is shown as stored. */
export function kindName(lang: Lang, kind: string): string {
  return ['plan', 'news', 'notice'].includes(kind) ? translate(lang, `libKind.${kind}` as MessageKey) : kind;
}

/** The file's own name, without the folder it was loaded from. */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
