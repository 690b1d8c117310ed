import { describe, expect, it } from 'vitest';
import { nextLoadTime } from '../../../../server/graph/writer/load-time.ts';

describe('the load time stamped on loaded documents', () => {
  it('is the clock when the clock has moved on since the last stamp', () => {
    const t = new Date(Date.now() + 60_000);
    expect(nextLoadTime(t)).toBe(t.toISOString());
  });

  it('is a millisecond later than the last stamp when two are made in the same millisecond, or the clock went back', () => {
    const t = new Date(Date.now() + 120_000);
    const first = nextLoadTime(t);
    const second = nextLoadTime(t);
    const third = nextLoadTime(new Date(t.getTime() - 5_000));
    expect(Date.parse(second) - Date.parse(first)).toBe(1);
    expect(Date.parse(third) - Date.parse(second)).toBe(1);
  });
});
