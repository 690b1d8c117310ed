import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { CHANGLE, DISTRICT, GROUP, loadFixtureGraph, PARK, PLAN_DOC } from '../fixtures/graph/fixture-graph.ts';
import { bookkeepingLeaks, startTestApp } from './helpers.ts';

let app: RunningServer;
const get = async (path: string) => {
  const res = await fetch(`${app.url}/api/${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
};
const enc = encodeURIComponent;

beforeAll(async () => {
  app = await startTestApp();
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/search', () => {
  it('finds 长乐区 by Chinese text, by full pinyin and by pinyin initials', async () => {
    for (const q of ['长乐', 'changle', 'clq', 'ChangLe']) {
      const { status, body } = await get(`search?q=${enc(q)}`);
      expect(status).toBe(200);
      expect(body.results.map((r: { id: string }) => r.id)).toContain(DISTRICT);
    }
    const { body } = await get(`search?q=clq`);
    expect(body.results[0]).toMatchObject({ id: DISTRICT, label: 'District', name: '长乐区', matchedBy: ['pinyin'] });
  });

  it('finds an agency by a printed alias and says which alias matched', async () => {
    const { body } = await get(`search?q=${enc('长乐区人民政府')}`);
    expect(body.results[0]).toMatchObject({ id: CHANGLE, label: 'Agency', matched: '长乐区人民政府' });
  });

  it('filters by label and honours the limit', async () => {
    const { body } = await get(`search?q=${enc('长乐')}&labels=Park&limit=5`);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r: { label: string }) => r.label === 'Park')).toBe(true);
    expect((await get(`search?q=${enc('政府')}&limit=1`)).body.results).toHaveLength(1);
  });

  it('treats Lucene syntax in the query as plain text', async () => {
    const { status } = await get(`search?q=${enc('长乐 AND (" OR *')}`);
    expect(status).toBe(200);
  });

  it.each([
    ['search', 'q'], ['search?q=', 'q'], ['search?q=x&limit=0', 'limit'], ['search?q=x&limit=abc', 'limit'],
    ['search?q=x&labels=Nope', 'labels'], ['search?q=x&bogus=1', 'bogus'],
  ])('answers %s with 400 naming the field %s', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain(`'${field}'`);
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns properties, aliases, degree per type and evidence with the sentence around it', async () => {
    const { status, body } = await get(`nodes/${enc(CHANGLE)}`);
    expect(status).toBe(200);
    expect(body.node).toMatchObject({ id: CHANGLE, label: 'Agency', name: '长乐区政府' });
    expect(body.node.aliases).toContain('长乐区人民政府');
    expect(body.degree).toEqual({ RESPONSIBLE_FOR: 4, MEMBER_OF: 1, GOVERNS: 1 });
    const ev = body.evidence.find((e: { type: string }) => e.type === 'RESPONSIBLE_FOR');
    expect(ev).toMatchObject({ direction: 'out', document: PLAN_DOC, text: '长乐区政府' });
    expect(ev.other.label).toBe('Task');
    expect(ev.sentence).toContain('责任单位');
    expect(ev.sentence).toContain('长乐区政府');
    expect(ev.end - ev.start).toBe(5);
  });

  it('returns the node without bookkeeping, its support as a count, and relationship properties without evidence lists', async () => {
    const { body } = await get(`nodes/${enc(CHANGLE)}`);
    expect(bookkeepingLeaks(body)).toEqual([]);
    expect(body.node.documentCount).toBe(1);
    const ev = body.evidence.find((e: { type: string }) => e.type === 'RESPONSIBLE_FOR');
    expect(ev.properties).toMatchObject({ role: expect.any(String) });
    expect(Object.keys(ev.properties)).not.toEqual(expect.arrayContaining(['evidenceTexts']));
    expect(ev.spans).toBe(1);
    const doc = await get(`nodes/${enc(`document:${PLAN_DOC}`)}`);
    expect(doc.body.node.properties).not.toHaveProperty('text');
  });

  it('caps the evidence listed per relationship and says how many spans each holds', async () => {
    const { body } = await get(`nodes/${enc(GROUP)}?evidencePerRelationship=1`);
    const perRelationship = new Map<string, number>();
    for (const e of body.evidence as { type: string; other: { id: string }; spans: number }[]) {
      const key = `${e.type} ${e.other.id}`;
      perRelationship.set(key, (perRelationship.get(key) ?? 0) + 1);
      expect(e.spans).toBeGreaterThanOrEqual(1);
    }
    expect(Math.max(...perRelationship.values())).toBe(1);
    expect(perRelationship.size).toBe(9);
    const bad = await get(`nodes/${enc(GROUP)}?evidencePerRelationship=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'evidencePerRelationship'");
  });

  it('answers an unknown id with 404 and a bad evidenceLimit with 400', async () => {
    expect((await get(`nodes/${enc('agency:nobody')}`)).status).toBe(404);
    const bad = await get(`nodes/${enc(CHANGLE)}?evidenceLimit=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'evidenceLimit'");
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  it('returns one page of the neighbourhood with totals per type', async () => {
    const { status, body } = await get(`nodes/${enc(GROUP)}/neighbors?limit=3`);
    expect(status).toBe(200);
    expect(body.totals).toEqual({ RESPONSIBLE_FOR: 7, MEMBER_OF: 2 });
    expect(body.total).toBe(9);
    expect(body.shown).toBe(3);
    expect(body.edges).toHaveLength(3);
    expect(body.nodes.map((n: { id: string }) => n.id)).toContain(GROUP);
    for (const e of body.edges) expect(body.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it('returns lean elements: evidence as a count and the first span, no bookkeeping lists', async () => {
    const { body } = await get(`nodes/${enc(GROUP)}/neighbors?limit=100`);
    expect(body.edges).toHaveLength(9);
    expect(bookkeepingLeaks(body)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('evidenceTexts');
    const member = body.edges.find((e: { type: string; source: string }) => e.type === 'MEMBER_OF' && e.source === CHANGLE);
    expect(member.evidence).toEqual({ count: 1, documents: 1, first: { document: PLAN_DOC, start: expect.any(Number), end: expect.any(Number), text: '各县(市)区政府' } });
    const group = body.nodes.find((n: { id: string }) => n.id === GROUP);
    expect(group).toMatchObject({ label: 'Agency', name: '各县(市)区政府', aliases: expect.arrayContaining(['各县(市)区人民政府']), properties: { group: true } });
  });

  it('filters by type, direction and label and pages with offset', async () => {
    const inOnly = await get(`nodes/${enc(GROUP)}/neighbors?direction=in&types=MEMBER_OF`);
    expect(inOnly.body.edges.every((e: { type: string; target: string }) => e.type === 'MEMBER_OF' && e.target === GROUP)).toBe(true);
    expect(inOnly.body.shown).toBe(2);
    const tasks = await get(`nodes/${enc(GROUP)}/neighbors?labels=Task&limit=100`);
    expect(tasks.body.shown).toBe(7);
    const page2 = await get(`nodes/${enc(GROUP)}/neighbors?limit=5&offset=5`);
    expect(page2.body.shown).toBe(4);
  });

  it.each([['direction=up', 'direction'], ['types=LIKES', 'types'], ['limit=5000', 'limit'], ['offset=-2', 'offset']])(
    'answers ?%s with 400 naming %s', async (qs, field) => {
      const { status, body } = await get(`nodes/${enc(GROUP)}/neighbors?${qs}`);
      expect(status).toBe(400);
      expect(body.error.message).toContain(`'${field}'`);
    },
  );
});

describe('GET /api/paths', () => {
  it('finds the shortest path from 长乐区政府 to the park through its district', async () => {
    const { status, body } = await get(`paths?from=${enc(CHANGLE)}&to=${enc(PARK)}`);
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths[0].length).toBe(2);
    expect(body.paths[0].nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([CHANGLE, DISTRICT, PARK]));
  });

  it('returns paths of lean elements', async () => {
    const { body } = await get(`paths?from=${enc(CHANGLE)}&to=${enc(PARK)}`);
    expect(bookkeepingLeaks(body)).toEqual([]);
    expect(body.paths[0].edges.every((e: { evidence: { count: number } }) => e.evidence.count >= 1)).toBe(true);
    const through = await get(`paths?from=${enc(CHANGLE)}&to=${enc(`document:${PLAN_DOC}`)}&throughDocuments=true`);
    expect(through.body.paths.length).toBeGreaterThan(0);
    expect(bookkeepingLeaks(through.body)).toEqual([]);
  });

  it('returns no paths when maxHops is too short, 404 for an unknown end and 400 for a bad maxHops', async () => {
    expect((await get(`paths?from=${enc(CHANGLE)}&to=${enc(PARK)}&maxHops=1`)).body.paths).toEqual([]);
    expect((await get(`paths?from=${enc(CHANGLE)}&to=nowhere`)).status).toBe(404);
    const bad = await get(`paths?from=${enc(CHANGLE)}&to=${enc(PARK)}&maxHops=11`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'maxHops'");
    expect((await get(`paths?to=${enc(PARK)}`)).body.error.message).toContain("'from'");
  });
});

describe('GET /api/documents', () => {
  it('lists the documents and returns one with its text and the spans of its facts', async () => {
    const list = await get('documents');
    expect(list.body.documents.map((d: { docId: string }) => d.docId).sort()).toEqual(['fx_news_2021', 'fx_plan_2019']);
    const { status, body } = await get(`documents/${PLAN_DOC}`);
    expect(status).toBe(200);
    expect(body.document.title).toBe('2019年数字福州工作要点');
    expect(body.spans.length).toBeGreaterThan(30);
    for (const s of body.spans) expect(body.document.text.slice(s.start, s.end)).toBe(s.text);
    expect(body.spans.some((s: { type: string; from: string }) => s.type === 'RESPONSIBLE_FOR' && s.from === CHANGLE)).toBe(true);
    expect((await get(`documents/document:${PLAN_DOC}`)).status).toBe(200);
  });

  it('answers an unknown document with 404 and an unknown query field with 400', async () => {
    expect((await get('documents/nope')).status).toBe(404);
    const bad = await get('documents?sort=x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'sort'");
  });
});

describe('GET /api/schema and /api/stats', () => {
  it('lists labels, relationship types and property keys with counts', async () => {
    const { body } = await get('schema');
    expect(body.labels).toContainEqual({ label: 'Agency', count: 12 });
    expect(body.relationshipTypes).toContainEqual({ type: 'RESPONSIBLE_FOR', count: 26 });
    expect(body.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'aliases', 'evidenceDocs']));
    expect(body.patterns).toContainEqual({ from: 'Agency', type: 'MEMBER_OF', to: 'Agency', count: 2 });
    expect((await get('schema?x=1')).status).toBe(400);
  });

  it('ranks agencies by tasks led and supported', async () => {
    const { body } = await get('stats?limit=50');
    expect(body).toMatchObject({ nodes: 37, relationships: 53, documents: 2, tasks: 13 });
    const changle = body.agencies.find((a: { id: string }) => a.id === CHANGLE);
    expect(changle).toMatchObject({ tasks: 4, led: 1, supported: 3, viaGroup: 7 });
    expect(body.agencies[0].tasks).toBeGreaterThanOrEqual(changle.tasks);
    const bad = await get('stats?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'limit'");
  });
});

describe('GET /api/export', () => {
  it('exports the whole graph as JSON', async () => {
    const { body } = await get('export');
    expect(body.nodes).toHaveLength(37);
    expect(body.edges).toHaveLength(53);
  });

  it('exports a selection as GraphML that names its keys and links edges', async () => {
    const { status, type, body } = await get(`export?format=graphml&ids=${enc([CHANGLE, GROUP].join(','))}`);
    expect(status).toBe(200);
    expect(type).toContain('graphml');
    expect(body).toContain('<graphml');
    expect((body.match(/<node /g) ?? []).length).toBe(2);
    expect((body.match(/<edge /g) ?? []).length).toBe(1);
  });

  it('exports CSV as a nodes and an edges section, or one part', async () => {
    const both = await get('export?format=csv');
    expect(both.type).toContain('text/csv');
    const [nodes, edges] = both.body.trim().split('\r\n\r\n');
    expect(nodes.split('\r\n')).toHaveLength(38);
    expect(edges.split('\r\n')[0]).toMatch(/^source,target,type/);
    expect((await get('export?format=csv&part=nodes')).body.startsWith('id,label,name')).toBe(true);
  });

  it.each([['format=xlsx', 'format'], ['part=all&format=csv', 'part'], ['ids=', 'ids']])('answers ?%s with 400 naming %s', async (qs, field) => {
    const { status, body } = await get(`export?${qs}`);
    expect(status).toBe(400);
    expect(body.error.message).toContain(`'${field}'`);
  });
});

describe('the API description', () => {
  it('serves an OpenAPI document generated from the route schemas, and a page to read it', async () => {
    const { body } = await get('openapi.json');
    expect(body.openapi).toBe('3.1.0');
    for (const p of ['/api/search', '/api/nodes/{id}', '/api/nodes/{id}/neighbors', '/api/paths', '/api/documents', '/api/documents/{id}', '/api/schema', '/api/stats', '/api/queries', '/api/queries/{name}', '/api/cypher', '/api/export']) {
      expect(body.paths).toHaveProperty([p]);
    }
    const search = body.paths['/api/search'].get.parameters;
    expect(search.find((p: { name: string }) => p.name === 'q')).toMatchObject({ in: 'query', required: true });
    expect(body.paths['/api/cypher'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('query');
    const page = await get('docs');
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('<script src="docs.js"></script>');
    expect(page.body).not.toMatch(/https?:\/\/(?!graphml)/);
    expect((await get('docs.js')).status).toBe(200);
  });
});
