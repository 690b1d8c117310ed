/*
 * The STATES rows of a write: besides the aliases, each names the type and other end of every
 * relationship the document states from that node, which is how GET /api/documents/:id finds them.
 */
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../server/graph/writer/prepare-facts.ts';
import { planWrite } from '../../../server/graph/writer/write-plan.ts';
import { docA, docB } from '../../fixtures/facts/small-corpus.ts';

const a = prepareDocument(docA.facts, docA.text);
const b = prepareDocument(docB.facts, docB.text);

describe('planWrite', () => {
  it('names on each STATES row every relationship its document states from that node, once, sorted by type and end', () => {
    const { states } = planWrite([b, a]);
    for (const doc of [a, b]) {
      const named = states.filter((s) => s[0] === doc.docNodeId)
        .flatMap(([, from, , types, ends]) => (types as string[]).map((t, i) => `${String(from)} ${t} ${(ends as string[])[i]}`));
      const stated = doc.relationships.filter((r) => r.from !== doc.docNodeId).map((r) => `${r.from} ${r.type} ${r.to}`);
      expect(named.sort()).toEqual([...new Set(stated)].sort());
    }
    for (const [, , , types, ends] of states) {
      const pairs = (types as string[]).map((t, i) => `${t}\u0000${(ends as string[])[i]}`);
      expect(pairs).toEqual([...new Set(pairs)].sort());
    }
  });

  it('gives a node a document states but starts nothing from empty lists', () => {
    const row = planWrite([a]).states.find((s) => s[1] === 'agency:各县(市)区政府');
    expect(row?.slice(3)).toEqual([[], []]);
  });
});
