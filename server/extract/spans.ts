/*
 * Spans sorted by start, asked "which of you overlap [lo, hi)?" once per task. Filtering the whole
 * array for every task made extraction quadratic in document length (tasks × lists/citations); here a
 * query is a binary search plus the spans it returns. Spans may overlap or nest (a citation inside a
 * list), so the search runs on the running maximum of their ends, which is sorted even when the ends
 * are not.
 */
export interface Span { start: number; end: number }

export class SortedSpans<T extends Span = Span> {
  private readonly spans: readonly T[];
  /** maxEnd[i]: the largest end among spans[0..i] (non-decreasing). */
  private readonly maxEnd: Float64Array;

  /** `spans` must be sorted by start. */
  constructor(spans: readonly T[]) {
    this.spans = spans;
    this.maxEnd = new Float64Array(spans.length);
    let max = -Infinity;
    for (let i = 0; i < spans.length; i++) this.maxEnd[i] = max = Math.max(max, spans[i]!.end);
  }

  get length(): number {
    return this.spans.length;
  }

  /** Every span with end > lo and start < hi, in the array's order. */
  overlapping(lo: number, hi: number): T[] {
    const out: T[] = [];
    for (let i = this.firstEndingAfter(lo); i < this.spans.length; i++) {
      const s = this.spans[i]!;
      if (s.start >= hi) break;
      if (s.end > lo) out.push(s);
    }
    return out;
  }

  /** Every span lying inside [lo, hi] (start >= lo, end <= hi), in the array's order. */
  within(lo: number, hi: number): T[] {
    const out: T[] = [];
    for (let i = firstAtOrAfter(this.spans, lo); i < this.spans.length; i++) {
      const s = this.spans[i]!;
      if (s.start > hi) break;
      if (s.end <= hi) out.push(s);
    }
    return out;
  }

  /** True when some span overlaps [lo, hi). */
  overlaps(lo: number, hi: number): boolean {
    for (let i = this.firstEndingAfter(lo); i < this.spans.length; i++) {
      const s = this.spans[i]!;
      if (s.start >= hi) return false;
      if (s.end > lo) return true;
    }
    return false;
  }

  /** The first index whose running maximum end exceeds `lo`: no span before it reaches past lo. */
  private firstEndingAfter(lo: number): number {
    let a = 0;
    let b = this.spans.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.maxEnd[mid]! > lo) b = mid;
      else a = mid + 1;
    }
    return a;
  }
}

/** The first index of `spans` (sorted by start) whose start is >= `pos`. */
export function firstAtOrAfter(spans: readonly Span[], pos: number): number {
  let a = 0;
  let b = spans.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (spans[mid]!.start >= pos) b = mid;
    else a = mid + 1;
  }
  return a;
}
