/*
 * The neighbours page (cypher/api/neighbors.cypher) spells out one typed branch per relationship type,
 * because Neo4j 5.26 plans a dynamic type as an expansion of every type of the node. Fourteen copies of
 * one branch drift apart easily: these check that the branches name exactly RELATIONSHIP_TYPES, each
 * once, and that they are one text with only the type changed, both directions read by typed patterns.
 */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../../../server/extract/graph-facts.ts';
import { loadApiCypher } from '../../../../server/graph/queries/api-cypher.ts';

const text = loadApiCypher('neighbors');
/** The sorted branches: from their UNWIND of $sorted to their RETURN. */
const branches = [...text.matchAll(/ {2}UNWIND \[p IN \$sorted WHERE p\.type = '([A-Z_]+)'\] AS p\n[\s\S]*?RETURN '\1' AS type, [^\n]*\n/g)];

describe('the typed branches of the neighbours page', () => {
  it('has one branch for every relationship type, and none for STATES', () => {
    expect(branches.map((b) => b[1]).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(text).not.toMatch(/\[r:STATES\]/);
  });

  it('reads each type with a typed pattern per direction, and the branches differ only in the type', () => {
    const generic = new Set(branches.map(([branch, type]) => branch.replaceAll(type!, 'TYPE')));
    expect(generic.size).toBe(1);
    const [only] = [...generic];
    expect(only).toContain("WITH n WHERE $direction <> 'in' MATCH (n)-[r:TYPE]->(m)");
    expect(only).toContain("WITH n WHERE $direction <> 'out' MATCH (n)<-[r:TYPE]-(m)");
  });

  it('leaves no untyped or dynamically typed expansion of the node', () => {
    expect(text).not.toMatch(/\(n\)-\[r(:!STATES)?\]-/);
    expect(text).not.toMatch(/\$\(/);
  });
});
