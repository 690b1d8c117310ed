/*
 * The writer against the real embedded Neo4j, with hand-written facts: idempotency, replacement of a
 * changed document, rollback of a failing one, --remove and the stored shape of docs/graph-storage.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { applySchema, migrateSupport } from '../../server/graph/schema.ts';
import { clearGraph, graphCounts } from '../../server/graph/writer/graph-state.ts';
import { prepareDocument } from '../../server/graph/writer/prepare-facts.ts';
import { removeDocument } from '../../server/graph/writer/remove-document.ts';
import { writeDocument, writeDocuments } from '../../server/graph/writer/write-documents.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { docA, docA2, docB, type FactsDoc } from '../fixtures/facts/small-corpus.ts';
import { openTestDb, tempDirs } from './helpers.ts';
import { documentView } from '../../server/graph/queries/documents.ts';
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
    expect(agency?.n).toMatchObject({ name: '长乐区政府', aliases: ['长乐区政府'], aliasText: '长乐区政府', pinyin: 'changlequzhengfu', initials: 'clqzf', propsDoc: 'docA' });
    expect(agency?.n).not.toHaveProperty('documents');
    const [rel] = await db.read('MATCH (:Agency {id: "agency:长乐区政府"})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN r { .* } AS r, t.order AS order');
    expect(rel?.r).toMatchObject({ role: 'responsible', key: 'responsible', rank: 1, documents: ['docA'], evidenceDocs: ['docA'], evidenceTexts: ['长乐区政府'] });
    const [doc] = await db.read('MATCH (d:Entity:Document {id: "document:docA"}) RETURN d { .* } AS d');
    expect(doc?.d).toMatchObject({ docId: 'docA', name: 'Plan docA', file: 'docA.txt', kind: 'plan', sha256: docA.facts.documents[0]!.sha256, text: docA.text });
    // Support is a STATES relationship from the Document to every node its facts touch, with the aliases it printed.
    expect(doc?.d).not.toHaveProperty('nodeIds');
    const states = await db.read('MATCH (:Document {docId: "docA"})-[s:STATES]->(n) RETURN n.id AS id, s.aliases AS aliases');
    expect(states.map((r) => r.id)).toEqual(expect.arrayContaining(['agency:长乐区政府', 'agency:各县(市)区政府']));
    expect(states.find((r) => r.id === 'agency:长乐区政府')?.aliases).toEqual(['长乐区政府']);
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
    const supporters = await db.read('MATCH (d:Document)-[:STATES]->({id: "agency:市大数据委"}) RETURN d.docId AS doc ORDER BY doc');
    expect(supporters.map((r) => r.doc)).toEqual(['docA', 'docB']);
    expect(result.counters.nodesDeleted).toBe(1);
  });

  it('removes a document and every fact only it supported, keeping facts another document supports', async () => {
    await write(docB);
    const expected = await snapshot(db);
    await write(docA);
    const removed = await removeDocument(db, 'docA');
    expect(removed.removed).toBe(true);
    expect(await snapshot(db)).toEqual(expected);
    expect(await db.read('MATCH (n:Entity) WHERE NOT n:Document AND NOT EXISTS { (n)<-[:STATES]-(:Document) } RETURN n.id AS id')).toEqual([]);
    expect(await db.read('MATCH (d:Document {docId: "docA"}) RETURN d')).toEqual([]);
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

describe('a replacement and a load of another document in flight at once', () => {
  // docC cites task 2 of docA, which the new version of docA drops: whether the task survives depends on
  // docC, which is written while the replacement has decided but not committed.
  const docC: FactsDoc = (() => {
    const text = '关于办好峰会的通知(责任单位:市工信局)';
    const task2 = docA.facts.nodes.find((n) => n.id === 'task:docA:2')!;
    const start = text.indexOf('市工信局');
    return {
      text,
      facts: {
        documents: [{ id: 'docC', file: 'docC.txt', title: 'Plan docC', kind: 'news', sha256: 'c'.repeat(64) }],
        nodes: [task2, { id: 'agency:市工信局', label: 'Agency', name: '市工信局', aliases: ['市工信局'], props: {} }],
        relationships: [{
          type: 'RESPONSIBLE_FOR', from: 'agency:市工信局', to: 'task:docA:2', props: { role: 'responsible', rank: 1 },
          evidence: [{ document: 'docC', start, end: start + 4, text: '市工信局' }],
        }],
      },
    };
  })();

  it('redo the load when the replacement deleted a node the load had found, instead of losing its facts', async () => {
    await write(docA2);
    await write(docC);
    const expected = await snapshot(db);
    await clearGraph(db);

    await write(docA);
    let attempts = 0;
    let found!: () => void;
    const nodesMerged = new Promise<void>((resolve) => (found = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The load finds task 2 as it exists, then waits while the replacement deletes it and commits.
    const loading = writeDocuments(db, [prepareDocument(docC.facts, docC.text)], {
      afterMergeNodes: async () => {
        attempts += 1;
        if (attempts > 1) return;
        found();
        await held;
      },
    });
    await nodesMerged;
    const replaced = await write(docA2);
    release();
    const loaded = await loading;
    expect(replaced.status).toBe('replaced');
    expect(loaded.documents[0]!.status).toBe('loaded');
    expect(attempts).toBe(2);
    expect(await snapshot(db)).toEqual(expected);
  });

  it('end with the graph of one after the other: the load waits for the replacement\'s node locks, or is redone', async () => {
    await write(docA2);
    await write(docC);
    const expected = await snapshot(db);
    await clearGraph(db);

    await write(docA);
    let paused!: () => void;
    const decided = new Promise<void>((resolve) => (paused = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const replacing = writeDocuments(db, [prepareDocument(docA2.facts, docA2.text)], {
      beforeCommit: async () => {
        paused();
        await held;
      },
    });
    await decided;
    const loading = write(docC);
    await new Promise((r) => setTimeout(r, 500));
    release();
    const [replaced, loaded] = await Promise.all([replacing, loading]);
    expect(replaced.documents[0]!.status).toBe('replaced');
    expect(loaded.status).toBe('loaded');
    expect(await snapshot(db)).toEqual(expected);
    const [task] = await db.read('MATCH (t:Task {id: "task:docA:2"})<-[:RESPONSIBLE_FOR]-(a) RETURN a.id AS agency');
    expect(task?.agency).toBe('agency:市工信局');
  });
});

describe('a database written before support became STATES relationships', () => {
  // The previous writer's shape, written with its own statements: every Document lists the ids of the
  // nodes it states (nodeIds) and the aliases it printed ("<nodeId>\u001f<alias>", aliasPairs), and the
  // (:LoaderGate {name: 'support'}) node every load locked, under its unique constraint.
  async function toPreviousShape(): Promise<void> {
    await db.write(`MATCH (d:Document)
      SET d.nodeIds = COLLECT { MATCH (d)-[:STATES]->(n) RETURN n.id ORDER BY n.id },
          d.aliasPairs = COLLECT { MATCH (d)-[s:STATES]->(n) UNWIND s.aliases AS a RETURN n.id + '\u001f' + a AS p ORDER BY p }`);
    await db.write('MATCH (:Document)-[s:STATES]->() DELETE s');
    await db.write('MATCH ()-[r]->() REMOVE r.evidenceCount');
    await db.autoCommit('CREATE CONSTRAINT loader_gate_name IF NOT EXISTS FOR (g:LoaderGate) REQUIRE g.name IS UNIQUE');
    await db.write("MERGE (g:LoaderGate {name: 'support'}) SET g._lock = true REMOVE g._lock");
  }

  it('is migrated once at start, and replacement works on it as on a fresh load', async () => {
    await write(docA);
    await write(docB);
    const current = await snapshot(db);
    await toPreviousShape();
    expect(await snapshot(db)).not.toEqual(current);
    expect(await db.read('MATCH (:Document)-[s:STATES]->() RETURN s')).toEqual([]);

    await applySchema(db);
    expect(await snapshot(db)).toEqual(current);
    expect(await db.read('MATCH (g:LoaderGate) RETURN g')).toEqual([]);
    expect(await db.read("SHOW CONSTRAINTS YIELD name WHERE name = 'loader_gate_name' RETURN name")).toEqual([]);
    // The cheap check finds nothing to do the second time.
    expect(await migrateSupport(db)).toBe(false);
    expect(await snapshot(db)).toEqual(current);

    await write(docA2);
    const migrated = await snapshot(db);
    await clearGraph(db);
    await write(docB);
    await write(docA2);
    expect(migrated).toEqual(await snapshot(db));
  });

  it('keeps a Document that stated no node, and its aliases per node', async () => {
    await write(docA);
    await toPreviousShape();
    await db.write("MATCH (d:Document {docId: 'docA'}) CREATE (e:Entity:Document {id: 'document:empty', docId: 'empty', name: 'empty', nodeIds: [], aliasPairs: []})");
    await applySchema(db);
    expect(await db.read("MATCH (d:Document {docId: 'empty'}) RETURN d.nodeIds AS nodeIds, COUNT { (d)-[:STATES]->() } AS states")).toEqual([{ nodeIds: null, states: 0 }]);
    const [agency] = await db.read("MATCH (:Document {docId: 'docA'})-[s:STATES]->({id: 'agency:长乐区政府'}) RETURN s.aliases AS aliases");
    expect(agency?.aliases).toEqual(['长乐区政府']);
  });
});

describe('a database written with STATES before they named the document\'s facts', () => {
  // The shape between: support as STATES {aliases}, but no outTypes/outEnds on them and no evidenceCount
  // on the relationships (and no (:LoaderGate) node).
  const toStatesShape = async () => {
    await db.write('MATCH ()-[s:STATES]->() REMOVE s.outTypes, s.outEnds, s.outKeys, s.outSpans');
    await db.write('MATCH ()-[r]->() REMOVE r.evidenceCount');
  };

  it('is migrated once at start to the graph the writer writes, and the check then finds nothing', async () => {
    await write(docA);
    await write(docB);
    const current = await snapshot(db);
    await toStatesShape();
    expect(await snapshot(db)).not.toEqual(current);
    expect(await migrateSupport(db)).toBe(true);
    expect(await snapshot(db)).toEqual(current);
    expect(await db.read('MATCH (g:LoaderGate) RETURN g')).toEqual([]);
    expect(await migrateSupport(db)).toBe(false);
  });

  it('resumes a migration cut short: the gate it creates first stays until the end', async () => {
    await write(docA);
    await write(docB);
    const current = await snapshot(db);
    // What an interrupted run leaves: the gate, and the STATES into some nodes done (a node at a time),
    // those into the nodes docB states not yet.
    await db.write("MERGE (:LoaderGate {name: 'support'})");
    await db.write("MATCH (:Document {docId: 'docB'})-[:STATES]->(n)<-[s:STATES]-() REMOVE s.outTypes, s.outEnds, s.outKeys, s.outSpans");
    expect(await db.read('MATCH ()-[s:STATES]->() WHERE s.outSpans IS NOT NULL RETURN count(*) AS done')).not.toEqual([{ done: 0 }]);
    expect(await migrateSupport(db)).toBe(true);
    expect(await snapshot(db)).toEqual(current);
  });
});

describe('a database written before STATES held the document\'s spans', () => {
  it('is migrated once at start: each STATES gets the keys and spans the writer stores, and GET /api/documents/:id reads the same spans', async () => {
    await write(docA);
    await write(docB);
    const current = await snapshot(db);
    const spansBefore = await documentView(db, 'docA', 5000);
    // The shape of the previous session: outTypes/outEnds but no outKeys/outSpans.
    await db.write('MATCH ()-[s:STATES]->() REMOVE s.outKeys, s.outSpans');
    expect(await snapshot(db)).not.toEqual(current);
    expect(await migrateSupport(db)).toBe(true);
    expect(await snapshot(db)).toEqual(current);
    expect(await documentView(db, 'docA', 5000)).toEqual(spansBefore);
    expect(await migrateSupport(db)).toBe(false);
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
