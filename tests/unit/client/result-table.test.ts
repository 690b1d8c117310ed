/*
 * The shared result table's rules (issue 15): sorting numbers as numbers and Chinese by its collation with
 * empty cells last, the three-click header cycle, TSV for the clipboard and CSV (UTF-8 with a BOM) for files,
 * and bookkeeping keys kept out of what a table shows.
 */
import { describe, expect, it } from 'vitest';
import { csvFileName, nextSort, sortRows, toCsv, toTsv } from '../../../client/src/panels/result-table.ts';
import { BOOKKEEPING_KEYS, localCell, withoutBookkeeping } from '../../../client/src/state/result-cells.ts';

const text = (_c: string, v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('sorting a result table', () => {
  it('orders numbers numerically, not as text (9 before 10)', () => {
    const rows = [{ n: 10 }, { n: 9 }, { n: 100 }, { n: '11' }];
    expect(sortRows(rows, { column: 'n', dir: 'asc' }, text, 'en').map((r) => r.n)).toEqual([9, 10, '11', 100]);
    expect(sortRows(rows, { column: 'n', dir: 'desc' }, text, 'en').map((r) => r.n)).toEqual([100, '11', 10, 9]);
  });

  it('orders Chinese by pinyin in the Chinese UI (安 an < 北 bei < 福 fu < 厦 xia), not by code point', () => {
    const names = ['厦门市', '福州市', '北京市', '安徽省'];
    const sorted = sortRows(names.map((name) => ({ name })), { column: 'name', dir: 'asc' }, text, 'zh').map((r) => r.name);
    expect(sorted).toEqual(['安徽省', '北京市', '福州市', '厦门市']);
    expect([...names].sort()).not.toEqual(sorted);
  });

  it('keeps empty cells last in both directions and is stable for equal cells', () => {
    const rows = [{ k: null, i: 1 }, { k: 'b', i: 2 }, { k: 'a', i: 3 }, { k: 'a', i: 4 }, { k: '', i: 5 }];
    expect(sortRows(rows, { column: 'k', dir: 'asc' }, text, 'en').map((r) => r.i)).toEqual([3, 4, 2, 1, 5]);
    expect(sortRows(rows, { column: 'k', dir: 'desc' }, text, 'en').map((r) => r.i)).toEqual([2, 3, 4, 1, 5]);
  });

  it('leaves the query order alone when unsorted, and cycles ascending → descending → unsorted on one column', () => {
    const rows = [{ a: 2 }, { a: 1 }];
    expect(sortRows(rows, null, text, 'en')).toEqual(rows);
    const s1 = nextSort(null, 'a');
    expect(s1).toEqual({ column: 'a', dir: 'asc' });
    const s2 = nextSort(s1, 'a');
    expect(s2).toEqual({ column: 'a', dir: 'desc' });
    expect(nextSort(s2, 'a')).toBeNull();
    expect(nextSort(s2, 'b')).toEqual({ column: 'b', dir: 'asc' });
  });
});

describe('copying and exporting a result table', () => {
  it('copies as TSV with tabs and line breaks inside cells turned into spaces', () => {
    expect(toTsv(['机构', '任务'], [['长乐区政府', '一\t二\n三']])).toBe('机构\t任务\n长乐区政府\t一 二 三');
  });

  it('exports CSV with a UTF-8 BOM, CRLF lines and quotes only where a cell needs them', () => {
    const csv = toCsv(['名称', 'note'], [['长乐区政府', 'a, "b"'], ['x', 'line\nbreak']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('名称,note\r\n长乐区政府,"a, ""b"""\r\nx,"line\nbreak"\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    // A formula typed into the data is defused; a negative number stays a number.
    expect(toCsv(['a', 'b'], [['=SUM(A1)', '-5']]).slice(1)).toBe("a,b\r\n'=SUM(A1),-5\r\n");
  });

  it('names the file after the result without characters file systems refuse', () => {
    expect(csvFileName('tasks-of-agency')).toBe('tasks-of-agency.csv');
    expect(csvFileName('a/b: c?')).toBe('a-b-c.csv');
    expect(csvFileName('')).toBe('result.csv');
  });
});

describe('bookkeeping in result tables', () => {
  it('is left out of maps and element properties a table shows, however deep', () => {
    expect(BOOKKEEPING_KEYS.has('pinyin')).toBe(true);
    expect(BOOKKEEPING_KEYS.has('evidenceDocs')).toBe(true);
    const row = { name: '长乐区政府', pinyin: 'changlequzhengfu', initials: 'clqzf', nested: [{ aliasText: 'x', level: 'district', sha256: 'ab' }] };
    expect(withoutBookkeeping(row)).toEqual({ name: '长乐区政府', nested: [{ level: 'district' }] });
    expect(localCell('en', 'props', { level: 'district', propsDoc: 'd1', documents: ['d1'] })).toBe('{"level":"district"}');
  });
});
