/*
 * A fact that more documents state than its evidence sample holds (docs/graph-storage.md, Evidence):
 * the relationship keeps the lowest document ids' spans and counts all of them, whatever the load order,
 * batching, replacement or removal; the edge's evidence reads on past the sample; a database that kept
 * every document's spans on the relationship is migrated to the sample.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphFacts } from '../../server/extract/graph-facts.ts';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { edgeDetails } from '../../server/graph/queries/explore-further.ts';
import { migrateSupport } from '../../server/graph/schema.ts';
import { SAMPLE_DOCUMENTS } from '../../server/graph/writer/evidence-sample.ts';
import { clearGraph } from '../../server/graph/writer/graph-state.ts';
import { prepareDocument } from '../../server/graph/writer/prepare-facts.ts';
import { removeDocument } from '../../server/graph/writer/remove-document.ts';
import { writeDocuments } from '../../server/graph/writer/write-documents.ts';
import { openTestDb } from './helpers.ts';
import { snapshot } from './loader-snapshot.ts';

let db: GraphDb;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDb());
});
afterAll(async () => close());
beforeEach(async () => clearGraph(db));

const MEMBER = 'agency:长乐区政府';
const GROUP = 'agency:各县(市)区政府';
const QUOTE = '长乐区政府属于各县(市)区政府';

interface Doc { id: string; text: string; facts: GraphFacts }

/**
 * Document i states the membership once, or twice when i is a multiple of 3, after a preamble whose
 * length varies (so every document's spans differ) and which holds a character outside the BMP in every
 * fourth (a span's text must be cut by JavaScript offsets, as the extractor cut it). `source` is a
 * property the documents disagree on: the lowest document id's value is kept.
 */
function restating(i: number, version = 1): Doc {
  const id = `d${String(i).padStart(3, '0')}`;
  const preamble = `${'第'.repeat(i % 7)}${i % 4 === 0 ? '𠀋' : ''}v${version}:`;
  const text = i % 3 === 0 ? `${preamble}${QUOTE}。又:${QUOTE}。` : `${preamble}${QUOTE}。`;
  const starts = [text.indexOf(QUOTE), ...(i % 3 === 0 ? [text.lastIndexOf(QUOTE)] : [])];
  const facts: GraphFacts = {
    documents: [{ id, file: `${id}.txt`, title: `Plan ${id}`, kind: 'plan', sha256: crypto.createHash('sha256').update(text).digest('hex') }],
    nodes: [
      { id: MEMBER, label: 'Agency', name: '长乐区政府', aliases: ['长乐区政府'], props: {} },
      { id: GROUP, label: 'Agency', name: '各县(市)区政府', aliases: ['各县(市)区政府'], props: { group: true } },
    ],
    relationships: [{
      type: 'MEMBER_OF', from: MEMBER, to: GROUP, props: { source: `doc-${id}` },
      evidence: starts.map((start) => ({ document: id, start, end: start + QUOTE.length, text: QUOTE })),
    }],
  };
  return { id, text, facts };
}

const spansOf = (d: Doc) => d.facts.relationships[0]!.evidence.map((e) => ({ document: d.id, start: e.start, end: e.end, text: d.text.slice(e.start, e.end) }));

async function load(docs: readonly Doc[], perTransaction: number): Promise<void> {
  for (let i = 0; i < docs.length; i += perTransaction) {
    await writeDocuments(db, docs.slice(i, i + perTransaction).map((d) => prepareDocument(d.facts, d.text)));
  }
}

async function membership() {
  const [row] = await db.read<{ r: Record<string, unknown>; id: string }>(
    `MATCH ({id: $from})-[r:MEMBER_OF]->({id: $to}) RETURN r {.*} AS r, elementId(r) AS id`, { from: MEMBER, to: GROUP });
  return row!;
}

/** What the relationship should hold when `docs` state it: the lowest ids' spans, sorted by document. */
function expectedSample(docs: readonly Doc[]) {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sample = sorted.slice(0, SAMPLE_DOCUMENTS).flatMap(spansOf);
  return {
    documents: sorted.slice(0, SAMPLE_DOCUMENTS).map((d) => d.id),
    evidenceDocs: sample.map((s) => s.document),
    evidenceStarts: sample.map((s) => s.start),
    evidenceEnds: sample.map((s) => s.end),
    evidenceTexts: sample.map((s) => s.text),
    documentCount: docs.length,
    evidenceCount: docs.flatMap(spansOf).length,
    source: `doc-${sorted[0]!.id}`,
  };
}

const many = (n: number, from = 1) => Array.from({ length: n }, (_, k) => restating(from + k));
/** A fixed shuffle, so a failure can be replayed. */
const shuffled = <T>(xs: readonly T[]) => xs.map((x, i) => [((i * 7919) % 101) + i / 1000, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

describe('a fact more documents state than the relationship samples', () => {
  it('keeps the lowest document ids\' spans and counts every document and span, in any load order and batching', async () => {
    const docs = many(SAMPLE_DOCUMENTS + 13);
    await load(shuffled(docs), 4);
    const r = (await membership()).r;
    expect(r).toMatchObject(expectedSample(docs));
    const inOrder = await snapshot(db);

    await clearGraph(db);
    await load([...docs].reverse(), 50);
    expect(await snapshot(db)).toEqual(inOrder);
    await clearGraph(db);
    await load(docs, 1);
    expect(await snapshot(db)).toEqual(inOrder);
  });

  it('refills the sample from the next documents when one of it is removed, and only counts when one outside it is', async () => {
    const docs = many(SAMPLE_DOCUMENTS + 5);
    await load(docs, 10);
    await removeDocument(db, docs[2]!.id);
    let left = docs.filter((_, k) => k !== 2);
    expect((await membership()).r).toMatchObject(expectedSample(left));
    await removeDocument(db, docs[SAMPLE_DOCUMENTS + 3]!.id);
    left = left.filter((d) => d.id !== docs[SAMPLE_DOCUMENTS + 3]!.id);
    expect((await membership()).r).toMatchObject(expectedSample(left));

    // The same graph as loading what is left afresh.
    const after = await snapshot(db);
    await clearGraph(db);
    await load(left, 50);
    expect(await snapshot(db)).toEqual(after);
  });

  it('replaces documents in and out of the sample, beside new ones, as a fresh load of the result', async () => {
    const docs = many(SAMPLE_DOCUMENTS + 6);
    await load(docs, 8);
    // The lowest id (whose `source` the fact has) and one in the middle of the sample change; one past it
    // changes too; two new documents come in the same transaction.
    const changed = [restating(1, 2), restating(9, 2), restating(SAMPLE_DOCUMENTS + 4, 2)];
    const added = many(2, 200);
    await load([...changed, ...added], 50);
    const result = docs.map((d) => changed.find((c) => c.id === d.id) ?? d).concat(added);
    expect((await membership()).r).toMatchObject(expectedSample(result));
    const replaced = await snapshot(db);
    await clearGraph(db);
    await load(result, 50);
    expect(await snapshot(db)).toEqual(replaced);
  });

  it('deletes the relationship with its last document, after the sample was refilled on the way', async () => {
    const docs = many(SAMPLE_DOCUMENTS + 2);
    await load(docs, 50);
    for (const d of docs) await removeDocument(db, d.id);
    expect(await db.read('MATCH ()-[r:MEMBER_OF]->() RETURN r')).toEqual([]);
    expect(await db.read('MATCH (n:Entity) RETURN n.id AS id')).toEqual([]);
  });
});

describe('the evidence of an edge', () => {
  it('lists every span by document id past the sample, with texts cut from the documents, and counts them all', async () => {
    const docs = many(SAMPLE_DOCUMENTS + 9);
    await load(shuffled(docs), 7);
    const { id } = await membership();
    const all = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1)).flatMap(spansOf);
    const edge = await edgeDetails(db, id, 200, 10_000);
    expect(edge.spans).toBe(all.length);
    expect(edge.evidence.map(({ document, start, end, text }) => ({ document, start, end, text }))).toEqual(all);
    expect(edge.evidence.every((e) => e.documentTitle === `Plan ${e.document}`)).toBe(true);
    // A limit inside the sample reads only the relationship; one just past it reads on exactly that far.
    expect((await edgeDetails(db, id, 5, 10_000)).evidence.map((e) => e.document)).toEqual(all.slice(0, 5).map((s) => s.document));
    const past = all.filter((s) => s.document <= docs[SAMPLE_DOCUMENTS]!.id).length;
    expect((await edgeDetails(db, id, past, 10_000)).evidence).toHaveLength(past);
  });
});

describe('a database whose relationships held every document\'s evidence', () => {
  it('is migrated once at start to the sample and counts, and loads on it as on a fresh one', async () => {
    const docs = many(SAMPLE_DOCUMENTS + 4);
    await load(docs, 50);
    const current = await snapshot(db);
    // The previous shape: every document's spans on the relationship, in load order, and no documentCount.
    const all = [...docs].reverse().flatMap(spansOf);
    await db.write(`MATCH ()-[r:!STATES]->() REMOVE r.documentCount`);
    await db.write(`MATCH ({id: $from})-[r:MEMBER_OF]->({id: $to})
      SET r.documents = $documents, r.evidenceDocs = $evidenceDocs, r.evidenceStarts = $starts, r.evidenceEnds = $ends, r.evidenceTexts = $texts`, {
      from: MEMBER, to: GROUP, documents: [...docs].reverse().map((d) => d.id),
      evidenceDocs: all.map((s) => s.document), starts: all.map((s) => s.start), ends: all.map((s) => s.end), texts: all.map((s) => s.text),
    });
    expect(await snapshot(db)).not.toEqual(current);
    expect(await migrateSupport(db)).toBe(true);
    expect(await snapshot(db)).toEqual(current);
    expect(await migrateSupport(db)).toBe(false);

    // The properties stay those of the removed lowest document until a lower one states the fact again
    // (docs/graph-storage.md, Loading rules); the sample and counts move on.
    await removeDocument(db, docs[0]!.id);
    expect((await membership()).r).toMatchObject({ ...expectedSample(docs.slice(1)), source: `doc-${docs[0]!.id}` });
  });
});
