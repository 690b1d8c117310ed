/*
 * The canvas keeps at least half of the window in every mode (issue 15): Explore with a curated result,
 * Query with a curated query opened in the editor and run, Present (studio and slide show), at 1366×768
 * and 1920×1080. The split between the panel and the canvas can be dragged and moved with the keyboard,
 * never below that half, and is remembered across a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;

/** Height of the drawn canvas and of the window, in CSS pixels. */
const canvasShare = (p: Page) => p.evaluate(() => {
  const r = document.querySelector('#cy')!.getBoundingClientRect();
  return { canvas: Math.round(r.height), window: window.innerHeight, share: r.height / window.innerHeight };
});

const idle = (p: Page) => p.waitForFunction(() => window.__app!.store.get().runningQuery === null && window.__app!.store.get().query.status !== 'running');

async function exploreWithTasks(p: Page): Promise<void> {
  await p.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
  await p.fill('#search', '长乐区政府');
  const item = p.locator('.suggest-item[data-id^="agency:长乐区"]').first();
  await item.click();
  const form = p.locator('form.query[data-query="tasks-of-agency"]');
  await p.waitForFunction(() => (document.querySelector<HTMLInputElement>('form.query[data-query="tasks-of-agency"] input.entity-param')?.value ?? '').includes('长乐区'));
  await form.locator('button[type=submit]').click();
  await p.locator('#results-table tbody tr').first().waitFor();
  await idle(p);
}

async function queryWithCurated(p: Page): Promise<void> {
  await p.click('button[data-mode="query"]');
  await p.waitForSelector('#qm-curated option[value="tasks-of-agency"]', { state: 'attached' });
  await p.selectOption('#qm-curated', 'tasks-of-agency');
  await p.waitForSelector('#qm-params input[data-param="agency"]');
  // A name where the query expects an id: the console looks the id up (and says it did).
  await p.fill('#qm-params input[data-param="agency"]', '长乐区政府');
  await p.click('#qm-run');
  await p.waitForFunction(() => window.__app!.store.get().query.status === 'ok', undefined, { timeout: 60_000 });
  expect(await p.textContent('#qm-status')).toContain('agency:长乐区政府');
  await p.click('button[data-tab="table"]');
  await p.waitForSelector('#qm-table tbody tr');
  await canvasSettled(p);
}

async function measureEveryMode(p: Page, tag: string): Promise<Record<string, { canvas: number; window: number; share: number }>> {
  const out: Record<string, { canvas: number; window: number; share: number }> = {};
  await exploreWithTasks(p);
  await canvasSettled(p);
  out.explore = await canvasShare(p);
  await p.screenshot({ path: screenshotPath(`layout-${tag}-explore`) });
  await queryWithCurated(p);
  out.query = await canvasShare(p);
  await p.screenshot({ path: screenshotPath(`layout-${tag}-query`) });
  await p.click('button[data-mode="present"]');
  await p.waitForSelector('#studio');
  out.present = await canvasShare(p);
  await p.screenshot({ path: screenshotPath(`layout-${tag}-present`) });
  await p.click('#present-view');
  await p.waitForSelector('#present-overlay:not([hidden])');
  await canvasSettled(p);
  out.slideshow = await canvasShare(p);
  await p.screenshot({ path: screenshotPath(`layout-${tag}-slideshow`) });
  await p.keyboard.press('Escape');
  await p.waitForSelector('#present-overlay', { state: 'hidden' });
  process.stderr.write(`canvas heights ${tag}: ${JSON.stringify(out)}\n`);
  return out;
}

beforeAll(async () => {
  let page: Page;
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await page.close();
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

const panelHeight = (p: Page) => p.evaluate(() => Math.round(document.querySelector('.mode-host')!.getBoundingClientRect().height));

describe('canvas height in every mode', () => {
  for (const [w, hgt] of [[1366, 768], [1920, 1080]] as const) {
    it(`keeps at least half of a ${w}×${hgt} window for the canvas in Explore, Query and Present`, async () => {
      const ctx = await session.browser.newContext({ viewport: { width: w, height: hgt }, deviceScaleFactor: 1, locale: 'zh-CN' });
      const p = await ctx.newPage();
      await p.goto(app.url);
      await p.waitForFunction(() => !!window.__console);
      const m = await measureEveryMode(p, `${w}x${hgt}`);
      for (const [mode, v] of Object.entries(m)) expect(v.share, `${mode}: ${v.canvas} of ${v.window} px`).toBeGreaterThanOrEqual(0.5);
      await ctx.close();
    });
  }

  it('resizes the split with the mouse and the keyboard, never past half the window, and remembers it', async () => {
    const ctx = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'en-US' });
    const p = await ctx.newPage();
    await p.goto(`${app.url}/?lang=en`);
    await p.waitForFunction(() => !!window.__console);
    await queryWithCurated(p);
    const handle = p.locator('.split-handle[data-split="top"]');
    expect(await handle.getAttribute('role')).toBe('separator');
    expect(await handle.getAttribute('aria-label')).toBe('Divider between the panel and the canvas');
    const start = await panelHeight(p);
    // Drag up by 120 px: the panel shrinks and the canvas grows by as much.
    const box = (await handle.boundingBox())!;
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 120, { steps: 6 });
    await p.mouse.up();
    const dragged = await panelHeight(p);
    expect(Math.abs(start - 120 - dragged)).toBeLessThanOrEqual(2);
    // Keyboard: ArrowDown grows it by a step, End asks for the most — which still leaves the canvas half.
    await handle.focus();
    await p.keyboard.press('ArrowDown');
    expect(await panelHeight(p)).toBe(dragged + 24);
    await p.keyboard.press('End');
    expect((await canvasShare(p)).share).toBeGreaterThanOrEqual(0.5);
    await p.keyboard.press('Home');
    const small = await panelHeight(p);
    expect(small).toBeLessThan(dragged);
    await p.screenshot({ path: screenshotPath('layout-split-small') });
    // Enter collapses the panel entirely, and again brings it back.
    await p.keyboard.press('Enter');
    expect(await p.isVisible('.mode-host')).toBe(false);
    expect((await canvasShare(p)).share).toBeGreaterThan(0.8);
    await p.keyboard.press('Enter');
    expect(await panelHeight(p)).toBe(small);
    await p.reload();
    await p.waitForFunction(() => !!window.__console);
    await p.click('button[data-mode="query"]');
    await p.waitForSelector('#qm-editor');
    expect(await panelHeight(p)).toBe(small);
    await ctx.close();
  });
});
