import { describe, expect, it } from 'vitest';
import { combineDocuments, newNodeProps, newRelationshipProps } from '../../../../server/graph/writer/combine-documents.ts';
import { prepareDocument } from '../../../../server/graph/writer/prepare-facts.ts';
import { ALIAS_TEXT_LIMIT, cappedAliasText } from '../../../../server/graph/writer/search-keys.ts';
import { docA, docB } from '../../../fixtures/facts/small-corpus.ts';

const a = prepareDocument(docA.facts, docA.text);
const b = prepareDocument(docB.facts, docB.text);

describe('combineDocuments', () => {
  it('gives a node stated by two documents one row with both documents and the union of their aliases', () => {
    const { nodes } = combineDocuments([b, a]);
    const shared = nodes.find((n) => n.id === 'agency:市大数据委')!;
    expect(shared.docIds).toEqual(['docA', 'docB']);
    expect(shared.aliases).toEqual(['市大数据委']);
    expect(nodes.map((n) => n.id)).toEqual([...new Set([...a.nodeIds, ...b.nodeIds])].sort());
  });

  it('gives a relationship stated by two documents one row with the evidence of both, in document order', () => {
    const { relationships, relationshipCount } = combineDocuments([b, a]);
    const member = relationships.get('MEMBER_OF')!;
    expect(member).toHaveLength(1);
    expect(member[0]).toMatchObject({ docIds: ['docA', 'docB'], evidenceDocs: ['docA', 'docB'] });
    expect(member[0]!.evidenceStarts).toEqual([docA.text.indexOf('长乐区政府属于'), docB.text.indexOf('长乐区政府属于')]);
    expect(relationshipCount).toBe(a.relationshipCount + b.relationshipCount - 1);
  });

  it('orders each type\'s relationships by their ends and key, so transactions lock shared ones in one order', () => {
    for (const rows of combineDocuments([b, a]).relationships.values()) {
      const keys = rows.map((r) => [r.from, r.to, r.key].join('\u0000'));
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('takes each property from the lowest document id that sets it, whatever the input order', () => {
    const low = structuredClone(a);
    const high = structuredClone(b);
    high.docId = 'docZ';
    const lowNode = low.nodes.find((n) => n.id === 'agency:市大数据委')!;
    const highNode = high.nodes.find((n) => n.id === 'agency:市大数据委')!;
    lowNode.props = { ...lowNode.props, level: 'low' };
    highNode.props = { ...highNode.props, level: 'high', note: 'only high' };
    for (const order of [[low, high], [high, low]]) {
      const row = combineDocuments(order).nodes.find((n) => n.id === 'agency:市大数据委')!;
      expect(row.props).toMatchObject({ level: 'low', note: 'only high' });
      expect(row.docIds).toEqual(['docA', 'docZ']);
    }
  });

  it('keeps both labels when two documents disagree on a node\'s label', () => {
    const other = structuredClone(b);
    other.nodes.find((n) => n.id === 'agency:市大数据委')!.label = 'Institution';
    const row = combineDocuments([a, other]).nodes.find((n) => n.id === 'agency:市大数据委')!;
    expect(row.labels).toEqual(['Agency', 'Institution']);
  });

  it('builds the whole property map of a new node and a new relationship', () => {
    const { nodes, relationships } = combineDocuments([a]);
    const node = nodes.find((n) => n.id === 'agency:长乐区政府')!;
    expect(newNodeProps(node)).toMatchObject({
      id: 'agency:长乐区政府', name: '长乐区政府', pinyin: 'changlequzhengfu', aliases: ['长乐区政府'],
      aliasText: '长乐区政府', propsDoc: 'docA',
    });
    expect(newNodeProps(node)).not.toHaveProperty('documents');
    const rel = relationships.get('RESPONSIBLE_FOR')!.find((r) => r.from === 'agency:长乐区政府')!;
    expect(newRelationshipProps(rel)).toEqual({
      role: 'responsible', rank: 1, key: 'responsible', documents: ['docA'], evidenceDocs: ['docA'],
      evidenceStarts: [docA.text.indexOf('长乐区政府')], evidenceEnds: [docA.text.indexOf('长乐区政府') + 5], evidenceTexts: ['长乐区政府'], evidenceCount: 1, documentCount: 1,
    });
  });
});

describe('cappedAliasText', () => {
  it('joins the name and the other aliases with " | "', () => {
    expect(cappedAliasText('长乐区政府', ['长乐区人民政府', '长乐区政府', '长乐区'])).toBe('长乐区政府 | 长乐区人民政府 | 长乐区');
  });

  it('skips aliases once the text would pass the limit, but keeps shorter ones that still fit', () => {
    const long = '很'.repeat(ALIAS_TEXT_LIMIT - 10);
    const text = cappedAliasText('名', [long, '很'.repeat(20), '短']);
    expect(text).toBe(`名 | ${long} | 短`);
    expect([...text].length).toBeLessThanOrEqual(ALIAS_TEXT_LIMIT + 3);
  });
});
