/*
 * The STATES rows of a write: besides the aliases, each names the type, other end and key of every
 * relationship the document states from that node, and the document's spans of them, which is how
 * GET /api/documents/:id finds them without reading a hub fact's evidence lists.
 */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../../../server/extract/graph-facts.ts';
import { prepareDocument } from '../../../../server/graph/writer/prepare-facts.ts';
import { createRows, planWrite, statesParams, type RelationshipPlan } from '../../../../server/graph/writer/write-plan.ts';
import { docA, docB } from '../../../fixtures/facts/small-corpus.ts';

const a = prepareDocument(docA.facts, docA.text);
const b = prepareDocument(docB.facts, docB.text);

/** STATES rows as create-states.cypher reads them: the document and types looked up in the lists sent beside the rows. */
function statesOf(docs: Parameters<typeof planWrite>[0]) {
  const { rows, docNodeIds, types } = statesParams(planWrite(docs)) as { rows: [string, unknown[][]][]; docNodeIds: string[]; types: string[] };
  return rows.flatMap(([node, entries]) => entries.map(([doc, aliases, outTypes, outEnds, outKeys, outSpans]) => ({
    doc: docNodeIds[Number(doc)], node, aliases: aliases as string[],
    types: (outTypes as unknown[]).map((t) => types[Number(t)]!), ends: outEnds as string[], keys: outKeys as string[],
    spans: (outSpans as unknown[]).map(Number),
  })));
}

describe('planWrite', () => {
  it('names on each STATES row every relationship its document states from that node, once, sorted by type, end and key', () => {
    const states = statesOf([b, a]);
    for (const doc of [a, b]) {
      const named = states.filter((s) => s.doc === doc.docNodeId).flatMap((s) => s.types.map((t, i) => `${s.node} ${t} ${s.ends[i]} ${s.keys[i]}`));
      const stated = doc.relationships.filter((r) => r.from !== doc.docNodeId).map((r) => `${r.from} ${r.type} ${r.to} ${r.key}`);
      expect(named.sort()).toEqual([...new Set(stated)].sort());
    }
    for (const { types, ends, keys } of states) {
      const entries = types.map((t, i) => `${t}\u0000${ends[i]}\u0000${keys[i]}`);
      expect(entries).toEqual([...new Set(entries)].sort());
    }
    expect(states.flatMap((s) => s.types).every((t) => (RELATIONSHIP_TYPES as readonly string[]).includes(t))).toBe(true);
  });

  it('keeps on each STATES row the document\'s own spans of those relationships, each under its relationship', () => {
    const states = statesOf([b, a]);
    for (const doc of [a, b]) {
      const kept = states.filter((s) => s.doc === doc.docNodeId).flatMap((s) => {
        expect(s.spans.length % 3).toBe(0);
        const out: string[] = [];
        for (let k = 0; k < s.spans.length; k += 3) {
          const i = s.spans[k]!;
          out.push(`${s.node} ${s.types[i]} ${s.ends[i]} ${s.keys[i]} ${s.spans[k + 1]}-${s.spans[k + 2]}`);
        }
        return out;
      });
      const evidence = doc.relationships.filter((r) => r.from !== doc.docNodeId)
        .flatMap((r) => r.evidenceStarts.map((start, k) => `${r.from} ${r.type} ${r.to} ${r.key} ${start}-${r.evidenceEnds[k]}`));
      expect(evidence.length).toBeGreaterThan(2);
      expect(kept.sort()).toEqual(evidence.sort());
    }
  });

  it('sorts STATES rows by node, then document, whatever the order of the documents', () => {
    const keys = statesOf([b, a]).map((s) => `${s.node} ${s.doc}`);
    expect(keys).toEqual([...keys].sort());
    expect(statesOf([a, b])).toEqual(statesOf([b, a]));
  });

  it('sends each node once, with an entry per document that states it, and counts the entries', () => {
    const plan = planWrite([b, a]);
    const nodes = plan.states.map((row) => row[0] as string);
    expect(new Set(nodes).size).toBe(nodes.length);
    expect(plan.states.some((row) => (row[1] as unknown[]).length === 2)).toBe(true);
    expect(plan.stateCount).toBe(a.nodes.length + b.nodes.length);
  });

  it('gives a node a document states but starts nothing from empty lists', () => {
    const row = statesOf([a]).find((s) => s.node === 'agency:各县(市)区政府');
    expect([row?.types, row?.ends, row?.keys, row?.spans]).toEqual([[], [], [], []]);
  });

  it('sends each relationship\'s documents as positions in the transaction\'s sorted document ids', () => {
    const plan = planWrite([b, a]);
    expect(plan.docIds).toEqual(['docA', 'docB']);
    for (const rows of plan.relationships.values()) {
      for (const r of rows) {
        const docs = (r.create[1] as unknown[]).map((i) => plan.docIds[Number(i)]);
        const evidenceDocs = (r.create[2] as unknown[]).map((i) => plan.docIds[Number(i)]);
        expect(docs.length).toBeGreaterThan(0);
        expect(new Set(evidenceDocs)).toEqual(new Set(docs));
      }
    }
  });

  it('asks for page keys of the tasks and of every end of a RESPONSIBLE_FOR or HAS_TASK, not of every node', () => {
    const plan = planWrite([a, b]);
    const tasks = plan.nodes.filter((n) => (n.create[0] as string[]).includes('Task')).map((n) => n.id);
    const ends = [...(plan.relationships.get('RESPONSIBLE_FOR') ?? []), ...(plan.relationships.get('HAS_TASK') ?? [])].map((r) => r.to);
    expect(new Set(plan.pageKeyIds)).toEqual(new Set([...tasks, ...ends]));
    expect(plan.pageKeyIds.length).toBeLessThan(plan.nodes.length);
  });

  it('groups create rows under the end the relationships share more, each relationship once, in sorted groups', () => {
    const rel = (from: string, to: string): RelationshipPlan => ({ from, to, create: [`${from}>${to}`], merge: () => ({}) });
    const flat = (rows: unknown[][], byTo: boolean) => rows.flatMap(([end, entries]) =>
      (entries as [string, string[]][]).map(([other, create]) => ({ from: byTo ? other : end as string, to: byTo ? end as string : other, create: create[0] })));
    // Sorted by ends as planWrite sorts them: two starts, three ends.
    const fromShared = [rel('a', 'x'), rel('a', 'y'), rel('a', 'z'), rel('b', 'x')];
    const byFrom = createRows(fromShared);
    expect(byFrom.byTo).toBe(false);
    expect(byFrom.rows.map((r) => r[0])).toEqual(['a', 'b']);
    expect(flat(byFrom.rows, false)).toEqual(fromShared.map((r) => ({ from: r.from, to: r.to, create: r.create[0] })));
    // Four tasks mentioning two indicators: grouped by the indicator, sorted by it, the tasks in order within.
    const toShared = [rel('t1', 'i2'), rel('t2', 'i1'), rel('t3', 'i2'), rel('t4', 'i1')];
    const byTo = createRows(toShared);
    expect(byTo.byTo).toBe(true);
    expect(byTo.rows.map((r) => r[0])).toEqual(['i1', 'i2']);
    expect(flat(byTo.rows, true).map((r) => r.create)).toEqual(['t2>i1', 't4>i1', 't1>i2', 't3>i2']);
    expect(flat(byTo.rows, true).every((r) => r.create === `${r.from}>${r.to}`)).toBe(true);
  });
});
