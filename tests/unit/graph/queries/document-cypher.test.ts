/*
 * GET /api/documents/:id and its readings find each of a document's facts by a typed expand between its
 * two ends (cypher/api/document.cypher, document-readings.cypher): a type missing from a file would
 * silently drop that type's spans.
 */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../../../server/extract/graph-facts.ts';
import { loadApiCypher } from '../../../../server/graph/queries/api-cypher.ts';

describe.each(['document', 'document-readings'])('%s.cypher', (name) => {
  it('has one typed expand between the two ends per relationship type', () => {
    const branches = [...loadApiCypher(name).matchAll(/WHERE type = '([A-Z_]+)' MATCH \(a\)-\[r:([A-Z_]+)\]->\(b\)/g)];
    expect(branches.every((m) => m[1] === m[2])).toBe(true);
    expect(branches.map((m) => m[1]).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });
});
