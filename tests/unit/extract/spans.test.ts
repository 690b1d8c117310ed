// SortedSpans answers "which spans overlap / lie inside this range" like a filter over every span would,
// in the same order, while reading only the spans around the range (what keeps extraction linear).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedSpans, type Span } from '../../../server/extract/spans.ts';

const spanArb = fc.tuple(fc.nat(200), fc.nat(30)).map(([start, len]) => ({ start, end: start + len }));
const sorted = (spans: Span[]): Span[] => [...spans].sort((a, b) => a.start - b.start);

describe('SortedSpans', () => {
  it('returns the spans a filter over every span returns, in the same order', () => {
    fc.assert(fc.property(fc.array(spanArb, { maxLength: 60 }), fc.nat(230), fc.nat(40), (raw, lo, len) => {
      const spans = sorted(raw);
      const index = new SortedSpans(spans);
      const hi = lo + len;
      expect(index.overlapping(lo, hi)).toEqual(spans.filter((r) => r.end > lo && r.start < hi));
      expect(index.within(lo, hi)).toEqual(spans.filter((r) => r.start >= lo && r.end <= hi));
      expect(index.overlaps(lo, hi)).toBe(spans.some((r) => lo < r.end && hi > r.start));
    }));
  });

  it('finds a span that starts long before the range and reaches into it', () => {
    const index = new SortedSpans([{ start: 0, end: 1000 }, ...Array.from({ length: 100 }, (_, i) => ({ start: 10 + i * 5, end: 12 + i * 5 }))]);
    expect(index.overlapping(990, 995)).toEqual([{ start: 0, end: 1000 }]);
    expect(index.overlaps(998, 999)).toBe(true);
    expect(index.overlaps(1000, 1001)).toBe(false);
  });

  it('reads a few dozen spans per query of 100,000, not all of them', () => {
    let reads = 0;
    const spans = Array.from({ length: 100_000 }, (_, i) => {
      const start = i * 10;
      return { get start() { reads++; return start; }, get end() { reads++; return start + 5; } };
    });
    const index = new SortedSpans(spans);
    reads = 0;
    for (let q = 0; q < 1000; q++) {
      const lo = q * 997;
      expect(index.overlapping(lo, lo + 30).length).toBeGreaterThan(0);
      index.within(lo, lo + 30);
      index.overlaps(lo, lo + 30);
    }
    // Binary search (~17 steps, on a copy of the ends) plus the handful of spans around each range.
    expect(reads / 1000).toBeLessThan(60);
  });
});
