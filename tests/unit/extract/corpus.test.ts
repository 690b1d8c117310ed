import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateCorpus, generateDocument } from '../../../server/corpus/generate.ts';
import { extractDocument } from '../../../server/extract/index.ts';
import { gazetteer, responsibilityPairs } from './helpers.ts';

describe('the synthetic corpus', () => {
  it('is deterministic for a seed', () => {
    expect(generateDocument(7, 3)).toEqual(generateDocument(7, 3));
    expect(generateDocument(7, 3).text).not.toBe(generateDocument(8, 3).text);
  });

  it('mixes UTF-8 and GBK documents', () => {
    const encodings = new Set([...generateCorpus({ seed: 1, docs: 40 })].map((d) => d.encoding));
    expect(encodings).toEqual(new Set(['utf-8', 'gbk']));
  });

  it('is extracted with exactly the responsibility pairs it prints', () => {
    for (const d of generateCorpus({ seed: 3, docs: 30 })) {
      const bytes = d.encoding === 'gbk' ? new Uint8Array(iconv.encode(d.text, 'gbk')) : new TextEncoder().encode(d.text);
      const r = extractDocument({ id: 'g', file: d.name, bytes, gazetteer: gazetteer() });
      const expected = [...new Set(d.responsibilities.map((p) => `${p.task}|${p.unit}|${p.role}`))].sort();
      expect(responsibilityPairs(r.facts), d.name).toEqual(expected);
    }
  });
});
