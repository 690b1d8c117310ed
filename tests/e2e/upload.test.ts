/*
 * Adding documents through the page (issue 14), at 1366×768 against the real app and embedded Neo4j: a
 * planner picks their district's work plan → the preview lists its tasks with their units and roles →
 * confirm → the new agency is found by the search box and the plan drawn on request → a changed version of
 * the same file, dropped on the window, is previewed as a replacement with what changes → confirm; a PNG
 * renamed .txt is refused with a clear reason and writes nothing; the dialog keeps the keyboard inside it.
 * Last, the app bound to 0.0.0.0 and opened through this machine's own network address (so the browser is
 * not a loopback client, no token set): the write controls are hidden and a direct POST gets 403.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { graphCounts } from '../../server/graph/writer/graph-state.ts';
import type { RunningServer } from '../../server/server.ts';
import { openAppPage, screenshotPath, startE2eApp, uploadReviewReady } from './app.ts';
import type { BrowserSession } from './browser.ts';

const FILE = '晋安区数字经济工作要点.txt';
const NEW_AGENCY = '晋安区数字经济发展中心';
const HEAD = `福州市晋安区2026年数字经济发展工作要点

为加快建设数字晋安，推动数字经济高质量发展，制定本工作要点。

一、夯实数字基础设施
1. 建设晋安区算力服务中心。到2026年底，新增算力规模500P。（牵头单位：${NEW_AGENCY}；配合单位：晋安区工信局、晋安区财政局）
2. 推进千兆光网进小区。新建5G基站800个。（责任单位：${NEW_AGENCY}、晋安区住建局）
二、培育数字产业
3. 打造鼓岭数字文旅平台。（牵头单位：晋安区文体旅局；配合单位：${NEW_AGENCY}）
4. 建设智慧农业示范基地。（责任单位：晋安区农业农村局）
`;
const SIGNATURE = `
福州市晋安区人民政府办公室
2026年2月10日
`;
const PLAN = HEAD + SIGNATURE;
// The same file name with a fifth task: it replaces the first version.
const PLAN_V2 = `${HEAD}5. 建设区级数据共享交换平台。（牵头单位：${NEW_AGENCY}；配合单位：晋安区财政局）
${SIGNATURE}`;
// A PNG's signature and IHDR chunk, renamed .txt: the NUL bytes no text file has.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const txt = (name: string, text: string | Buffer) => ({ name, mimeType: 'text/plain', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
const documentsVersion = (p: Page) => p.evaluate(() => window.__app!.store.get().documentsVersion);

/** Drags a file over the window and drops it, as the OS would: the overlay shows while it is held. */
async function dropFile(p: Page, name: string, text: string): Promise<void> {
  await p.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/plain' }));
    (window as unknown as { __dt: DataTransfer }).__dt = dt;
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text });
  await p.locator('#upload-drop').waitFor({ state: 'visible' });
  await p.evaluate(() => {
    const dt = (window as unknown as { __dt: DataTransfer }).__dt;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await page.locator('#upload-open').waitFor({ state: 'visible' });
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('uploading a plan through the page', () => {
  it('previews the plan — title, issuer, date, kind, tasks with their units and roles, warnings — and writes nothing yet', async () => {
    const before = await graphCounts(app.db);
    await page.setInputFiles('#upload-input', [txt(FILE, PLAN)]);
    await uploadReviewReady(page);
    const card = page.locator(`.up-doc[data-file="${FILE}"]`);
    expect(await card.getAttribute('data-status')).toBe('new');
    expect(await card.locator('.up-doc-title').textContent()).toBe('福州市晋安区2026年数字经济发展工作要点');
    const meta = await card.locator('.up-meta dd').allTextContents();
    expect(meta).toEqual([FILE, '福州市晋安区人民政府办公室', '晋安区', '2026-02-10', '规划/计划']);
    const tasks = await card.locator('.up-task-title').allTextContents();
    expect(tasks).toHaveLength(4);
    expect(tasks[0]).toContain('建设晋安区算力服务中心');
    expect(tasks[3]).toContain('建设智慧农业示范基地');
    // Units with their roles as printed: 牵头 / 配合 / 负责.
    expect(await card.locator('.up-task').nth(0).locator('.up-unit').allTextContents()).toEqual([`${NEW_AGENCY}牵头`, '晋安区工信局配合', '晋安区财政局配合']);
    expect(await card.locator('.up-task').nth(1).locator('.up-unit').allTextContents()).toEqual([`${NEW_AGENCY}负责`, '晋安区住建局负责']);
    // Every unit the gazetteer does not know, on one line.
    expect(await card.locator('.up-warnings li').count()).toBe(1);
    expect(await card.locator('.up-warnings li').textContent()).toMatch(new RegExp(`^\\d+ 个单位不在名录中:.*${NEW_AGENCY}`));
    expect(await page.textContent('#upload-confirm')).toBe('确认添加 1 份');
    await page.screenshot({ path: screenshotPath('upload-preview') });
    expect(await graphCounts(app.db)).toEqual(before);
  });

  it('keeps the keyboard inside the dialog', async () => {
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('#upload-dialog'))).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#upload-dialog'))).toBe(true);
  });

  it('writes the plan on confirm, says what was added, and bumps the documents version', async () => {
    const version = await documentsVersion(page);
    await page.click('#upload-confirm');
    await page.locator('#upload-progress.up-summary').waitFor();
    expect(await page.textContent('#upload-progress')).toBe('已添加 1 份、替换 0 份、未改动 0 份,共读出 4 项任务');
    expect(await page.locator(`.up-doc[data-file="${FILE}"] .up-write`).textContent()).toBe('已添加');
    expect(await documentsVersion(page)).toBe(version + 1);
    const listed = await (await fetch(`${app.url}/api/documents?q=${encodeURIComponent('晋安区')}`)).json() as { documents: { docId: string; counts: { tasks: number } }[] };
    expect(listed.documents.map((d) => [d.docId, d.counts.tasks])).toEqual([['晋安区数字经济工作要点', 4]]);
  });

  it('draws the loaded plan on request, and the search box finds its new agency', async () => {
    await page.click(`.up-doc[data-file="${FILE}"] .up-show`);
    await page.locator('#upload-overlay').waitFor({ state: 'hidden' });
    await page.waitForFunction((id) => !!window.__app!.store.get().graph.nodes[id], `agency:${NEW_AGENCY}`);
    expect(await page.evaluate(() => window.__app!.store.get().queryResult?.name)).toBe('plan-outline');
    await page.fill('#search', '数字经济发展中心');
    await page.locator(`.suggest-item[data-id="agency:${NEW_AGENCY}"]`).waitFor();
    await page.fill('#search', '');
  });

  it('previews a changed file of the same name, dropped on the window, as a replacement with what changes, and replaces it on confirm', async () => {
    await dropFile(page, FILE, PLAN_V2);
    await uploadReviewReady(page);
    const card = page.locator(`.up-doc[data-file="${FILE}"]`);
    expect(await card.getAttribute('data-status')).toBe('replacement');
    expect(await card.locator('.up-status').textContent()).toBe(`将替换已载入的 ${FILE}`);
    expect(await card.locator('.up-changes').textContent()).toContain('任务 4 → 5');
    await page.click('#upload-confirm');
    await page.locator('#upload-progress.up-summary').waitFor();
    expect(await page.textContent('#upload-progress')).toBe('已添加 0 份、替换 1 份、未改动 0 份,共读出 5 项任务');
    const listed = await (await fetch(`${app.url}/api/documents?q=${encodeURIComponent('晋安区')}`)).json() as { documents: { counts: { tasks: number } }[] };
    expect(listed.documents.map((d) => d.counts.tasks)).toEqual([5]);
    await page.keyboard.press('Escape');
    await page.locator('#upload-overlay').waitFor({ state: 'hidden' });
  });

  it('lists a PNG renamed .txt with a clear reason, does not let it block the other file, and writes nothing', async () => {
    const before = await graphCounts(app.db);
    const version = await documentsVersion(page);
    await page.setInputFiles('#upload-input', [txt('扫描件.txt', PNG), txt(FILE, PLAN_V2)]);
    await uploadReviewReady(page);
    expect(await page.textContent('#upload-failed li[data-file="扫描件.txt"] .up-reason')).toBe('不是文本文件(二进制或无法识别的编码);请上传 UTF-8 或 GBK 文本');
    expect(await page.locator(`.up-doc[data-file="${FILE}"]`).getAttribute('data-status')).toBe('unchanged');
    expect(await page.isDisabled('#upload-confirm')).toBe(true);
    expect(await page.textContent('#upload-confirm')).toBe('没有需要写入的文件');
    await page.click('#upload-cancel');
    await page.locator('#upload-overlay').waitFor({ state: 'hidden' });
    expect(await graphCounts(app.db)).toEqual(before);
    expect(await documentsVersion(page)).toBe(version);
  });

  it('says the reason in English when the UI speaks English', async () => {
    await page.click('#lang-toggle');
    await page.setInputFiles('#upload-input', [txt('scan.txt', PNG)]);
    await uploadReviewReady(page);
    expect(await page.textContent('#upload-failed .up-reason')).toMatch(/^Not a text file \(binary, or an encoding that cannot be read\); upload UTF-8 or GBK text \(.*binary/);
    await page.keyboard.press('Escape');
    await page.locator('#upload-overlay').waitFor({ state: 'hidden' });
    await page.click('#lang-toggle');
  });
});

// This machine's own network address: a request through it arrives from that address, not from loopback.
const external = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('a client that may not write', () => {
  it.runIf(external)('sees no write controls when the app is bound to 0.0.0.0 and reached from a non-loopback address, and a direct POST gets 403', async () => {
    const open = await startE2eApp({ HOST: '0.0.0.0' });
    const remote = await session.context.newPage();
    try {
      const caps = remote.waitForResponse((r) => r.url().includes('/api/documents/capabilities'));
      await remote.goto(`http://${external}:${open.port}/`);
      const answer = await (await caps).json() as { write: { allowed: boolean; reason: string } };
      expect(answer.write.allowed).toBe(false);
      await remote.waitForFunction(() => !!window.__app);
      expect(await remote.isHidden('#upload-open')).toBe(true);
      // A file dragged over the window shows no drop target either.
      await remote.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['x'], 'a.txt'));
        document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      expect(await remote.isHidden('#upload-drop')).toBe(true);
      const post = await remote.evaluate(async (text) => {
        const form = new FormData();
        form.append('file', new File([text], 'x.txt'));
        const res = await fetch('/api/documents', { method: 'POST', body: form, headers: { 'X-Requested-With': 'test' } });
        return { status: res.status, body: await res.json() as { error: { message: string } } };
      }, PLAN);
      expect(post.status).toBe(403);
      expect(post.body.error.message).toContain('loopback');
    } finally {
      await remote.close();
      await open.stop();
    }
  });
});
