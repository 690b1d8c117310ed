/*
 * GET /api/documents/:id/readings on the seed documents, against the real embedded Neo4j: every reading
 * points at the words it claims (the slice of the text is its text) and is attached to the entity those
 * words print — a unit's name, a task's heading, a figure — so the reading view can colour the text by
 * type and a click can select the right node.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph } from '../../server/graph/writer/graph-state.ts';
import type { DocumentReadings, Reading } from '../../server/graph/queries/document-readings.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { startTestApp } from './helpers.ts';

const SEEDS = path.join(ROOT_DIR, 'seeds', 'documents');
/** Entities a document names with their own words (their name or a printed alias). */
const NAMED = new Set(['Agency', 'District', 'Park', 'Platform', 'Company', 'Institution', 'Event']);
/** A figure is written with digits (any width) or Chinese numerals. */
const FIGURE = /[0-9０-９]|[一二两三四五六七八九十百千万萬亿億]/;

let app: RunningServer;
const get = async (p: string) => {
  const res = await fetch(`${app.url}/api/${p}`);
  return { status: res.status, body: await res.json() as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const nodes = new Map<string, { name: string; aliases: string[]; properties: Record<string, unknown> }>();
async function node(id: string) {
  const hit = nodes.get(id);
  if (hit) return hit;
  const { body } = await get(`nodes/${encodeURIComponent(id)}?evidenceLimit=0`);
  const n = { name: body.node.name as string, aliases: (body.node.aliases ?? []) as string[], properties: body.node.properties as Record<string, unknown> };
  nodes.set(id, n);
  return n;
}
async function readingsOf(docId: string): Promise<DocumentReadings> {
  const { status, body } = await get(`documents/${encodeURIComponent(docId)}/readings`);
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return body as DocumentReadings;
}

beforeAll(async () => {
  // What is tested is what the answers say, not how fast a shared, busy test machine gives them.
  app = await startTestApp({ CYPHER_TIMEOUT_MS: '60000' });
  await clearGraph(app.db);
  await loadPaths(app.db, [SEEDS]);
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/documents/:id/readings', () => {
  it('points every reading of every seed document at its own words, attached to the entity those words print', async () => {
    const library = (await get('documents')).body as { documents: { docId: string }[] };
    expect(library.documents.length).toBe(5);
    let checked = 0;
    for (const { docId } of library.documents) {
      const { document, readings } = await readingsOf(docId);
      // Several entities on one span are one collective mention (三大运营商: three operators).
      const perSpan = new Map<string, number>();
      for (const r of readings) perSpan.set(`${r.start}:${r.end}`, (perSpan.get(`${r.start}:${r.end}`) ?? 0) + 1);
      for (const r of readings) {
        const where = `${docId} ${r.start}-${r.end} ${r.entity.id}`;
        expect(document.text.slice(r.start, r.end), where).toBe(r.text);
        const n = await node(r.entity.id);
        expect(n.name, where).toBe(r.entity.name);
        if (NAMED.has(r.entity.label)) {
          const ownWords = r.text === n.name || n.aliases.includes(r.text);
          expect(ownWords || (perSpan.get(`${r.start}:${r.end}`) ?? 0) > 1, `${where}: "${r.text}" is not a name of ${n.name}`).toBe(true);
        } else if (r.entity.label === 'Task') {
          expect(r.text, where).toContain(String(n.properties.title));
        } else if (r.entity.label === 'Plan') {
          expect([n.name, ...n.aliases].some((a) => r.text.includes(a)), `${where}: "${r.text}" does not cite ${n.name}`).toBe(true);
        } else {
          expect(['Target', 'Observation'], where).toContain(r.entity.label);
          expect(r.text, where).toMatch(FIGURE);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('reads the 2019 plan with agencies, tasks, parks and platforms, companies and targets, and names its plan and counts', async () => {
    const library = (await get('documents?q=2019')).body as { documents: { docId: string; plan: string; counts: unknown }[] };
    const summary = library.documents[0]!;
    const { document, readings } = await readingsOf(summary.docId);
    expect(document.title).toBe('2019年数字福州工作要点');
    expect(document.plan).toBe(summary.plan);
    expect(document.counts).toEqual(summary.counts);
    const labels = new Set(readings.map((r) => r.entity.label));
    for (const label of ['Agency', 'Task', 'Park', 'Platform', 'Company', 'Target']) expect(labels, label).toContain(label);
    // The units of 4、增强公共技术服务平台支撑能力 are read where the list prints them.
    const task4 = readings.find((r) => r.entity.label === 'Task' && r.text.startsWith('4、'))!;
    const list = document.text.indexOf('(责任单位:', task4.end);
    const units = readings.filter((r) => r.entity.label === 'Agency' && r.start > list && r.start < document.text.indexOf(')', list)).map((r) => r.text);
    expect(units).toEqual(['市科技局', '市工信局', '鼓楼区政府', '马尾区政府', '长乐区政府']);
  });

  it('gives one reading per span and entity, with every relationship that stated it', async () => {
    const { readings } = await readingsOf('document:002_bccb920477d76c9e');
    const keys = readings.map((r: Reading) => `${r.start}:${r.end}:${r.entity.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // A target a task sets is also a figure of its indicator: one span, one reading, both relationships.
    const target = readings.find((r) => r.entity.label === 'Target')!;
    expect(target.relationships).toEqual(['OF', 'SETS_TARGET']);
    // In text order.
    expect(readings.map((r) => r.start)).toEqual([...readings.map((r) => r.start)].sort((a, b) => a - b));
  });

  it('answers 404 naming an unknown document and 400 naming an unknown query field', async () => {
    const missing = await get('documents/no-such-document/readings');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('no-such-document');
    const typo = await get('documents/002_bccb920477d76c9e/readings?limt=5');
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body.error)).toContain('limt');
  });
});

describe('GET /api/documents/:id', () => {
  it('gives every seed document exactly the spans its facts\' evidence lists hold for it, relationship by relationship', async () => {
    // The spans are read from the document's STATES (outSpans), not from the relationships' evidence lists:
    // here they are checked against those lists, read the slow way, over every relationship of the graph.
    const { body: list } = await get('documents?limit=100');
    expect(list.documents.length).toBeGreaterThan(3);
    for (const { docId } of list.documents as { docId: string }[]) {
      const expected = await app.db.read<{ span: string }>(
        `MATCH (a)-[r:!STATES]->(b)
         UNWIND [k IN range(0, size(r.evidenceDocs) - 1) WHERE r.evidenceDocs[k] = $docId] AS k
         RETURN elementId(r) + ' ' + type(r) + ' ' + a.id + ' ' + b.id + ' ' + r.evidenceStarts[k] + '-' + r.evidenceEnds[k] AS span`, { docId });
      const { status, body } = await get(`documents/${encodeURIComponent(docId)}`);
      expect(status).toBe(200);
      const got = (body.spans as { relationship: string; type: string; from: string; to: string; start: number; end: number }[])
        .map((s) => `${s.relationship} ${s.type} ${s.from} ${s.to} ${s.start}-${s.end}`);
      expect(got.sort(), docId).toEqual(expected.map((e) => e.span).sort());
    }
  });
});
