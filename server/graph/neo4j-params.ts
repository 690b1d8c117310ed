/*
 * JavaScript has one number type and the driver sends every number as a Cypher FLOAT, while LIMIT, SKIP,
 * range(), list indexes and the stored shape (ranks, years, evidence offsets) want INTEGERs. Parameters are
 * converted here, at the edge, once: GraphDb does it for every query it runs, and code that runs Cypher in
 * its own transaction (the writer, the console's EXPLAIN check) calls it directly.
 */
import neo4j from 'neo4j-driver';

/**
 * Whole numbers become driver Integers. A list of numbers stays homogeneous, as a Neo4j property list must:
 * any fraction keeps the whole list FLOAT. Only plain objects are walked, so driver values (an Integer,
 * a temporal) pass through unchanged and converting twice is harmless.
 */
export function toNeo4jParams<T>(value: T): T {
  if (typeof value === 'number') return (Number.isSafeInteger(value) ? neo4j.int(value) : value) as T;
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v === 'number')) {
      return (value.every((v) => Number.isSafeInteger(v)) ? value.map((v: number) => neo4j.int(v)) : value) as T;
    }
    return value.map((v) => toNeo4jParams(v)) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4jParams(v);
    return out as T;
  }
  return value;
}
