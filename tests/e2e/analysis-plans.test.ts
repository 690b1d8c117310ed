/*
 * Plans over time at 1366×768 on the seeds: the Analysis mode's view finds Fuzhou's series, moving the
 * threshold changes the counts of continued / new / dropped tasks, an agency's movement opens, the lineage is
 * drawn as a hierarchy over the canvas, and the view speaks English after the switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

/** The counts on the first year pair's button, once no request is under way. */
const firstPairCounts = async (p: Page) => {
  await p.waitForSelector('#pot-status[data-status="ok"]', { state: 'attached', timeout: 60_000 });
  return p.evaluate(() => {
    const pair = document.querySelector('#pot-pairs .pot-pair[data-pair="0"]')!;
    const n = (k: string) => Number(pair.querySelector(`[data-count="${k}"] b`)!.textContent);
    return { continued: n('continued'), added: n('added'), dropped: n('dropped') };
  });
};

/** Waits until the first pair's continued count is below, above or equal to n. */
const waitContinued = (p: Page, op: '<' | '>' | '=', n: number) => p.waitForFunction(([o, m]) => {
  const v = Number(document.querySelector('#pot-pairs .pot-pair[data-pair="0"] [data-count="continued"] b')?.textContent);
  return o === '<' ? v < m : o === '>' ? v > m : v === m;
}, [op, n] as const, { timeout: 60_000 });

/** Moves the slider as a user does: the value changes and an input event fires. */
const setThreshold = (p: Page, value: number) => p.evaluate((v) => {
  const s = document.querySelector<HTMLInputElement>('#pot-threshold')!;
  s.value = String(v);
  s.dispatchEvent(new Event('input', { bubbles: true }));
}, value);

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('Plans over time', () => {
  it('opens on the series of Fuzhou\'s plans with each year pair counted', { timeout: 120_000 }, async () => {
    await page.click('button[data-mode="analysis"]');
    await page.click('.analysis-tabs button[data-view="plans-over-time"]');
    // The first answer plans the series query on a cold database, beside the first tab's own queries.
    await page.waitForSelector('#pot-pairs .pot-pair[data-pair="1"]', { timeout: 90_000 });
    expect(await page.textContent('#pot-series option:checked')).toContain('福州市');
    expect(await page.$$eval('#pot-pairs .pot-years', (els) => els.map((e) => e.textContent))).toEqual(['2019 → 2021', '2021 → 2025']);
    const counts = await firstPairCounts(page);
    // 28 tasks in 2019 and 23 in 2021: continued + dropped and continued + new add up to them.
    expect(counts.continued + counts.dropped).toBe(28);
    expect(counts.continued + counts.added).toBe(23);
  });

  it('counts fewer continued tasks when the threshold is raised and more when it is lowered', { timeout: 120_000 }, async () => {
    const before = await firstPairCounts(page);
    await setThreshold(page, 0.3);
    await waitContinued(page, '<', before.continued);
    const raised = await firstPairCounts(page);
    expect(await page.textContent('#pot-threshold-value')).toBe('0.30');
    expect(raised.continued).toBeLessThan(before.continued);
    expect(raised.dropped).toBeGreaterThan(before.dropped);
    await setThreshold(page, 0.1);
    await waitContinued(page, '>', before.continued);
    expect((await firstPairCounts(page)).continued).toBeGreaterThan(before.continued);
    await setThreshold(page, 0.15);
    await waitContinued(page, '=', before.continued);
  });

  it('lists the continued tasks with their scores, and opens an agency\'s movement', async () => {
    const continued = await page.$$eval('.pot-col.continued li', (els) => els.map((e) => e.textContent ?? ''));
    expect(continued.some((t) => t.includes('启动城市管理智慧大脑建设') && t.includes('构建“城市大脑”体系'))).toBe(true);
    const row = page.locator('.pot-table tbody tr', { hasText: '福州市大数据委' });
    await row.click();
    await page.waitForSelector('#pot-agency');
    expect(await page.textContent('#pot-agency h4')).toContain('福州市大数据委');
    // The 2021 方案 names no units, so each of its tasks is dropped or carried on without the agency.
    expect(await page.textContent('.pot-agencies .pot-note')).toContain('2021');
    expect(await page.locator('#pot-agency li').count()).toBeGreaterThan(5);
  });

  it('draws the plans\' lineage as a hierarchy over the canvas, the plans a series implements on its left', async () => {
    const drawn = await page.evaluate(() => {
      type Cy = { nodes(): { map<T>(f: (n: { id(): string; position(): { x: number } }) => T): T[] }; edges(): { map<T>(f: (e: { data(k: string): string }) => T): T[] } };
      const cy = (document.querySelector('#pot-lineage') as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
      return { nodes: cy.nodes().map((n) => ({ id: n.id(), x: n.position().x })), types: cy.edges().map((e) => e.data('type')) };
    });
    const x = (id: string) => drawn.nodes.find((n) => n.id === id)!.x;
    expect(drawn.types).toContain('IMPLEMENTS');
    expect(drawn.types).toContain('REFERENCES');
    // The 2019 要点 implements the three-year plan: one rank to its right.
    expect(x('plan:2019年数字福州工作要点')).toBeGreaterThan(x('plan:数字福州建设三年行动计划(2018-2020年)'));
    expect(await page.isVisible('#pot-lineage')).toBe(true);
    await page.screenshot({ path: screenshotPath('plans-over-time') });
  });

  it('speaks English after the language switch', async () => {
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('.pot-controls label')?.textContent?.startsWith('Series'));
    expect(await page.textContent('.analysis-tabs button[data-view="plans-over-time"]')).toBe('Plans over time');
    expect(await page.textContent('#pot-agency li')).toMatch(/^(Continued|Dropped|New)/);
    await page.screenshot({ path: screenshotPath('plans-over-time-en') });
  });
});
