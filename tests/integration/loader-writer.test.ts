/*
 * The writer against the real embedded Neo4j, with hand-written facts: idempotency, replacement of a
 * changed document, rollback of a failing one, --remove and the stored shape of docs/graph-storage.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { clearGraph, graphCounts } from '../../server/graph/writer/graph-state.ts';
import { prepareDocument } from '../../server/graph/writer/prepare-facts.ts';
import { removeDocument } from '../../server/graph/writer/remove-document.ts';
import { writeDocument, writeDocuments } from '../../server/graph/writer/write-documents.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { docA, docA2, docB, type FactsDoc } from '../fixtures/facts/small-corpus.ts';
import { openTestDb, tempDirs } from './helpers.ts';
import { snapshot } from './loader-snapshot.ts';

let db: GraphDb;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDb());
});
const temps = tempDirs();
const tempDir = temps.make;
afterAll(async () => {
  temps.cleanup();
  await close();
});
beforeEach(async () => clearGraph(db));

const write = (d: FactsDoc) => writeDocument(db, prepareDocument(d.facts, d.text));

/** loadPaths over fake file names whose facts come from the fixtures (no extractor involved). */
function fixtureExtract(byFile: Record<string, FactsDoc>) {
  return (file: string) => {
    const d = byFile[file.split('/').pop()!];
    if (!d) throw new Error(`no fixture for ${file}`);
    return { facts: d.facts, text: d.text, warnings: [] };
  };
}

describe('the writer', () => {
  it('stores nodes, relationships and evidence in the documented shape', async () => {
    await write(docA);
    const [agency] = await db.read('MATCH (n:Entity:Agency {id: "agency:长乐区政府"}) RETURN n { .* } AS n');
    expect(agency?.n).toMatchObject({ name: '长乐区政府', aliases: ['长乐区政府'], aliasText: '长乐区政府', pinyin: 'changlequzhengfu', initials: 'clqzf', documents: ['docA'] });
    const [rel] = await db.read('MATCH (:Agency {id: "agency:长乐区政府"})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN r { .* } AS r, t.order AS order');
    expect(rel?.r).toMatchObject({ role: 'responsible', key: 'responsible', rank: 1, documents: ['docA'], evidenceDocs: ['docA'], evidenceTexts: ['长乐区政府'] });
    const [doc] = await db.read('MATCH (d:Entity:Document {id: "document:docA"}) RETURN d { .* } AS d');
    expect(doc?.d).toMatchObject({ docId: 'docA', name: 'Plan docA', file: 'docA.txt', kind: 'plan', sha256: docA.facts.documents[0]!.sha256, text: docA.text });
    // Evidence offsets are integers that index the stored text.
    const [span] = await db.read(
      'MATCH (d:Document {docId: "docA"}), ()-[r:MEMBER_OF]->() RETURN substring(d.text, r.evidenceStarts[0], r.evidenceEnds[0] - r.evidenceStarts[0]) AS text');
    expect(span?.text).toBe('长乐区政府属于各县(市)区政府');
  });

  it('treats writing an unchanged document again as a no-op', async () => {
    const first = await write(docA);
    const before = await snapshot(db);
    const again = await write(docA);
    expect(first.status).toBe('loaded');
    expect(again).toMatchObject({ status: 'unchanged', counters: { nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0 } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps one relationship with both documents\' evidence when two documents state the same fact', async () => {
    await write(docA);
    await write(docB);
    const rows = await db.read('MATCH (:Agency {id: "agency:长乐区政府"})-[r:MEMBER_OF]->() RETURN r.documents AS docs, r.evidenceDocs AS ev');
    expect(rows).toHaveLength(1);
    expect([...(rows[0]!.docs as string[])].sort()).toEqual(['docA', 'docB']);
    expect([...(rows[0]!.ev as string[])].sort()).toEqual(['docA', 'docB']);
  });

  it('replaces exactly the facts of a changed document and nothing else', async () => {
    await write(docA2);
    await write(docB);
    const expected = await snapshot(db);
    await clearGraph(db);

    await write(docA);
    await write(docB);
    const result = await write(docA2);
    expect(result.status).toBe('replaced');
    // The same graph as if the old version had never been loaded.
    expect(await snapshot(db)).toEqual(expected);
    const gone = await db.read('MATCH (t:Task {id: "task:docA:2"}) RETURN t');
    expect(gone).toHaveLength(0);
    const [shared] = await db.read('MATCH (n:Agency {id: "agency:市大数据委"}) RETURN n.documents AS docs');
    expect([...(shared!.docs as string[])].sort()).toEqual(['docA', 'docB']);
    expect(result.counters.nodesDeleted).toBe(1);
  });

  it('removes a document and every fact only it supported, keeping facts another document supports', async () => {
    await write(docB);
    const expected = await snapshot(db);
    await write(docA);
    const removed = await removeDocument(db, 'docA');
    expect(removed.removed).toBe(true);
    expect(await snapshot(db)).toEqual(expected);
    const orphans = await db.read('MATCH (n) WHERE size(coalesce(n.documents, [])) = 0 OR "docA" IN n.documents RETURN n.id AS id');
    expect(orphans).toEqual([]);
    const rels = await db.read('MATCH ()-[r]->() WHERE "docA" IN r.documents OR "docA" IN r.evidenceDocs RETURN r');
    expect(rels).toEqual([]);
  });

  it('reports a document that is not loaded instead of removing anything', async () => {
    await write(docB);
    const before = await snapshot(db);
    expect((await removeDocument(db, 'nope')).removed).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('documents that disagree on a property', () => {
  /** docB under another id, so two documents state the same agency and membership. */
  function renamed(d: FactsDoc, id: string): FactsDoc {
    return JSON.parse(JSON.stringify(d).replaceAll('docB', id)) as FactsDoc;
  }
  function withProps(d: FactsDoc, level: string, extra: Record<string, string> = {}): FactsDoc {
    const out = structuredClone(d);
    const node = out.facts.nodes.find((n) => n.id === 'agency:市大数据委')!;
    node.props = { ...node.props, level, ...extra };
    const rel = out.facts.relationships.find((r) => r.type === 'MEMBER_OF')!;
    rel.props = { ...rel.props, since: level, ...extra };
    return out;
  }
  const low = withProps(renamed(docB, 'docB1'), 'from docB1');
  const high = withProps(renamed(docB, 'docB2'), 'from docB2', { note: 'only docB2 says this' });

  async function stored() {
    const [row] = await db.read(`MATCH (n:Agency {id: 'agency:市大数据委'})
      MATCH (:Agency {id: 'agency:长乐区政府'})-[r:MEMBER_OF]->()
      RETURN n.level AS nodeLevel, n.note AS nodeNote, r.since AS relSince, r.note AS relNote`);
    return row;
  }

  it('keep the lowest document id\'s value, whatever the order or the transactions', async () => {
    const expected = { nodeLevel: 'from docB1', nodeNote: 'only docB2 says this', relSince: 'from docB1', relNote: 'only docB2 says this' };
    await write(low);
    await write(high);
    expect(await stored()).toEqual(expected);

    await clearGraph(db);
    await write(high);
    await write(low);
    expect(await stored()).toEqual(expected);

    await clearGraph(db);
    await writeDocuments(db, [prepareDocument(high.facts, high.text), prepareDocument(low.facts, low.text)]);
    expect(await stored()).toEqual(expected);
  });
});

describe('a statement that Neo4j refuses mid-transaction', () => {
  it('rolls the whole batch back and reports Neo4j\'s own reason', async () => {
    await write(docA);
    const before = await snapshot(db);
    const bad = prepareDocument(docB.facts, docB.text);
    // Past validation on purpose: a list of mixed types is refused by Neo4j while the node statements run, with the
    // relationship statements already sent behind it.
    const node = bad.nodes.find((n) => n.label === 'Task')!;
    node.props = { ...node.props, mixed: [1, 'x'] as unknown as number[] };
    await expect(writeDocuments(db, [prepareDocument(docA2.facts, docA2.text), bad])).rejects.toThrow(/only supports a subset of Cypher types.*\(Neo\.ClientError\.Statement\.TypeError\)/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('loadPaths with failing documents', () => {
  /** Files named docA.txt/docB.txt in a temporary folder; their facts come from the fixtures. */
  function corpus(): string {
    const dir = tempDir('loader-writer-');
    fs.writeFileSync(path.join(dir, 'docA.txt'), docA2.text);
    fs.writeFileSync(path.join(dir, 'docB.txt'), docB.text);
    return dir;
  }

  it('leaves the database as it was for a document that fails mid-write while the others load', async () => {
    await write(docA);
    await write(docB);
    const expected = await snapshot(db);
    await clearGraph(db);
    await write(docA);

    const summary = await loadPaths(db, [corpus()], {
      extract: fixtureExtract({ 'docA.txt': docA2, 'docB.txt': docB }),
      beforeCommit: async (tx, doc) => {
        if (doc.docId !== 'docA') return;
        // A real write happened in this transaction; the throw must undo it and everything before it.
        await tx.run('CREATE (:Entity {id: "should-not-survive"})');
        throw new Error('injected failure');
      },
    });
    expect(summary.documents).toMatchObject({ failed: 1, loaded: 1 });
    expect(summary.failures[0]).toMatchObject({ file: expect.stringMatching(/docA\.txt$/), reason: 'injected failure' });
    expect(await snapshot(db)).toEqual(expected);
  });

  it('reports facts that reference a missing node with the file and the fact, and loads the rest', async () => {
    const broken: FactsDoc = structuredClone(docA2);
    broken.facts.relationships.push({ type: 'MENTIONS', from: 'task:docA:1', to: 'platform:nowhere', props: {}, evidence: [] });
    const summary = await loadPaths(db, [corpus()], { extract: fixtureExtract({ 'docA.txt': broken, 'docB.txt': docB }) });
    expect(summary.documents).toMatchObject({ failed: 1, loaded: 1 });
    expect(summary.failures[0]?.reason).toMatch(/relationships\[\d+\] \(task:docA:1 -\[MENTIONS\]-> platform:nowhere\): node platform:nowhere is not among/);
    expect(await graphCounts(db)).toMatchObject({ nodes: (await snapshot(db)).nodes.length });
    expect(await db.read('MATCH (d:Document {docId: "docA"}) RETURN d')).toEqual([]);
  });

  it('skips unchanged files on a second run and says so in the summary', async () => {
    const dir = corpus();
    const extract = fixtureExtract({ 'docA.txt': docA2, 'docB.txt': docB });
    const first = await loadPaths(db, [dir], { extract });
    const second = await loadPaths(db, [dir], { extract });
    expect(first.documents).toMatchObject({ loaded: 2, failed: 0 });
    expect(second.documents).toMatchObject({ unchanged: 2, loaded: 0 });
    expect(second.counters).toEqual({ nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 });
  });
});
