import { describe, expect, it } from 'vitest';
import {
  coerceParam, completeAt, detectParams, errorPosition, paramsFor, parseHistory, positionToOffset, pushHistory, type HistoryEntry,
} from '../../../client/src/modes/query/query-model.ts';
import type { Schema } from '../../../client/src/api/types.ts';

const schema: Schema = {
  labels: [{ label: 'Agency', count: 40 }, { label: 'Task', count: 120 }],
  relationshipTypes: [{ type: 'RESPONSIBLE_FOR', count: 300 }, { type: 'MEMBER_OF', count: 9 }],
  propertyKeys: ['name', 'number', 'role'],
  patterns: [{ from: 'Agency', type: 'RESPONSIBLE_FOR', to: 'Task', count: 300 }],
};

describe('parameters', () => {
  it('detects $names in order, ignoring strings and comments', () => {
    expect(detectParams("MATCH (a {name:$name}) // $nope\nWHERE a.x = '$no' AND a.y > $min RETURN $name")).toEqual(['name', 'min']);
  });
  it('coerces typed values: JSON when it parses, else text', () => {
    expect(coerceParam('2019')).toBe(2019);
    expect(coerceParam('true')).toBe(true);
    expect(coerceParam('["a","b"]')).toEqual(['a', 'b']);
    expect(coerceParam('长乐区政府')).toBe('长乐区政府');
    expect(coerceParam('"42"')).toBe('42');
    expect(coerceParam('  ')).toBeNull();
    expect(paramsFor('RETURN $a, $b', { a: '1', c: 'x' })).toEqual({ a: 1, b: null });
  });
});

describe('history', () => {
  const e = (query: string, at = 't'): HistoryEntry => ({ query, params: {}, at, ok: true });
  it('puts the newest first, de-duplicates and limits', () => {
    let h: HistoryEntry[] = [];
    h = pushHistory(h, e('A'));
    h = pushHistory(h, e('B'));
    h = pushHistory(h, e(' A '));
    expect(h.map((x) => x.query)).toEqual([' A ', 'B']);
    expect(pushHistory([e('1'), e('2'), e('3')], e('4'), 2).map((x) => x.query)).toEqual(['4', '1']);
  });
  it('parses stored history defensively', () => {
    expect(parseHistory('nope')).toEqual([]);
    expect(parseHistory('[{"query":"RETURN 1","at":"x"},{"bad":1}]')).toEqual([{ query: 'RETURN 1', at: 'x', params: {} }]);
  });
});

describe('error positions', () => {
  it('maps line/column (1-based) to an offset, preferring a valid offset', () => {
    const text = 'MATCH (n)\nRETRN n';
    expect(positionToOffset(text, { line: 2, column: 1 })).toBe(10);
    expect(positionToOffset(text, { line: 2, column: 1, offset: 18 })).toBe(10);
    expect(positionToOffset(text, { line: 0, column: 0, offset: 5 })).toBe(5);
    expect(positionToOffset(text, { line: 9, column: 99 })).toBe(text.length);
    expect(errorPosition({ position: { line: 2, column: 1, offset: 10 } })).toEqual({ line: 2, column: 1, offset: 10 });
    expect(errorPosition({})).toBeNull();
  });
});

describe('completion', () => {
  const labels = (r: ReturnType<typeof completeAt>) => r?.options.map((o) => o.label);
  it('offers labels inside a node pattern and types inside a relationship pattern', () => {
    expect(labels(completeAt('MATCH (a:', schema))).toEqual(['Agency', 'Task']);
    expect(labels(completeAt('MATCH (a:Ta', schema))).toEqual(['Task']);
    expect(completeAt('MATCH (a:Ta', schema)?.from).toBe(9);
    expect(labels(completeAt('MATCH (a)-[r:', schema))).toEqual(['RESPONSIBLE_FOR', 'MEMBER_OF']);
    expect(labels(completeAt('MATCH (a)-[r:RESPONSIBLE_FOR|M', schema))).toEqual(['MEMBER_OF']);
  });
  it('offers property keys after a dot and in a map', () => {
    expect(labels(completeAt('MATCH (a) WHERE a.n', schema))).toEqual(['name', 'number']);
    expect(labels(completeAt('MATCH (a:Agency {', schema))).toEqual(['name', 'number', 'role']);
  });
  it('offers keywords after two letters, or at once when asked', () => {
    expect(labels(completeAt('MATCH (a) RE', schema))).toContain('RETURN');
    expect(completeAt('MATCH (a) R', schema)).toBeNull();
    expect(completeAt('MATCH (a) R', schema, true)?.options.length).toBeGreaterThan(0);
  });
  it('returns an empty list for an unknown schema rather than failing', () => {
    expect(completeAt('MATCH (a:', null)).toBeNull();
  });
});
