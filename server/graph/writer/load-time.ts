/*
 * The load time stamped on the documents a write transaction loads. Answers are cached per graph state, and
 * the state is the document count and the latest load time (server/graph/queries/graph-state-cache.ts): two
 * transactions of this process stamped in the same millisecond — the loader keeps two in flight — could
 * replace documents without changing either, and a cached answer would outlive the second. So each stamp is
 * later than the one before it, by a millisecond when the clock has not moved on (or went back).
 */
let last = 0;

export function nextLoadTime(now: Date = new Date()): string {
  last = Math.max(now.getTime(), last + 1);
  return new Date(last).toISOString();
}
