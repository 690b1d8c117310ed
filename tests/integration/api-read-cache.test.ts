/*
 * Read answers kept per graph state (server/graph/queries/json-answers.ts, graph-state-cache.ts) against the
 * real app and Neo4j: an answer is sent again as the same bytes (304 to a client holding them) while the graph
 * holds, and is read anew after a load by the CLI loader, an upload, a removal, or a write outside the product
 * that adds or deletes something. What the cache cannot see (a property changed in place by hand) is answered
 * fresh to a client asking for no cached answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../server/load/load-paths.ts';
import type { RunningServer } from '../../server/server.ts';
import { rawGet, seededTestApp, tempDirs } from './helpers.ts';

const PLAN = `2026年数字榕城测试工作要点

一、数字底座
1. 建设城市数据中台。推进政务数据汇聚共享。（责任单位：市大数据委、长乐区政府）
2. 推进千兆光网覆盖。（牵头单位：市工信局；配合单位：各县(市)区政府）
`;
const NEWS_LATER = `2027年数字榕城测试工作要点

一、数字乡村
1. 建设乡村数据驿站。推动数据服务下沉到村。（牵头单位：连江县政府；配合单位：市大数据委）
`;

let app: RunningServer;
const dirs = tempDirs();
const WRITE = { 'X-Requested-With': 'test' };

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${app.url}/api/${p}`, { headers });
const json = async (p: string, headers: Record<string, string> = {}) => {
  const res = await get(p, headers);
  expect(res.status).toBe(200);
  return res.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const runQuery = (name: string, params: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/api/queries/${name}`, { method: 'POST', headers: { ...WRITE, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ params }) });
const searchNames = async (q: string) => (await json(`search?q=${encodeURIComponent(q)}`)).results.map((r: { name: string }) => r.name) as string[];

/** Loads one file as the CLI loader does: straight into the database, not through the app. */
async function cliLoad(name: string, text: string): Promise<void> {
  const dir = dirs.make('read-cache-');
  fs.writeFileSync(path.join(dir, name), text);
  await loadPaths(app.db, [dir]);
}

beforeAll(async () => {
  app = await seededTestApp({ dirs: [] });
  await cliLoad('2026年数字榕城测试工作要点.txt', PLAN);
});
afterAll(async () => {
  await app?.stop();
  dirs.cleanup();
});

describe('a read answer while the graph holds', () => {
  it('is the same bytes with the same ETag each time, told to be revalidated, and 304 to a client that holds it', async () => {
    const [doc] = (await json('documents')).documents;
    const first = await get(`documents/${encodeURIComponent(doc.id)}`, { 'accept-encoding': 'gzip' });
    const second = await get(`documents/${encodeURIComponent(doc.id)}`, { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe(await first.text());
    const held = await rawGet(`${app.url}/api/documents/${encodeURIComponent(doc.id)}`, { 'accept-encoding': 'gzip', 'if-none-match': etag! });
    expect(held.status).toBe(304);
  });

  it('is the same for a query string spelled differently that parses to the same input', async () => {
    const id = encodeURIComponent((await json('search?q=长乐区政府')).results[0].id);
    const a = await get(`nodes/${id}/neighbors`);
    const b = await get(`nodes/${id}/neighbors?offset=0&limit=50&direction=both`);
    expect(a.status).toBe(200);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
  });

  it('is the same for a curated query whose parameters come in another order or with their defaults written out', async () => {
    const a = await runQuery('tasks-of-agency', { agency: 'agency:长乐区政府' });
    const b = await runQuery('tasks-of-agency', { offset: 0, limit: 50, agency: 'agency:长乐区政府' });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
  });

  it('runs a curated query whose defaults are empty (workload: every plan, every year) when no parameter is given', async () => {
    const res = await runQuery('workload', {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });
});

describe('a read answer after the graph changed', () => {
  it('is read anew after the CLI loader loads a document, and after the API removes it', async () => {
    expect(await searchNames('连江县政府')).not.toContain('连江县政府');
    const before = (await json('documents')).total;
    await cliLoad('2027年数字榕城测试工作要点.txt', NEWS_LATER);
    expect(await searchNames('连江县政府')).toContain('连江县政府');
    const library = await json('documents');
    expect(library.total).toBe(before + 1);
    const later = library.documents.find((d: { title: string }) => d.title.startsWith('2027'));
    const doc = await json(`documents/${encodeURIComponent(later.id)}`);
    expect(doc.spans.some((s: { text: string }) => s.text === '连江县政府')).toBe(true);

    const removed = await fetch(`${app.url}/api/documents/${encodeURIComponent(later.id)}`, { method: 'DELETE', headers: WRITE });
    expect(removed.status).toBe(200);
    expect((await get(`documents/${encodeURIComponent(later.id)}`)).status).toBe(404);
    expect(await searchNames('连江县政府')).not.toContain('连江县政府');
    expect((await json('documents')).total).toBe(before);
  });

  it('is read anew after a write outside the product adds a node', async () => {
    expect(await searchNames('手工添加的测试平台')).not.toContain('手工添加的测试平台');
    await app.db.write("CREATE (:Entity:Platform {id: 'platform:手工添加的测试平台', name: '手工添加的测试平台', aliasText: '手工添加的测试平台'})");
    expect(await searchNames('手工添加的测试平台')).toContain('手工添加的测试平台');
    await app.db.write("MATCH (n:Entity {id: 'platform:手工添加的测试平台'}) DETACH DELETE n");
    expect(await searchNames('手工添加的测试平台')).not.toContain('手工添加的测试平台');
  });

  it('is read anew for a client asking for no cached answer, which sees a property changed in place', async () => {
    const id = encodeURIComponent('agency:长乐区政府');
    const cached = await json(`nodes/${id}`);
    await app.db.write("MATCH (n:Entity {id: 'agency:长乐区政府'}) SET n.note = 'changed by hand'");
    try {
      expect((await json(`nodes/${id}`)).node.properties.note).toBe(cached.node.properties.note);
      expect((await json(`nodes/${id}`, { 'Cache-Control': 'no-cache' })).node.properties.note).toBe('changed by hand');
      // The fresh answer is kept for the requests after it.
      expect((await json(`nodes/${id}`)).node.properties.note).toBe('changed by hand');
    } finally {
      await app.db.write("MATCH (n:Entity {id: 'agency:长乐区政府'}) REMOVE n.note");
    }
  });

  it('counts a curated query\'s totals once per graph state: a later page reuses them, a client asking for no kept answer counts again', async () => {
    const totals = async (offset: number, headers: Record<string, string> = {}) => {
      const res = await runQuery('tasks-of-agency', { agency: 'agency:长乐区政府', limit: 1, offset }, headers);
      expect(res.status).toBe(200);
      return ((await res.json()) as { totals: { direct: number; viaGroup: number; all: number } }).totals;
    };
    const first = await totals(0);
    expect(first.direct).toBeGreaterThan(0);
    // By hand, 长乐区政府's direct task goes to another agency: the graph's counts stay as they were, so only
    // a recount sees the totals change.
    const [taken] = await app.db.write<{ task: string; props: Record<string, unknown> }>(`
      MATCH (a:Entity {id: 'agency:长乐区政府'})-[r:RESPONSIBLE_FOR]->(t:Task), (other:Agency)
      WHERE other <> a AND NOT (other)-[:MEMBER_OF]-(a)
      WITH r, t, other, properties(r) AS props LIMIT 1
      DELETE r CREATE (other)-[:RESPONSIBLE_FOR {role: 'swapped-by-test'}]->(t)
      RETURN t.id AS task, props`);
    expect(taken).toBeDefined();
    try {
      expect(await totals(1)).toEqual(first);
      expect(await totals(1, { 'Cache-Control': 'no-cache' })).toEqual({ ...first, direct: first.direct - 1, all: first.all - 1 });
    } finally {
      await app.db.write(`
        MATCH ()-[s:RESPONSIBLE_FOR {role: 'swapped-by-test'}]->(t:Task {id: $task}), (a:Entity {id: 'agency:长乐区政府'})
        DELETE s CREATE (a)-[r:RESPONSIBLE_FOR]->(t) SET r = $props`, { task: taken!.task, props: taken!.props });
    }
  });
});
