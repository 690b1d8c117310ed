/*
 * The upload preview's warnings as lines: a document naming dozens of units the gazetteer does not know gets
 * one line listing them, not a line each, so its tasks stay in view.
 */
import { describe, expect, it } from 'vitest';
import { warningLines } from '../../../../client/src/upload/upload-model.ts';

const unit = (name: string) => ({ code: 'unresolved-unit' as const, unit: name, message: `f: responsible unit ${name} is not in the gazetteer` });

describe('warningLines', () => {
  it('puts every unknown unit on one line, once each in order, where the first one stood', () => {
    const lines = warningLines([
      { code: 'no-structure', message: 'x' }, unit('广州市发展改革委'), unit('广州市财政局'), { code: 'extractor', message: 'y' }, unit('广州市发展改革委'),
    ]);
    expect(lines).toEqual([
      { code: 'no-structure', message: 'x' },
      { code: 'unresolved-unit', units: ['广州市发展改革委', '广州市财政局'] },
      { code: 'extractor', message: 'y' },
    ]);
  });

  it('keeps a document without unknown units as it was, and an empty list empty', () => {
    expect(warningLines([{ code: 'no-lists', message: 'z' }])).toEqual([{ code: 'no-lists', message: 'z' }]);
    expect(warningLines([])).toEqual([]);
  });
});
