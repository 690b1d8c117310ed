/*
 * JavaScript has one number type; Neo4j has integers and floats, and LIMIT, SKIP, range() and list
 * indexes refuse a float. Whole numbers in parameters are sent as Neo4j integers.
 */
import neo4j from 'neo4j-driver';

export function neoParams<T>(value: T): T {
  if (typeof value === 'number') return (Number.isSafeInteger(value) ? neo4j.int(value) : value) as T;
  if (Array.isArray(value)) return value.map((v) => neoParams(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = neoParams(v);
    return out as T;
  }
  return value;
}
