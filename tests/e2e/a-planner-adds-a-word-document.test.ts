/*
 * A planner adds a Word document from the archive through the page, at 1366×768 against the real app and
 * embedded Neo4j: the file picker offers .docx, a .docx made by LibreOffice is previewed with the tasks its
 * Word numbering prints, and an old .doc is refused with what to do — save it as .docx — in the UI's language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { graphCounts } from '../../server/graph/writer/graph-state.ts';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { openAppPage, screenshotPath, uploadReviewReady } from './app.ts';
import type { BrowserSession } from './browser.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const WORD = { name: '数字政府工作要点.docx', mimeType: DOCX_MIME, buffer: readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'documents', 'docx', 'chinese-numbering.docx')) };
// An OLE compound file header: what a Word 97–2003 .doc starts with.
const OLD = { name: '旧规划.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]) };

let app: RunningServer;
let session: BrowserSession;
let page: Page;


beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await page.locator('#upload-open').waitFor({ state: 'visible' });
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('a planner adds a Word document', () => {
  it('is offered .docx files by the file picker', async () => {
    expect((await page.getAttribute('#upload-input', 'accept'))?.split(',')).toContain('.docx');
  });

  it('previews a .docx with the tasks its Word numbering prints and their units, writing nothing yet', async () => {
    const before = await graphCounts(app.db);
    await page.setInputFiles('#upload-input', [WORD]);
    await uploadReviewReady(page);
    const card = page.locator(`.up-doc[data-file="${WORD.name}"]`);
    expect(await card.getAttribute('data-status')).toBe('new');
    expect(await card.locator('.up-doc-title').textContent()).toBe('某某市人民政府关于印发某某市2025年数字政府建设工作要点的通知');
    const tasks = await card.locator('.up-task-title').allTextContents();
    expect(tasks.some((t) => t.includes('推动高频事项跨区域通办'))).toBe(true);
    expect(tasks.some((t) => t.includes('建设公共数据开放平台'))).toBe(true);
    const units = await card.locator('.up-unit').allTextContents();
    expect(units.some((u) => u.includes('市大数据局') && u.endsWith('牵头'))).toBe(true);
    await page.screenshot({ path: screenshotPath('upload-docx-preview') });
    expect(await graphCounts(app.db)).toEqual(before);
    await page.click('#upload-cancel');
    await page.locator('#upload-overlay').waitFor({ state: 'hidden' });
  });

  it('refuses an old .doc saying to save it as .docx, in Chinese and in English, and writes nothing', async () => {
    const before = await graphCounts(app.db);
    await page.setInputFiles('#upload-input', [OLD]);
    await uploadReviewReady(page);
    expect(await page.textContent(`#upload-failed li[data-file="${OLD.name}"] .up-reason`)).toBe('无法读取这种格式(.doc、.wps 或加密的 Word 文档);请在 Word 或 WPS 中另存为 .docx 后再添加');
    await page.keyboard.press('Escape');
    await page.locator('#upload-overlay').waitFor({ state: 'hidden' });
    await page.click('#lang-toggle');
    await page.setInputFiles('#upload-input', [OLD]);
    await uploadReviewReady(page);
    expect(await page.textContent('#upload-failed .up-reason')).toMatch(/^This format is not read .*save it as \.docx in Word or WPS.*\(旧规划\.doc: \.doc files are not read/);
    await page.screenshot({ path: screenshotPath('upload-doc-refused') });
    await page.keyboard.press('Escape');
    await page.locator('#upload-overlay').waitFor({ state: 'hidden' });
    await page.click('#lang-toggle');
    expect(await graphCounts(app.db)).toEqual(before);
  });
});
