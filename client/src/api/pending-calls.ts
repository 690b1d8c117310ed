/*
 * Which API calls are still waiting for an answer, and whether any of them has waited long enough to say
 * so (issue 15: "a spinner for anything slower than 300 ms"). Pure: no DOM, timers injected, so the rule —
 * busy exactly while some call has been pending longer than the delay, never for calls faster than it —
 * is unit-tested with fake timers. client.ts wraps every request in start()/end; panels/busy-indicator.ts
 * draws the result.
 */

export const BUSY_DELAY_MS = 300;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PendingCalls {
  /** A call began; the returned function ends it (calling it again does nothing). */
  start(): () => void;
  /** Calls begun and not yet ended. */
  pending(): number;
  /** Some pending call has waited longer than the delay. */
  busy(): boolean;
  /** Told whenever busy() changes; returns the unsubscribe. */
  subscribe(listener: (busy: boolean) => void): () => void;
}

export function createPendingCalls(opts: { delayMs?: number; timers?: Timers } = {}): PendingCalls {
  const delayMs = opts.delayMs ?? BUSY_DELAY_MS;
  const timers: Timers = opts.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  };
  const listeners = new Set<(busy: boolean) => void>();
  let pending = 0;
  // Calls past the delay and still pending: busy while there is at least one.
  let overdue = 0;

  const notify = (before: boolean) => {
    const now = overdue > 0;
    if (now !== before) for (const l of listeners) l(now);
  };

  return {
    start() {
      pending++;
      let state: 'waiting' | 'overdue' | 'ended' = 'waiting';
      const timer = timers.setTimeout(() => {
        if (state !== 'waiting') return;
        state = 'overdue';
        const before = overdue > 0;
        overdue++;
        notify(before);
      }, delayMs);
      return () => {
        if (state === 'ended') return;
        const before = overdue > 0;
        if (state === 'overdue') overdue--;
        else timers.clearTimeout(timer);
        state = 'ended';
        pending--;
        notify(before);
      };
    },
    pending: () => pending,
    busy: () => overdue > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
