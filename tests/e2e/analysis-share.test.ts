/*
 * Share links and scenes carry Analysis mode (issue 15's "the whole view", issue 17's views): at 1366×768 the
 * Workload tab with a year, a sort and a picked agency is shared, opened in a fresh browser context (no
 * storage shared) on the same tab with the same filters and the same table rows, saved as a scene and
 * restored from Present; a link with an unknown analysis view says so in the UI's language.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const VIEWPORT = { width: 1366, height: 768 };

/** What the workload view shows: active tab, the three filters, the rows in order with their cells, the picked row. */
const workloadShown = (p: Page) => p.evaluate(() => ({
  tab: document.querySelector('.analysis-tabs button.active')?.getAttribute('data-view'),
  filters: ['plan', 'year', 'jurisdiction'].map((f) => document.querySelector<HTMLSelectElement>(`#workload-${f}`)?.value),
  sorted: document.querySelector('#workload-table th[aria-sort]')?.getAttribute('data-sort') ?? null,
  rows: [...document.querySelectorAll('#workload-table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, -1).map((td) => td.textContent)),
  picked: document.querySelector('#workload-table tr.picked')?.getAttribute('data-agency') ?? null,
}));

const tableReady = (p: Page) => p.waitForSelector('#workload-table tbody tr', { timeout: 60_000 });

/** The year select once its choices came, set to `year`, and the table of that year drawn. */
async function pickYear(p: Page, year: string): Promise<void> {
  await p.waitForSelector(`#workload-year option[value="${year}"]`, { state: 'attached', timeout: 60_000 });
  await p.selectOption('#workload-year', year);
  // The change draws the loading line at once; the answer replaces it (a plain paragraph) with the table.
  await p.waitForFunction((y) => document.querySelector<HTMLSelectElement>('#workload-year')?.value === y
    && !!document.querySelector('#workload-status:not(.hint)') && !!document.querySelector('#workload-table'), year);
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage(VIEWPORT));
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('a share link made in Analysis', () => {
  let shared: Awaited<ReturnType<typeof workloadShown>>;
  let url = '';

  it('opens the same tab with the same filters and table rows in a fresh browser context', async () => {
    await page.click('button[data-mode="analysis"]');
    await page.click('.analysis-tabs button[data-view="workload"]');
    await tableReady(page);
    await pickYear(page, '2019');
    // Sort by tasks led (ascending after the second click), then chart one agency: none of this is the default.
    await page.click('#workload-table th[data-sort="led"]');
    await page.click('#workload-table th[data-sort="led"]');
    await page.click('#workload-table tbody tr:nth-child(3)');
    shared = await workloadShown(page);
    expect(shared.tab).toBe('workload');
    expect(shared.filters[1]).toBe('2019');
    expect(shared.sorted).toBe('led');
    expect(shared.picked).not.toBeNull();
    expect(shared.rows.length).toBeGreaterThan(3);

    await page.click('#view-share-link');
    url = await page.inputValue('#view-share-url');
    expect(url).toMatch(/#view=[zj][A-Za-z0-9_-]+$/);

    const fresh = await session.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    try {
      const other = await fresh.newPage();
      other.on('pageerror', (e) => process.stderr.write(`pageerror: ${e.message}\n`));
      await other.goto(url);
      await other.waitForFunction(() => !!window.__console);
      await other.evaluate(() => window.__console!.ready);
      await other.waitForFunction(() => window.__app!.store.get().mode === 'analysis');
      await tableReady(other);
      await other.waitForSelector('#workload-table tr.picked');
      expect(await workloadShown(other)).toEqual(shared);
      await other.screenshot({ path: screenshotPath('analysis-share-opened') });
    } finally {
      await fresh.close();
    }
  });

  it('restores the tab and filters from a scene saved in Analysis', async () => {
    await page.click('#analysis-save-scene');
    await page.waitForFunction(() => window.__app!.store.get().scenes.list.length === 1);
    // Move away: all years, another tab, then Present mode, where the scene list is.
    await page.selectOption('#workload-year', '');
    await page.click('.analysis-tabs button[data-view="targets"]');
    await page.click('button[data-mode="present"]');
    await page.click('#scene-list .st-name');
    await page.waitForFunction(() => window.__app!.store.get().mode === 'analysis');
    await tableReady(page);
    await page.waitForSelector('#workload-table tr.picked');
    expect(await workloadShown(page)).toEqual(shared);
  });
});

describe('an exported analysis chart', () => {
  it('carries the view\'s title and filters as a caption, in SVG and in PNG', async () => {
    // The page is on the restored Workload view: 2019, one agency charted.
    const name = await page.textContent('#workload-table tr.picked td:nth-child(2)');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#workload-export-svg')]);
    expect(svg.suggestedFilename()).toMatch(/^workload-.*\.svg$/);
    const text = fs.readFileSync((await svg.path())!, 'utf8');
    expect(text).toContain(`工作量 · 规划: 全部规划 · 年份: 2019 · 辖区: 全部辖区 · 机构: ${name}`);
    expect(text).toMatch(/<g transform="translate\(0 34\)"><svg /);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#workload-export-png')]);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const size = await page.evaluate(() => { const el = document.querySelector('#workload-chart')!; return { w: el.clientWidth, h: el.clientHeight }; });
    // Width and height from the IHDR chunk: the chart at 2× under a 34 px band (also 2×).
    expect(bytes.readUInt32BE(16)).toBe(size.w * 2);
    expect(bytes.readUInt32BE(20)).toBe(size.h * 2 + 68);
  });
});

describe('an exported lineage', () => {
  it('names the series and the threshold in its caption', async () => {
    await page.click('.analysis-tabs button[data-view="plans-over-time"]');
    await page.waitForSelector('#pot-pairs .pot-pair', { timeout: 60_000 });
    const series = await page.evaluate(() => document.querySelector<HTMLSelectElement>('#pot-series')!.selectedOptions[0]!.textContent);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#pot-export-svg')]);
    const text = fs.readFileSync((await svg.path())!, 'utf8');
    expect(text).toContain(`历年规划 · 规划序列: ${series} · 相似度阈值: 0.15`);
  });
});

describe('a link whose analysis state cannot be read', () => {
  it('says what is wrong in the UI\'s language instead of failing', async () => {
    const wire = { v: 2, n: [], m: 'analysis', a: { tab: 'gantt' } };
    const token = `j${Buffer.from(JSON.stringify(wire)).toString('base64url')}`;
    const fresh = await session.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    try {
      const other = await fresh.newPage();
      await other.goto(`${app.url}#view=${token}`);
      await other.waitForFunction(() => !!window.__console);
      await other.evaluate(() => window.__console!.ready);
      const text = await other.textContent('#share-error-text');
      expect(text).toContain('分析视图');
      expect(text).toContain('gantt');
      expect(await other.isVisible('#share-error')).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
