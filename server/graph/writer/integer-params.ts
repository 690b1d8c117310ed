/*
 * The JavaScript driver sends every number as a Cypher FLOAT. Ranks, years and evidence offsets are
 * integers in the stored shape (docs/graph-storage.md), and `substring(text, start, …)` wants them so;
 * this converts whole numbers to driver Integers at the edge, keeping lists homogeneous.
 */
import neo4j from 'neo4j-driver';

export function integerParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) {
    // A property list must be all INTEGER or all FLOAT; any fraction keeps the whole list FLOAT.
    if (value.length > 0 && value.every((v) => typeof v === 'number')) {
      return value.every((v) => Number.isSafeInteger(v)) ? value.map((v: number) => neo4j.int(v)) : value;
    }
    return value.map(integerParams);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = integerParams(v);
    return out;
  }
  return value;
}
