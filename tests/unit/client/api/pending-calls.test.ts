/*
 * The spinner's rule (issue 15), with fake timers: busy exactly while some API call has been pending longer
 * than 300 ms; a call faster than that never makes it flash; it goes when the slow calls end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_DELAY_MS, createPendingCalls } from '../../../../client/src/api/pending-calls.ts';

describe('pending API calls and the 300 ms busy delay', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  const tracker = () => {
    const calls = createPendingCalls();
    const changes: boolean[] = [];
    calls.subscribe((b) => changes.push(b));
    return { calls, changes };
  };

  it('waits 300 ms by default', () => {
    expect(BUSY_DELAY_MS).toBe(300);
  });

  it('never reports busy for a call answered within the delay', () => {
    const { calls, changes } = tracker();
    const end = calls.start();
    expect(calls.pending()).toBe(1);
    vi.advanceTimersByTime(299);
    end();
    vi.advanceTimersByTime(1000);
    expect(calls.busy()).toBe(false);
    expect(calls.pending()).toBe(0);
    expect(changes).toEqual([]);
  });

  it('reports busy once a call has been pending longer than the delay, and not busy when it ends', () => {
    const { calls, changes } = tracker();
    const end = calls.start();
    vi.advanceTimersByTime(299);
    expect(calls.busy()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(calls.busy()).toBe(true);
    end();
    expect(calls.busy()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('stays busy while any slow call is pending and clears only when the last one ends', () => {
    const { calls, changes } = tracker();
    const endA = calls.start();
    const endB = calls.start();
    vi.advanceTimersByTime(400);
    endA();
    expect(calls.busy()).toBe(true);
    endB();
    expect(calls.busy()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('counts each call from its own start: a fresh call left pending after a slow one ends is not busy until it is slow too', () => {
    const { calls, changes } = tracker();
    const slow = calls.start();
    vi.advanceTimersByTime(350);
    const fresh = calls.start();
    vi.advanceTimersByTime(100);
    slow();
    expect(calls.busy()).toBe(false);
    vi.advanceTimersByTime(200);
    expect(calls.busy()).toBe(true);
    fresh();
    expect(changes).toEqual([true, false, true, false]);
  });

  it('ignores a second end of the same call', () => {
    const { calls } = tracker();
    const end = calls.start();
    const other = calls.start();
    vi.advanceTimersByTime(500);
    end();
    end();
    expect(calls.pending()).toBe(1);
    expect(calls.busy()).toBe(true);
    other();
    expect(calls.pending()).toBe(0);
  });

  it('takes another delay and stops telling a listener that unsubscribed', () => {
    const calls = createPendingCalls({ delayMs: 50 });
    const seen: boolean[] = [];
    const off = calls.subscribe((b) => seen.push(b));
    const end = calls.start();
    vi.advanceTimersByTime(50);
    off();
    end();
    expect(seen).toEqual([true]);
  });
});
