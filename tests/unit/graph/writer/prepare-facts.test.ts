import { describe, expect, it } from 'vitest';
import { FactsError, lockOrder, prepareDocument } from '../../../../server/graph/writer/prepare-facts.ts';
import { docA, docB } from '../../../fixtures/facts/small-corpus.ts';

describe('prepareDocument', () => {
  it('shapes nodes with search keys and relationships with a role key and parallel evidence lists', () => {
    const p = prepareDocument(docA.facts, docA.text);
    const agency = p.nodes.find((n) => n.id === 'agency:长乐区政府');
    expect(agency?.props).toMatchObject({ name: '长乐区政府', pinyin: 'changlequzhengfu', initials: 'clqzf' });
    const resp = p.relationships.find((r) => r.type === 'RESPONSIBLE_FOR' && r.from === 'agency:长乐区政府');
    expect(resp).toMatchObject({ key: 'responsible', evidenceTexts: ['长乐区政府'] });
    // The key is stored from the row's own `key`; props do not carry it a second time.
    expect(resp?.props).toEqual({ role: 'responsible', rank: 1 });
    const member = p.relationships.find((r) => r.type === 'MEMBER_OF');
    expect(member?.key).toBe('');
    expect(p.documentProps).toMatchObject({ id: 'document:docA', docId: 'docA', text: docA.text, file: 'docA.txt' });
  });

  it('stores the document\'s jurisdiction and issuer on the Document node, and null when unknown', () => {
    const facts = structuredClone(docA.facts);
    Object.assign(facts.documents[0]!, { jurisdiction: '广州市', jurisdictionLevel: 'city', issuer: '广州市人民政府' });
    expect(prepareDocument(facts, docA.text).documentProps).toMatchObject({ jurisdiction: '广州市', jurisdictionLevel: 'city', issuer: '广州市人民政府' });
    const bare = structuredClone(docA.facts);
    delete bare.documents[0]!.jurisdiction;
    expect(prepareDocument(bare, docA.text).documentProps).toMatchObject({ jurisdiction: null, issuer: null });
  });

  it('lists node ids sorted, without the Document node, as the lock order', () => {
    const p = prepareDocument(docA.facts, docA.text);
    expect(p.nodeIds).toEqual([...p.nodeIds].sort());
    expect(p.nodeIds).not.toContain('document:docA');
    expect(p.nodes.map((n) => n.id)).toEqual(p.nodeIds);
  });

  it('unites duplicate relationship facts into one row with all their evidence', () => {
    const facts = structuredClone(docB.facts);
    const dup = structuredClone(facts.relationships[0]!);
    dup.evidence = [{ document: 'docB', start: 0, end: 1, text: docB.text.slice(0, 1) }];
    facts.relationships.push(dup);
    const p = prepareDocument(facts, docB.text);
    expect(p.relationshipCount).toBe(docB.facts.relationships.length);
    expect(p.relationships.find((r) => r.type === dup.type && r.to === dup.to)?.evidenceStarts).toHaveLength(2);
  });

  it('rejects facts for more than one document', () => {
    const facts = structuredClone(docA.facts);
    facts.documents.push(docB.facts.documents[0]!);
    expect(() => prepareDocument(facts, docA.text)).toThrow(/exactly one document per write, got 2/);
  });

  it('names the relationship whose end node is missing', () => {
    const facts = structuredClone(docA.facts);
    facts.relationships.push({ type: 'MENTIONS', from: 'task:docA:1', to: 'platform:x', props: {}, evidence: [] });
    expect(() => prepareDocument(facts, docA.text)).toThrow(FactsError);
    expect(() => prepareDocument(facts, docA.text)).toThrow('relationships[7] (task:docA:1 -[MENTIONS]-> platform:x): node platform:x is not among');
  });

  it('rejects evidence outside the text and evidence from another document', () => {
    const outside = structuredClone(docA.facts);
    outside.relationships[0]!.evidence[0]!.end = docA.text.length + 5;
    expect(() => prepareDocument(outside, docA.text)).toThrow(/evidence\[0\] span .* is outside the text/);
    const foreign = structuredClone(docA.facts);
    foreign.relationships[0]!.evidence[0]!.document = 'docB';
    expect(() => prepareDocument(foreign, docA.text)).toThrow(/names document docB, not docA/);
  });

  it('rejects props that would overwrite the loader\'s bookkeeping', () => {
    const facts = structuredClone(docA.facts);
    facts.nodes[0]!.props.propsDoc = 'forged';
    expect(() => prepareDocument(facts, docA.text)).toThrow(/prop "propsDoc" is reserved/);
  });

  it('reports schema violations with the path of the bad field', () => {
    const facts = structuredClone(docA.facts) as unknown as { nodes: { label: string }[] };
    facts.nodes[1]!.label = 'Spaceship';
    expect(() => prepareDocument(facts, docA.text)).toThrow(/invalid graph facts at nodes\.1\.label/);
  });
});

describe('lockOrder', () => {
  it('unites and sorts old and new ids', () => {
    expect(lockOrder(['b', 'a'], ['c', 'a'])).toEqual(['a', 'b', 'c']);
  });
});
