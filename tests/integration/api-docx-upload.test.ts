/*
 * A Word .docx added through the document API against the real embedded Neo4j: the upload dialog is
 * told .docx is accepted, a .docx made by LibreOffice is previewed and loaded with the tasks its Word
 * numbering prints, and a .doc, a .wps or a damaged .docx is refused naming the file and loads nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../../server/graph/writer/graph-state.ts';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { seededTestApp } from './helpers.ts';

const DOCX = path.join(ROOT_DIR, 'tests', 'fixtures', 'documents', 'docx');
const WRITE = { 'X-Requested-With': 'test' };
// An OLE compound file header: what Word 97–2003 .doc and WPS .wps files start with.
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);

let app: RunningServer;

interface Answer { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any

async function upload(name: string, bytes: Uint8Array, dryRun = false): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)]), name);
  const res = await fetch(`${app.url}/api/documents${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body: form, headers: WRITE });
  return { status: res.status, body: await res.json() };
}

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(DOCX, name)));

beforeAll(async () => {
  app = await seededTestApp({ dirs: [] });
});
afterAll(async () => {
  await app?.stop();
});

describe('a planner adds a Word .docx from the archive', () => {
  it('is told by the capabilities the upload dialog reads that .docx files are accepted', async () => {
    const caps = await (await fetch(`${app.url}/api/documents/capabilities`)).json();
    expect(caps.extensions).toContain('.docx');
  });

  it('previews and then loads a .docx, its Word-numbered items read as tasks with their units', async () => {
    const preview = await upload('数字政府工作要点.docx', fixture('chinese-numbering.docx'), true);
    expect(preview.status).toBe(200);
    const doc = preview.body.documents[0];
    expect(doc).toMatchObject({ file: '数字政府工作要点.docx', docId: '数字政府工作要点', status: 'new' });
    expect(doc.tasks.map((t: { path: string }) => t.path)).toEqual(expect.arrayContaining(['1.1.1', '1.1.2', '1.2.1', '2.1.1', '2.1.2']));
    const task = doc.tasks.find((t: { path: string }) => t.path === '2.1.1');
    expect(task.title).toContain('推动高频事项跨区域通办');
    // Names are the canonical ones, in the document's own city (某某市 of its title).
    const units = task.units.map((u: { name: string; role: string }) => `${u.role}|${u.name}`).sort();
    expect(units).toEqual(['lead|某某市政务服务中心', 'responsible|某某市人力资源社会保障局', 'responsible|某某市公安局']);

    const loaded = await upload('数字政府工作要点.docx', fixture('chinese-numbering.docx'));
    expect(loaded.status).toBe(200);
    expect(loaded.body.documents[0].written).toBe('loaded');
    const list = await (await fetch(`${app.url}/api/documents`)).json();
    expect(list.documents.map((d: { file: string }) => d.file)).toContain('数字政府工作要点.docx');
  });

  it.each([
    ['a Word 97–2003 .doc', '旧规划.doc', OLE, /^旧规划\.doc: \.doc files are not read; .*save it as \.docx/],
    ['a WPS .wps', '旧规划.wps', OLE, /^旧规划\.wps: \.wps files are not read; .*save it as \.docx/],
    ['a password-protected Word file', '加密.docx', OLE, /^加密\.docx: is a Word 97–2003 \(\.doc\) or WPS \(\.wps\) file, or a password-protected Word document.*save it as \.docx/],
    ['a .docx cut short', '残缺.docx', fixture('merged-cells.docx').subarray(0, 3000), /^残缺\.docx: is not a readable \.docx: the zip archive is corrupt/],
  ])('refuses %s with a 415 naming the file and loads nothing', async (_what, name, bytes, message) => {
    const before = await graphCounts(app.db);
    const res = await upload(name, bytes);
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(message);
    expect(await graphCounts(app.db)).toEqual(before);
  });
});
