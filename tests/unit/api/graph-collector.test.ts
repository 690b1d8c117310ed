import { describe, expect, it } from 'vitest';
import { collectElements, missingEndpoints } from '../../../server/graph/cypher-console/graph-collector.ts';
import { buildGraph } from '../../../server/graph/queries/graph-elements.ts';
import type { PlainNode, PlainRelationship } from '../../../server/graph/neo4j-values.ts';

const node = (e: string, id: string, label = 'Agency'): PlainNode => ({ kind: 'node', elementId: e, labels: ['Entity', label], properties: { id, name: id, aliasText: 'x', text: 'long' } });
const rel = (e: string, s: string, t: string): PlainRelationship => ({ kind: 'relationship', elementId: e, type: 'RESPONSIBLE_FOR', startElementId: s, endElementId: t, properties: { role: 'lead' } });

describe('the graph collector', () => {
  it('finds nodes, relationships and paths anywhere in rows, lists and maps included, once each', () => {
    const a = node('1', 'agency:a');
    const t = node('2', 'task:t', 'Task');
    const r = rel('9', '1', '2');
    const rows = [
      { a, n: 3, name: 'x' },
      { list: [a, t], map: { deep: { r } } },
      { p: { kind: 'path', nodes: [a, t], relationships: [r] } },
    ];
    const found = collectElements(rows);
    expect([...found.nodes.keys()].sort()).toEqual(['1', '2']);
    expect([...found.relationships.keys()]).toEqual(['9']);
    expect(missingEndpoints(found)).toEqual([]);
  });

  it('reports relationship endpoints that were not returned', () => {
    const found = collectElements([{ r: rel('9', '1', '2'), a: node('1', 'agency:a') }]);
    expect(missingEndpoints(found)).toEqual(['2']);
  });

  it('keys nodes by their id property, points edges at those keys and hides search helpers', () => {
    const g = buildGraph([node('1', 'agency:a'), node('2', 'task:t', 'Task')], [rel('9', '1', '2'), rel('10', '1', '404')]);
    expect(g.nodes.map((n) => [n.id, n.label])).toEqual([['agency:a', 'Agency'], ['task:t', 'Task']]);
    expect(g.edges).toEqual([{ id: '9', type: 'RESPONSIBLE_FOR', source: 'agency:a', target: 'task:t', properties: { role: 'lead' } }]);
    expect(g.nodes[0]!.properties).not.toHaveProperty('aliasText');
    expect(g.nodes[1]!.properties).toHaveProperty('text', 'long');
  });

  it('leaves bookkeeping out of graph elements and sums up a relationship\'s evidence instead', () => {
    const hub: PlainNode = { kind: 'node', elementId: '1', labels: ['Entity', 'Agency'], properties: { id: 'agency:a', name: 'A', propsDoc: 'd1', pinyin: 'a', group: false } };
    const doc: PlainNode = { kind: 'node', elementId: '2', labels: ['Entity', 'Document'], properties: { id: 'document:d1', name: 'D', text: 'whole text', nodeIds: ['agency:a'], aliasPairs: ['agency:a\u001fA'] } };
    const r: PlainRelationship = {
      kind: 'relationship', elementId: '9', type: 'MENTIONS', startElementId: '2', endElementId: '1',
      properties: { key: '', documents: ['d1', 'd2'], evidenceDocs: ['d1', 'd2', 'd2'], evidenceStarts: [0, 4, 9], evidenceEnds: [1, 5, 10], evidenceTexts: ['A', 'A', 'A'] },
    };
    const g = buildGraph([hub, doc], [r]);
    expect(g.nodes[0]).toMatchObject({ properties: { id: 'agency:a', name: 'A', group: false } });
    expect(Object.keys(g.nodes[0]!.properties)).toEqual(['id', 'name', 'group']);
    expect(g.nodes[1]!.properties).toEqual({ id: 'document:d1', name: 'D' });
    expect(g.edges[0]).toEqual({
      id: '9', type: 'MENTIONS', source: 'document:d1', target: 'agency:a', properties: { key: '' },
      evidence: { count: 3, documents: 2, first: { document: 'd1', start: 0, end: 1, text: 'A' } },
    });
  });

  it('reads lean elements projected in Cypher, properties as [key, value] pairs and nulls dropped', () => {
    const g = buildGraph(
      [{ kind: 'node', elementId: '1', labels: ['Entity', 'Plan'], properties: [['id', 'plan:p'], ['name', 'P'], ['year', null]], documentCount: 4 }],
      [],
    );
    expect(g.nodes).toEqual([{ id: 'plan:p', label: 'Plan', labels: ['Entity', 'Plan'], name: 'P', aliases: [], properties: { id: 'plan:p', name: 'P' }, documentCount: 4 }]);
  });
});
