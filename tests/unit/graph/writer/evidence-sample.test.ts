import { describe, expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS, sampleAppend, sampleEvidence } from '../../../../server/graph/writer/evidence-sample.ts';

/** Documents d00, d01, … sorted, document k giving k % 3 + 1 spans. */
function lists(n: number) {
  const documents = Array.from({ length: n }, (_, k) => `d${String(k).padStart(2, '0')}`);
  const spans = documents.flatMap((d, k) => Array.from({ length: (k % 3) + 1 }, (_, j) => ({ d, start: k * 10 + j, end: k * 10 + j + 2 })));
  return {
    documents,
    evidenceDocs: spans.map((s) => s.d),
    evidenceStarts: spans.map((s) => s.start),
    evidenceEnds: spans.map((s) => s.end),
    evidenceTexts: spans.map((s) => `${s.d}:${s.start}`),
  };
}

describe('the evidence sample of a new relationship', () => {
  it('keeps every document and span of a fact that few documents state, and counts them', () => {
    const all = lists(3);
    expect(sampleEvidence(all)).toEqual({ ...all, documentCount: 3, evidenceCount: 6 });
  });

  it('keeps the lowest document ids\' spans of a fact that more documents state, and counts them all', () => {
    const all = lists(SAMPLE_DOCUMENTS + 7);
    const sampled = sampleEvidence(all);
    expect(sampled.documents).toEqual(all.documents.slice(0, SAMPLE_DOCUMENTS));
    expect(new Set(sampled.evidenceDocs)).toEqual(new Set(sampled.documents));
    const kept = all.evidenceDocs.filter((d) => sampled.documents.includes(d)).length;
    expect(sampled.evidenceStarts).toEqual(all.evidenceStarts.slice(0, kept));
    expect(sampled.evidenceTexts).toEqual(all.evidenceTexts.slice(0, kept));
    expect(sampled.evidenceEnds).toEqual(all.evidenceEnds.slice(0, kept));
    expect(sampled.documentCount).toBe(SAMPLE_DOCUMENTS + 7);
    expect(sampled.evidenceCount).toBe(all.evidenceDocs.length);
  });
});

describe('a refill of a sample', () => {
  it('appends the chosen documents in order, each span\'s text cut by JavaScript offsets', () => {
    const text = '𠀋前言:长乐区政府属于各县(市)区政府';
    const start = text.indexOf('长乐区政府');
    expect(sampleAppend([
      { docId: 'd07', text, spans: [[start, start + 5], [start + 7, start + 15]] },
      { docId: 'd09', text: null, spans: [] },
    ])).toEqual({
      documents: ['d07', 'd09'],
      evidenceDocs: ['d07', 'd07'],
      evidenceStarts: [start, start + 7],
      evidenceEnds: [start + 5, start + 15],
      evidenceTexts: ['长乐区政府', '各县(市)区政府'],
    });
  });
});
