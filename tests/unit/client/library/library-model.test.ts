/*
 * The library table's rules: what a header click asks for next, paging that stays within the results,
 * the request's fields, the "1–50 of 135" range and how sizes, load times, kinds and files are printed.
 */
import { describe, expect, it } from 'vitest';
import {
  fileName, filtered, formatLoadedAt, formatSize, initialLibraryQuery, kindName, lastPageOffset, libraryParams, pageRange, sortBy, turnPage,
} from '../../../../client/src/modes/library/library-model.ts';

const q = initialLibraryQuery();

describe('sortBy', () => {
  it('flips the order the server answered with when the same column is clicked again', () => {
    expect(sortBy({ ...q, offset: 100 }, { sort: 'issued', order: 'desc' }, 'issued')).toMatchObject({ sort: 'issued', order: 'asc', offset: 0 });
    expect(sortBy(q, { sort: 'title', order: 'asc' }, 'title')).toMatchObject({ order: 'desc' });
  });
  it("asks for the server's default order when another column is clicked", () => {
    expect(sortBy({ ...q, order: 'asc' }, { sort: 'issued', order: 'asc' }, 'tasks')).toMatchObject({ sort: 'tasks', order: null });
  });
});

describe('paging and filters', () => {
  it('goes back to the first page when a filter changes', () => {
    expect(filtered({ ...q, offset: 50 }, { year: '2021' })).toMatchObject({ year: '2021', offset: 0 });
  });
  it('turns pages without going before the first or past the last', () => {
    expect(turnPage(q, 135, 1).offset).toBe(50);
    expect(turnPage({ ...q, offset: 100 }, 135, 1).offset).toBe(100);
    expect(turnPage(q, 135, -1).offset).toBe(0);
    expect(turnPage({ ...q, offset: 100 }, 0, -1).offset).toBe(0);
  });
  it('finds the last page that has rows, for a page emptied by a removal', () => {
    expect([lastPageOffset(135, 50), lastPageOffset(100, 50), lastPageOffset(51, 50), lastPageOffset(0, 50)]).toEqual([100, 50, 50, 0]);
  });
  it('sends only the filters that are set, and the order only when one was chosen', () => {
    expect(libraryParams({ ...q, q: '  要点 ', kind: 'plan' })).toEqual({
      q: '要点', year: undefined, issuer: undefined, kind: 'plan', sort: 'issued', order: undefined, limit: 50, offset: 0,
    });
    expect(libraryParams({ ...q, order: 'asc' }).order).toBe('asc');
  });
  it('says which rows are shown of how many', () => {
    expect(pageRange({ offset: 50, total: 135, documents: new Array(50) })).toEqual({ from: 51, to: 100, total: 135 });
    expect(pageRange({ offset: 0, total: 0, documents: [] })).toEqual({ from: 0, to: 0, total: 0 });
  });
});

describe('printing', () => {
  it('prints sizes in B, KB and MB, and a dash for an unknown size', () => {
    expect([formatSize(512), formatSize(12_800), formatSize(3 * 1024 * 1024), formatSize(null)]).toEqual(['512 B', '12.5 KB', '3.0 MB', '—']);
  });
  it('prints a load time as local date and minutes, and a dash when unknown', () => {
    const iso = new Date(2026, 0, 5, 9, 7).toISOString();
    expect(formatLoadedAt(iso)).toBe('2026-01-05 09:07');
    expect(formatLoadedAt(null)).toBe('—');
  });
  it('names the kinds in the UI language and keeps a kind it does not know', () => {
    expect([kindName('zh', 'plan'), kindName('en', 'news'), kindName('en', 'memo')]).toEqual(['规划', 'news', 'memo']);
  });
  it('shows the file without its folder', () => {
    expect([fileName('seeds/documents/a.txt'), fileName('C:\\docs\\b.md'), fileName('c.html')]).toEqual(['a.txt', 'b.md', 'c.html']);
  });
});
