/*
 * A planner's archive beyond the seeds, at 1366×768: five real documents of the genre corpus added at once
 * through 添加文档 — 广州's 2012 decision (36 units the gazetteer does not know), 汉中's task-force notice (a
 * negative control: no tasks), 莲都's 2023 duty table exported one cell per line, 浙江's 2024 list in traditional
 * script and 沁县's 2025 county task list. The walls this walks: the preview gave 广州 36 warning lines above its
 * tasks, and showed a document without tasks as an empty "任务(0)" list; removing a document said only its
 * title. Now the unknown units are one line, a document without tasks says what adding it does, and the
 * removal says how much left the graph and the canvas; the library's area was cut off behind the issuer and
 * could not be filtered by, though the API could: it is a column and a filter now. On the way, 莲都区发改局's
 * tasks are found by the curated form.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { happens, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

const GENRE = path.join(ROOT_DIR, 'tests', 'fixtures', 'documents', 'genre');
const GZ = 'gz-2012-talent-gathering-opinions.txt';
const HANZHONG = 'hanzhong-2025-low-altitude-taskforce-notice.txt';
const LIANDU = 'liandu-2023-work-report-duties-table.txt';
const ZJ = 'zj-2024-work-report-duties-tw.txt';
const QINXIAN = 'qinxian-2025-work-report-task-list.txt';
const FILES = [GZ, HANZHONG, LIANDU, ZJ, QINXIAN];
const FAGAIJU = 'agency:丽水市莲都区发改局';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const file = (name: string) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(path.join(GENRE, name)) });
const card = (name: string) => page.locator(`.up-doc[data-file="${name}"]`);

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await page.locator('#upload-open').waitFor({ state: 'visible' });
  await page.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('five documents of other areas added at once', () => {
  it('previews 广州\'s 36 unknown units on one line, its tasks right below', async () => {
    await page.setInputFiles('#upload-input', FILES.map(file));
    await happens('the preview of five files', page.waitForFunction((n) => document.querySelectorAll('.up-doc').length === n
      && !document.querySelector('#upload-progress')!.textContent, FILES.length, { timeout: 60_000 }));
    const gz = card(GZ);
    const lines = gz.locator('.up-warnings li');
    expect(await lines.count()).toBe(1);
    expect(await lines.first().textContent()).toMatch(/^36 个单位不在名录中:广州市/);
    // The warnings take a few lines (a line each took ~700 px, the dialog's whole body), the tasks right below.
    const warnings = (await gz.locator('.up-warnings').boundingBox())!;
    const tasks = (await gz.locator('.up-tasks summary').boundingBox())!;
    expect(warnings.height).toBeLessThan(160);
    expect(tasks.y - (warnings.y + warnings.height)).toBeLessThan(10);
    await gz.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('other-areas-preview-unknown-units') });
  });

  it('says of 汉中\'s notice that no tasks were read and what adding it does, instead of an empty task list', async () => {
    const hz = card(HANZHONG);
    expect(await hz.locator('.up-tasks').count()).toBe(0);
    expect(await hz.locator('.up-no-tasks').textContent()).toBe('未读出任务(没有编号的任务条目):添加后图中只有这份文档及其提到的内容');
    await hz.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('other-areas-preview-no-tasks') });
  });

  it('writes all five on confirm and lists them in the library, each area in a column of its own that filters', async () => {
    await page.click('#upload-confirm');
    await happens('the upload summary', page.locator('#upload-progress.up-summary').waitFor({ timeout: 120_000 }));
    expect(await page.textContent('#upload-progress')).toMatch(/^已添加 5 份/);
    await page.click('#upload-cancel');
    await page.click('button[data-mode="library"]');
    await happens('the library with the seeds and the five', page.waitForFunction(() => document.querySelectorAll('#lib-table tbody tr').length === 10));
    const cell = (docId: string, col: string) => page.locator(`#lib-table tr[data-doc="${docId}"] td[data-col="${col}"]`).textContent();
    expect(await cell('liandu-2023-work-report-duties-table', 'jurisdiction')).toBe('莲都区');
    expect(await cell('qinxian-2025-work-report-task-list', 'jurisdiction')).toBe('沁县');
    expect(await cell('zj-2024-work-report-duties-tw', 'jurisdiction')).toBe('浙江省');
    // An issuer that was not read says so rather than showing a dash (which reads as 一 in a CJK font).
    expect(await cell('zj-2024-work-report-duties-tw', 'issuer')).toBe('未读出');
    // The area was cut off behind the issuer (福州市人民政府 · 福…): its cell now shows it whole.
    expect(await page.$$eval('#lib-table td[data-col="jurisdiction"]', (tds) => tds.every((td) => td.scrollWidth <= td.clientWidth))).toBe(true);
    // …and the extra column does not push 移除 out of the table's view.
    expect(await page.evaluate(() => {
      const scroller = document.querySelector('#lib-table')!.parentElement!.getBoundingClientRect();
      return [...document.querySelectorAll('#lib-table .lib-remove')].every((b) => b.getBoundingClientRect().right <= scroller.right);
    })).toBe(true);
    await page.screenshot({ path: screenshotPath('other-areas-library') });
    await page.selectOption('#lib-jurisdiction', '莲都区');
    await happens('the library filtered to 莲都区', page.waitForFunction(() => document.querySelectorAll('#lib-table tbody tr').length === 1));
    expect(await page.locator('#lib-table tbody tr').getAttribute('data-doc')).toBe('liandu-2023-work-report-duties-table');
    await page.selectOption('#lib-jurisdiction', '');
    await happens('the whole library again', page.waitForFunction(() => document.querySelectorAll('#lib-table tbody tr').length === 10));
  });

  it('finds every task 莲都区发改局 is responsible for through the curated form', async () => {
    await page.click('button[data-mode="explore"]');
    const form = page.locator('.query[data-query="tasks-of-agency"]');
    await form.locator('input[data-param="agency"]').fill('莲都区发改局');
    await form.locator('input[data-param="agency"]').press('Escape');
    await form.locator('button[type=submit]').click();
    await happens('莲都区发改局\'s tasks', page.waitForFunction((id) => {
      const s = window.__app!.store.get();
      return s.queryResult?.name === 'tasks-of-agency' && !s.runningQuery && !!s.graph.nodes[id];
    }, FAGAIJU));
    const total = await page.evaluate(() => window.__app!.store.get().queryResult!.totals?.all);
    // Items 1, 2, 5 and 12 of the table: in each it is the 牵头单位 and also in the 责任单位 list.
    expect(total).toBe(4);
    expect(await page.evaluate(() => window.__app!.store.get().queryResult!.rows.map((r) => String(r.number)))).toEqual(['1', '2', '5', '12']);
    await page.screenshot({ path: screenshotPath('other-areas-liandu-tasks') });
  });

  it('removes 沁县\'s task list and says how much left the graph', async () => {
    await page.click('button[data-mode="library"]');
    await page.locator('.lib-remove[data-doc="qinxian-2025-work-report-task-list"]').click();
    await page.click('#lib-confirm-ok');
    await happens('the removal toast', page.waitForFunction(() => /^已移除《/.test(document.querySelector('.toast')?.textContent ?? '')));
    expect(await page.textContent('.toast')).toMatch(/图谱中删去 \d+ 个节点、\d+ 条关系/);
    await happens('the library without it', page.waitForFunction(() => !document.querySelector('#lib-table tr[data-doc="qinxian-2025-work-report-task-list"]')));
  });
});
