/*
 * The document library's API against the real embedded Neo4j: upload with a preview that writes nothing,
 * load, the unchanged no-op, replacement, removal with shared facts kept, and every refusal — a binary
 * file, a missing X-Requested-With, a client that may not write, sizes over the limits — leaving the
 * graph as it was. The plans are written here, not taken from the seeds.
 */
import os from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { clearGraph, graphCounts } from '../../server/graph/writer/graph-state.ts';
import { gazetteerFrom } from '../../server/load/extract-file.ts';
import { uploadDocuments } from '../../server/load/upload-documents.ts';
import type { RunningServer } from '../../server/server.ts';
import { seededTestApp, startTestApp } from './helpers.ts';

const PLAN_A = `2026年数字福州城市大脑工作要点

一、夯实数字底座
1. 建设城市数据中台。推进政务数据汇聚共享，到2026年，政务数据共享率达到95%以上。（责任单位：市大数据委、长乐区政府）
2. 推进千兆光网覆盖。新建5G基站3000个。（牵头单位：市工信局；配合单位：各县(市)区政府、市青禾数字服务中心）
二、深化数字应用
3. 建设智慧停车平台。在中国东南大数据产业园试点智慧停车。（责任单位：市交通局）
`;

// Shares 市大数据委 and 长乐区政府 with PLAN_A: removing it must leave them and PLAN_A's tasks.
const PLAN_B_TASKS = `2027年榕城数字乡村工作要点

一、乡村数字基础
1. 建设乡村数据驿站。推动数据服务下沉到村。（牵头单位：长乐区政府；配合单位：市大数据委）
2. 推广农产品直播电商。（责任单位：市商务局）
`;
const SIGNATURE = `
福州市人民政府办公厅
2027年1月5日
`;
const PLAN_B = PLAN_B_TASKS + SIGNATURE;
// The same document with a third task: same file name, so it replaces PLAN_B.
const PLAN_B2 = `${PLAN_B_TASKS}3. 建设乡村智慧气象站。（责任单位：市气象局）
${SIGNATURE}`;

// The first bytes of a PNG: a signature and an IHDR chunk, with the NUL bytes no text file has.
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

type Part = [name: string, content: string | Uint8Array<ArrayBuffer>];
interface Answer { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any

let app: RunningServer;
let db: GraphDb;

async function send(base: string, method: string, path: string, init: { form?: Part[]; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  let body: FormData | string | undefined = init.body;
  if (init.form) {
    const form = new FormData();
    for (const [name, content] of init.form) form.append('file', new Blob([content]), name);
    body = form;
  }
  const res = await fetch(`${base}/api/${path}`, { method, body, headers: init.headers });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
}

const WRITE = { 'X-Requested-With': 'test' };
const upload = (files: Part[], dryRun = false, base = app.url, headers: Record<string, string> = WRITE) =>
  send(base, 'POST', `documents${dryRun ? '?dryRun=true' : ''}`, { form: files, headers });
const list = async (query = '') => (await send(app.url, 'GET', `documents${query}`)).body;
const counts = () => graphCounts(db);

beforeAll(async () => {
  app = await seededTestApp({ dirs: [] });
  db = app.db;
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /api/documents?dryRun=true', () => {
  it('previews a plan — title, kind, tasks with their units and roles, entities, targets, warnings — and writes nothing', async () => {
    const before = await counts();
    const { status, body } = await upload([['城市大脑.txt', PLAN_A]], true);
    expect(status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(body.dryRun).toBe(true);
    const [doc] = body.documents;
    expect(doc).toMatchObject({ file: '城市大脑.txt', docId: '城市大脑', status: 'new', replaces: null, size: Buffer.byteLength(PLAN_A) });
    expect(doc.written).toBeUndefined();
    expect(doc.document).toMatchObject({ title: '2026年数字福州城市大脑工作要点', kind: 'plan', jurisdiction: '福州市' });
    expect(doc.tasks.map((t: { title: string }) => t.title)).toEqual(['建设城市数据中台', '推进千兆光网覆盖', '建设智慧停车平台']);
    expect(doc.tasks[1].units).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: '福州市工业和信息化局', role: 'lead', resolved: true }),
      expect.objectContaining({ name: '各县(市)区政府', role: 'support', resolved: true }),
      expect.objectContaining({ name: '福州市青禾数字服务中心', role: 'support', resolved: false }),
    ]));
    expect(doc.tasks[1].units).toHaveLength(3);
    expect(doc.entities).toContainEqual({ id: 'park:中国东南大数据产业园', label: 'Park', name: '中国东南大数据产业园' });
    expect(doc.targets.map((t: { value: number }) => t.value).sort()).toEqual([3000, 95]);
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'unresolved-unit', unit: '福州市青禾数字服务中心' })]);
    expect(doc.counts).toMatchObject({ tasks: 3, responsibilities: 6, targets: 2, warnings: 1 });
  });
});

describe('POST /api/documents, GET /api/documents and DELETE /api/documents/:id', () => {
  let afterA: { nodes: number; relationships: number };

  it('loads a plan in one transaction and lists it with its size, load time and counts', async () => {
    const { status, body } = await upload([['城市大脑.txt', PLAN_A]]);
    expect(status).toBe(200);
    expect(body.dryRun).toBe(false);
    expect(body.documents[0]).toMatchObject({ docId: '城市大脑', status: 'new', written: 'loaded' });
    expect(body.counters.nodesCreated).toBeGreaterThan(0);
    afterA = await counts();

    const page = await list('?q=' + encodeURIComponent('城市大脑'));
    expect(page.total).toBe(1);
    expect(page.documents[0]).toMatchObject({
      id: 'document:城市大脑', docId: '城市大脑', file: '城市大脑.txt', title: '2026年数字福州城市大脑工作要点', kind: 'plan',
      jurisdiction: '福州市', size: Buffer.byteLength(PLAN_A), plan: 'plan:2026年数字福州城市大脑工作要点',
      counts: { tasks: 3, responsibilities: 6, targets: 2, warnings: 1, observations: 0 },
    });
    expect(Date.parse(page.documents[0].loadedAt)).toBeGreaterThan(Date.now() - 60_000);
    const view = (await send(app.url, 'GET', 'documents/城市大脑')).body;
    expect(view.document.warnings).toEqual([expect.stringContaining('福州市青禾数字服务中心')]);
  });

  it('filters by year, issuer and kind, searches titles, sorts and pages, and offers the facets', async () => {
    expect((await upload([['乡村.md', PLAN_B]])).body.documents[0].written).toBe('loaded');
    const all = await list();
    expect(all.total).toBe(2);
    // 乡村 prints its date (2027); 城市大脑 prints none, so its year is its plan title's (2026年…工作要点).
    expect(all.facets.years).toEqual([{ year: '2027', count: 1 }, { year: '2026', count: 1 }]);
    expect((await list('?year=2026')).documents.map((d: { docId: string; issued: string | null }) => [d.docId, d.issued])).toEqual([['城市大脑', null]]);
    expect(all.facets.issuers).toEqual([{ issuer: '福州市人民政府办公厅', count: 1 }]);
    expect(all.facets.kinds).toEqual([{ kind: 'plan', count: 2 }]);
    expect((await list('?year=2027')).documents.map((d: { docId: string }) => d.docId)).toEqual(['乡村']);
    expect((await list('?issuer=' + encodeURIComponent('福州市人民政府办公厅'))).documents.map((d: { docId: string }) => d.docId)).toEqual(['乡村']);
    expect((await list('?kind=news')).total).toBe(0);
    expect((await list('?q=')).total).toBe(2);
    expect((await list('?q=' + encodeURIComponent('乡村'))).documents.map((d: { year: string }) => d.year)).toEqual(['2027']);
    expect((await list('?sort=tasks')).documents.map((d: { docId: string }) => d.docId)).toEqual(['城市大脑', '乡村']);
    expect((await list('?sort=tasks&order=asc')).documents.map((d: { docId: string }) => d.docId)).toEqual(['乡村', '城市大脑']);
    // Documents without a date come last whichever way the dates are sorted.
    expect((await list('?sort=issued&order=asc')).documents.map((d: { docId: string }) => d.docId)).toEqual(['城市大脑', '乡村']);
    const second = await list('?sort=title&limit=1&offset=1');
    expect(second).toMatchObject({ total: 2, offset: 1, limit: 1, order: 'asc' });
    expect(second.documents).toHaveLength(1);
  });

  it('answers the same file again as unchanged and writes nothing', async () => {
    const before = await counts();
    const loadedAt = (await list('?q=' + encodeURIComponent('乡村'))).documents[0].loadedAt;
    expect((await upload([['乡村.md', PLAN_B]], true)).body.documents[0]).toMatchObject({ status: 'unchanged', replaces: null });
    const { body } = await upload([['乡村.md', PLAN_B]]);
    expect(body.documents[0]).toMatchObject({ status: 'unchanged', written: 'unchanged' });
    expect(body.counters).toMatchObject({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    expect(await counts()).toEqual(before);
    expect((await list('?q=' + encodeURIComponent('乡村'))).documents[0].loadedAt).toBe(loadedAt);
  });

  it('previews a changed file of the same name as a replacement and then replaces its facts', async () => {
    const preview = (await upload([['乡村.md', PLAN_B2]], true)).body.documents[0];
    expect(preview).toMatchObject({ status: 'replacement', replaces: { file: '乡村.md' } });
    expect(preview.tasks).toHaveLength(3);
    const { body } = await upload([['乡村.md', PLAN_B2]]);
    expect(body.documents[0].written).toBe('replaced');
    expect((await list('?q=' + encodeURIComponent('乡村'))).documents[0].counts.tasks).toBe(3);
  });

  it('removes a document: the counts go back to before it, and facts another document supports stay', async () => {
    const { status, body } = await send(app.url, 'DELETE', 'documents/乡村', { headers: WRITE });
    expect(status).toBe(200);
    expect(body).toMatchObject({ docId: '乡村', removed: true });
    expect(body.counters.nodesDeleted).toBeGreaterThan(0);
    expect(await counts()).toEqual(afterA);
    const shared = await db.read<{ tasks: string[] }>(
      "MATCH (a:Agency {id: 'agency:长乐区政府'})-[:RESPONSIBLE_FOR]->(t:Task) RETURN collect(t.id) AS tasks",
    );
    expect(shared[0]?.tasks).toEqual(['task:城市大脑:1']);
    expect((await list()).documents.map((d: { docId: string }) => d.docId)).toEqual(['城市大脑']);
    const again = await send(app.url, 'DELETE', 'documents/document:乡村', { headers: WRITE });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toContain('乡村');
  });
});

describe('refused uploads leave the graph as it was', () => {
  it.each<[string, Part[], number, string]>([
    ['a PNG renamed .txt', [['picture.txt', PNG]], 415, 'picture.txt'],
    ['an empty file', [['empty.txt', '']], 422, 'empty.txt'],
    ['a file of white space', [['blank.txt', ' \n\n  ']], 422, 'blank.txt'],
    ['bytes that are neither UTF-8 nor GBK', [['broken.txt', Uint8Array.from([0xe4, 0xb8, 0xad, 0xff, 0xfe, 0x80, 0x81])]], 415, 'broken.txt'],
    ['a file type that is not a document', [['picture.png', PNG]], 415, 'picture.png'],
    ['a good file beside a binary one', [['好文件.txt', PLAN_B], ['picture.txt', PNG]], 415, 'picture.txt'],
    ['two files that would be the same document', [['同名.txt', PLAN_B], ['同名.md', PLAN_B2]], 400, '同名'],
  ])('refuses %s with a 4xx naming the file', async (_what, files, status, named) => {
    const before = await counts();
    const res = await upload(files);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(named);
    expect(await counts()).toEqual(before);
    expect((await list()).total).toBe(1);
  });

  it('writes all files of an upload in one transaction: a failure while writing the second leaves none of them', async () => {
    const before = await counts();
    const files = [{ name: '甲.txt', bytes: Buffer.from(PLAN_B) }, { name: '乙.txt', bytes: Buffer.from(PLAN_A) }];
    const err = await uploadDocuments(db, files, {
      dryRun: false, gazetteer: gazetteerFrom(),
      write: { beforeCommit: async (tx, doc) => {
        // A real write in the same transaction: the failure of the next document must undo it too.
        await tx.run('CREATE (:Entity {id: $id})', { id: `should-not-survive:${doc.docId}` });
        if (doc.docId === '乙') throw new Error('injected failure');
      } },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, message: expect.stringMatching(/^Nothing was loaded: writing 甲\.txt, 乙\.txt failed: injected failure/) });
    expect(await counts()).toEqual(before);
    expect((await list()).total).toBe(1);
  });

  it('refuses a body that is not multipart, a malformed one and parts under another name', async () => {
    const json = await send(app.url, 'POST', 'documents', { headers: { ...WRITE, 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toContain('multipart/form-data');
    const cut = await send(app.url, 'POST', 'documents', {
      headers: { ...WRITE, 'Content-Type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n半个文件',
    });
    expect(cut.status).toBe(400);
    const none = await send(app.url, 'POST', 'documents', { headers: { ...WRITE, 'Content-Type': 'multipart/form-data; boundary=xyz' }, body: '--xyz--\r\n' });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain("'file'");
    const form = new FormData();
    form.append('document', new Blob([PLAN_B]), 'x.txt');
    const wrongName = await fetch(`${app.url}/api/documents`, { method: 'POST', body: form, headers: WRITE });
    expect(wrongName.status).toBe(400);
    expect((await wrongName.json()).error.message).toContain("'document'");
  });

  it('answers any multipart body — cut, malformed, odd names, odd bytes — with a preview or a 4xx, never a 500', async () => {
    const before = await counts();
    const crlf = '\r\n';
    const part = fc.record({
      field: fc.constantFrom('file', 'files', '', 'file"; x="'),
      filename: fc.option(fc.oneof(fc.constantFrom('a.txt', '../../etc/x.md', 'C:\\dir\\b.html', '.txt', '文件.htm', 'x.exe', '%00.txt', 'a'.repeat(300) + '.txt'), fc.string({ maxLength: 20 }))),
      headers: fc.array(fc.constantFrom('Content-Type: text/plain', 'Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'X: y'), { maxLength: 2 }),
      body: fc.oneof(fc.constantFrom(PLAN_B, '', '\u0000\u0001', '--xyz'), fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1'))),
    });
    const body = fc.record({
      parts: fc.array(part, { maxLength: 3 }),
      end: fc.constantFrom(`--xyz--${crlf}`, '--xyz', '', `--xyz${crlf}`, 'garbage'),
    }).map(({ parts, end }) => parts.map((p) => {
      const disposition = `Content-Disposition: form-data; name="${p.field}"${p.filename === null ? '' : `; filename="${p.filename}"`}`;
      return `--xyz${crlf}${[disposition, ...p.headers].join(crlf)}${crlf}${crlf}${p.body}${crlf}`;
    }).join('') + end);
    const type = fc.constantFrom('multipart/form-data; boundary=xyz', 'multipart/form-data; boundary="xyz"', 'multipart/form-data', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=xyz');
    await fc.assert(fc.asyncProperty(body, type, async (text, contentType) => {
      const res = await send(app.url, 'POST', 'documents?dryRun=true', { headers: { ...WRITE, 'Content-Type': contentType }, body: text });
      if (res.status >= 500 || (res.status >= 400 && typeof res.body?.error?.message !== 'string')) {
        throw new Error(`${res.status} for ${contentType} ${JSON.stringify(text).slice(0, 500)}: ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    }), { seed: 14, numRuns: 150 });
    expect(await counts()).toEqual(before);
  }, 300_000);

  it('refuses writes without X-Requested-With with 403, whatever the client', async () => {
    const before = await counts();
    const res = await upload([['乡村.md', PLAN_B]], false, app.url, {});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('X-Requested-With');
    expect((await send(app.url, 'DELETE', 'documents/城市大脑')).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('validates the library query and the upload query', async () => {
    for (const [query, field] of [['?sort=x', 'sort'], ['?year=26', 'year'], ['?kind=poem', 'kind'], ['?limit=0', 'limit'], ['?bogus=1', 'bogus']]) {
      const res = await send(app.url, 'GET', `documents${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`'${field}'`);
    }
    const res = await send(app.url, 'POST', 'documents?dryRun=maybe', { form: [['a.txt', PLAN_B]], headers: WRITE });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'dryRun'");
  });
});

describe('size limits', () => {
  let small: RunningServer;
  beforeAll(async () => {
    small = await startTestApp({ MAX_DOCUMENT_SIZE: '1k', MAX_UPLOAD_SIZE: '3k' });
  });
  afterAll(async () => {
    await small?.stop();
  });

  it('answers 413 with the limit for a file over MAX_DOCUMENT_SIZE and a request over MAX_UPLOAD_SIZE', async () => {
    const before = await counts();
    const big = PLAN_B.repeat(4); // about 1.7 kB
    const file = await upload([['大文件.txt', big]], false, small.url);
    expect(file.status).toBe(413);
    expect(file.body.error.message).toContain('大文件.txt');
    expect(file.body.error.details.limit).toBe(1024);
    // Each file fits the 1 kB limit, together they are over the 3 kB one.
    const files = 'abcdefghijkl'.split('').map((n): Part => [`${n}.txt`, PLAN_B]);
    expect(Buffer.byteLength(PLAN_B)).toBeLessThan(1024);
    expect(Buffer.byteLength(PLAN_B) * files.length).toBeGreaterThan(3072);
    const request = await upload(files, false, small.url);
    expect(request.status).toBe(413);
    expect(request.body.error.details.limit).toBe(3072);
    expect(await counts()).toEqual(before);
  });

  it('tells the client its limits and whether it may write', async () => {
    const { body } = await send(small.url, 'GET', 'documents/capabilities');
    expect(body).toMatchObject({
      write: { allowed: true, via: 'loopback', reason: null, tokenRequired: false },
      requiredHeader: 'X-Requested-With',
      limits: { maxFileBytes: 1024, maxRequestBytes: 3072 },
    });
    expect(body.extensions).toContain('.txt');
  });
});

describe('who may write', () => {
  const TOKEN = 'a-long-enough-admin-token-for-tests';
  let guarded: RunningServer;
  beforeAll(async () => {
    guarded = await startTestApp({ ADMIN_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await guarded?.stop();
  });

  it('with ADMIN_TOKEN set, writes need the token as a bearer token, from every client; reads stay open', async () => {
    const before = await counts();
    const none = await upload([['乡村.md', PLAN_B]], true, guarded.url);
    expect(none.status).toBe(403);
    expect(none.body.error.message).toContain('Bearer');
    const wrong = await upload([['乡村.md', PLAN_B]], true, guarded.url, { ...WRITE, Authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(403);
    expect((await send(guarded.url, 'DELETE', 'documents/城市大脑', { headers: WRITE })).status).toBe(403);
    const right = await upload([['乡村.md', PLAN_B]], true, guarded.url, { ...WRITE, Authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.body.documents[0].status).toBe('new');
    expect(await counts()).toEqual(before);
    expect((await send(guarded.url, 'GET', 'documents')).status).toBe(200);
    const caps = (await send(guarded.url, 'GET', 'documents/capabilities')).body;
    expect(caps.write).toMatchObject({ allowed: false, tokenRequired: true });
    const withToken = await send(guarded.url, 'GET', 'documents/capabilities', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(withToken.body.write).toMatchObject({ allowed: true, via: 'token' });
  });

  // A request through this machine's own network address arrives from that address, not from loopback.
  const external = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

  it.runIf(external)('without a token, refuses a client that is not on loopback with 403 and says why', async () => {
    const open = await startTestApp({ HOST: '0.0.0.0' });
    try {
      const base = `http://${external}:${open.port}`;
      const before = await counts();
      const res = await upload([['乡村.md', PLAN_B]], false, base);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('loopback');
      expect(res.body.error.message).toContain(external!);
      expect((await send(base, 'DELETE', 'documents/城市大脑', { headers: WRITE })).status).toBe(403);
      expect((await send(base, 'GET', 'documents/capabilities')).body.write).toMatchObject({ allowed: false, via: null, tokenRequired: false });
      expect((await send(base, 'GET', 'documents')).status).toBe(200);
      expect(await counts()).toEqual(before);
    } finally {
      await open.stop();
    }
  });
});
