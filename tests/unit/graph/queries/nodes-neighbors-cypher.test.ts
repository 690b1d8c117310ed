/*
 * The neighbours page reads each type sorted by name with its own statement of
 * cypher/api/neighbors-of-type.cypher, because Neo4j 5.26 plans a dynamic type as an expansion of every
 * type of the node, and one statement with a branch per type takes seconds to plan. Fourteen copies of
 * one statement drift apart easily: these check that the statements name exactly RELATIONSHIP_TYPES,
 * each once, that they are one text with only the type changed, both directions read by typed
 * patterns, and that the service picks each type's own statement.
 */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../../../server/extract/graph-facts.ts';
import { splitStatements } from '../../../../server/graph/cypher-files.ts';
import { loadApiCypher } from '../../../../server/graph/queries/api-cypher.ts';
import { neighbourPages, neighbourTypeReads, type NeighborQuery } from '../../../../server/graph/queries/nodes.ts';

const statements = splitStatements(loadApiCypher('neighbors-of-type'));
const typeOf = (text: string) => /\[r:([A-Z_]+)\]->/.exec(text)?.[1];

describe('the statements of cypher/api/neighbors-of-type.cypher', () => {
  it('has one statement for every relationship type, and none for STATES', () => {
    expect(statements.map(typeOf).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it('are one text with only the type changed, each direction read by a typed pattern', () => {
    const generic = new Set(statements.map((s) => s.replaceAll(typeOf(s)!, 'TYPE')));
    expect(generic.size).toBe(1);
    const [only] = [...generic];
    expect(only).toContain("WITH n WHERE $direction <> 'in' MATCH (n)-[r:TYPE]->(m)");
    expect(only).toContain("WITH n WHERE $direction <> 'out' MATCH (n)<-[r:TYPE]-(m)");
    expect(only).not.toMatch(/\$\(/);
  });
});

describe('neighbourTypeReads', () => {
  const q: NeighborQuery = { direction: 'in', labels: ['Agency'], offset: 0, limit: 50 };

  it('reads each page type sorted by name with the statement of that type, and the keyed type not at all', () => {
    const { pages } = neighbourPages([
      { type: 'RESPONSIBLE_FOR', out: 0, in: 3 }, { type: 'MEMBER_OF', out: 1, in: 4 }, { type: 'OF', out: 0, in: 0 },
    ], q);
    const reads = neighbourTypeReads('agency:x', q, pages);
    expect(reads.map((r) => [r.type, typeOf(r.text)])).toEqual([['MEMBER_OF', 'MEMBER_OF'], ['RESPONSIBLE_FOR', 'RESPONSIBLE_FOR']]);
    expect(reads[0]!.params).toEqual({ id: 'agency:x', direction: 'in', labels: ['Agency'], offset: 0, limit: 4 });
    expect(neighbourTypeReads('agency:x', { ...q, direction: 'out' }, neighbourPages([{ type: 'RESPONSIBLE_FOR', out: 9, in: 0 }], { ...q, direction: 'out' }).pages)).toEqual([]);
  });
});
