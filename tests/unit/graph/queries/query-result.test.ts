import { describe, expect, it } from 'vitest';
import type { PlainNode, PlainRelationship } from '../../../../server/graph/neo4j-values.ts';
import { elementRef } from '../../../../server/graph/queries/query-result.ts';

const agency: PlainNode = {
  kind: 'node', elementId: '4:x:1', labels: ['Entity', 'Agency'],
  properties: { id: 'agency:长乐区政府', name: '长乐区政府', aliases: ['长乐区人民政府'], group: false, propsDoc: 'd1' },
};
const responsibility: PlainRelationship = {
  kind: 'relationship', elementId: '5:x:9', type: 'RESPONSIBLE_FOR', startElementId: '4:x:1', endElementId: '4:x:2',
  properties: { role: 'lead', rank: 1, key: 'lead', evidenceDocs: ['d1'] },
};

describe('a curated row\'s reference to an element', () => {
  it('keeps of a node its id and name, the key it has in the graph and what a cell shows', () => {
    expect(elementRef(agency)).toEqual({ kind: 'node', properties: { id: 'agency:长乐区政府', name: '长乐区政府' } });
  });

  it('keeps the element id of a node that has no id property, since the graph keys it by that', () => {
    const bare: PlainNode = { kind: 'node', elementId: '4:x:7', labels: ['Note'], properties: { text: 'a note' } };
    expect(elementRef(bare)).toEqual({ kind: 'node', elementId: '4:x:7', properties: {} });
  });

  it('keeps of a relationship its element id (an edge\'s key), its type and its role', () => {
    expect(elementRef(responsibility)).toEqual({ kind: 'relationship', elementId: '5:x:9', type: 'RESPONSIBLE_FOR', properties: { role: 'lead' } });
    const membership: PlainRelationship = { ...responsibility, elementId: '5:x:3', type: 'MEMBER_OF', properties: {} };
    expect(elementRef(membership)).toEqual({ kind: 'relationship', elementId: '5:x:3', type: 'MEMBER_OF', properties: {} });
  });
});
