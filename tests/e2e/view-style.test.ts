/*
 * Colour and size by label or by degree, kept in scenes and links, drawn in exports (issue 15), at
 * 1366×768: the 长乐区政府 tasks view gets a new colour for agencies from the legend's palette (a too
 * faint colour is refused with the reason) and node size by degree; saved as a scene, reset, the page
 * reloaded and the scene opened, every node has its colour and size again; a share link opened in a fresh
 * browser context draws the same; the PNG export with a title and legend has 2× the canvas size and the
 * title inside, the SVG the title and legend as text, and the user's viewport is put back; one label
 * sized by hand, uniform size, and the reset.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { readPngSize, readPngTexts, readSvgSize } from '../../client/src/export/png-info.ts';
import { DEFAULT_SETTINGS } from '../../client/src/settings.ts';
import { canvasSettled, OUT_DIR, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const NAVY = '#1e3a8a';
const TITLE = '长乐区政府的任务（按关系数）';

/** Every node's fill and width as Cytoscape draws them, by id. */
type Looks = Record<string, { fill: string; size: number; label: string }>;
const looksOf = (p: Page): Promise<Looks> => p.evaluate(() => {
  const out: Record<string, { fill: string; size: number; label: string }> = {};
  window.__app!.cy.nodes().forEach((n) => {
    out[n.id()] = { fill: String(n.style('background-color')), size: Math.round(n.width()), label: String(n.data('label')) };
  });
  return out;
});

async function downloadOf(p: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([p.waitForEvent('download'), p.click(selector)]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await page.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('node colour and size chosen in the legend', () => {
  let styled: Looks;
  let agency = '';

  it('changes the agencies\' colour from the palette, refuses a faint one and sizes nodes by their relationships on the canvas', async () => {
    const form = page.locator('form.query[data-query="tasks-of-agency"]');
    // Typed, not picked from the suggestions: the server resolves the exact name (the picker is tested elsewhere).
    await form.locator('input.entity-param').fill('长乐区政府');
    await form.locator('button[type=submit]').click();
    // The first curated query of a fresh database is slow when the machine is busy (load ~40 on 2 cores seen).
    await page.locator('#results-table tbody tr').first().waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => window.__app!.store.get().runningQuery === null && window.__app!.cy.nodes().length >= 12);
    await canvasSettled(page);
    const before = await looksOf(page);
    agency = Object.keys(before).find((id) => id === 'agency:长乐区政府')!;
    expect(agency).toBeTruthy();

    await page.click('.legend-edit[data-style-label="Agency"]');
    await page.waitForSelector('[data-style-editor="Agency"]');
    // Task's blue is taken: its chip is disabled, saying why.
    const taskBlue = page.locator('[data-style-editor="Agency"] .style-chip[data-colour="#2563eb"]');
    expect(await taskBlue.isDisabled()).toBe(true);
    expect(await taskBlue.getAttribute('title')).toMatch(/任务/);
    // A faint colour typed in the colour input is refused with the contrast it has.
    await page.locator('[data-style-colour="Agency"]').fill('#fef9c3');
    await page.waitForSelector('.style-refusal');
    expect(await page.textContent('.style-refusal')).toMatch(/太浅（对比度 1\.\d:1，至少 3:1）/);
    expect((await looksOf(page))[agency]!.fill).toBe(before[agency]!.fill);

    await page.click(`[data-style-editor="Agency"] .style-chip[data-colour="${NAVY}"]`);
    await page.waitForFunction(() => window.__app!.store.get().style.colors.Agency === '#1e3a8a');
    await page.selectOption('#style-size-mode', 'degree');
    await page.fill('#style-degree-max', '90');
    await page.press('#style-degree-max', 'Enter');
    await page.waitForFunction(() => window.__app!.store.get().style.degreeMax === 90);
    await canvasSettled(page);
    styled = await looksOf(page);
    const agencies = Object.values(styled).filter((l) => l.label === 'Agency');
    expect(agencies.length).toBeGreaterThan(0);
    for (const l of agencies) expect(l.fill).toBe('rgb(30,58,138)');
    // 长乐区政府 has the most relationships on the canvas (its 4 tasks and the group's); it is the largest.
    const degrees = await page.evaluate(() => Object.fromEntries(window.__app!.cy.nodes().map((n) => [n.id(), n.degree(false)])));
    const most = Math.max(...Object.values(degrees));
    for (const [id, d] of Object.entries(degrees)) {
      if (d === most) expect(styled[id]!.size).toBe(90);
      else expect(styled[id]!.size).toBeLessThan(90);
    }
    expect(new Set(Object.values(styled).map((l) => l.size)).size).toBeGreaterThan(1);
    // The details badge and the legend's swatch follow the chosen colour.
    await page.evaluate((id) => window.__app!.actions.select(id), agency);
    await page.waitForFunction(() => window.__app!.store.get().details?.status === 'ok');
    expect(await page.locator('#details .badge').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(30, 58, 138)');
    await page.screenshot({ path: screenshotPath('view-style-01-legend') });
  });

  it('is saved with a scene: after a reset and a reload, opening the scene draws the same colours and sizes', async () => {
    await page.click('button[data-mode="present"]');
    await page.fill('#scene-name', '按关系数');
    await page.click('#scene-save');
    await page.click('button[data-mode="explore"]');
    await page.click('#style-reset');
    await page.waitForFunction(() => window.__app!.store.get().style.sizeMode === 'label');
    expect((await looksOf(page))[agency]!.fill).not.toBe(styled[agency]!.fill);

    await page.reload();
    await page.waitForFunction(() => !!window.__console);
    await page.click('button[data-mode="present"]');
    await page.click('.st-item .st-name');
    await page.waitForFunction(() => window.__app!.cy.nodes().length >= 12);
    await canvasSettled(page);
    expect(await looksOf(page)).toEqual(styled);
    await page.screenshot({ path: screenshotPath('view-style-02-scene') });
  });

  it('travels in a share link: a fresh browser context draws the same colours and sizes', async () => {
    await page.click('#share-link');
    const url = await page.inputValue('#share-url');
    const ctx = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'zh-CN' });
    try {
      const p = await ctx.newPage();
      p.on('pageerror', (e) => process.stderr.write(`pageerror (fresh): ${e.message}\n`));
      await p.goto(url);
      await p.waitForFunction(() => !!window.__console && window.__app!.cy.nodes().length >= 12);
      await canvasSettled(p);
      expect(await looksOf(p)).toEqual(styled);
      expect(await p.evaluate(() => window.__app!.store.get().style.colors)).toEqual({ Agency: NAVY });
      await p.screenshot({ path: screenshotPath('view-style-03-shared') });
    } finally {
      await ctx.close();
    }
  });

  it('exports a PNG and an SVG with a title above the graph and the legend, and puts the viewport back', async () => {
    const view = () => page.evaluate(() => ({ zoom: window.__app!.cy.zoom(), pan: window.__app!.cy.pan(), w: window.__app!.cy.width(), h: window.__app!.cy.height() }));
    const before = await view();
    await page.fill('#export-title', TITLE);
    expect(await page.isChecked('#export-legend')).toBe(true);
    const png = await downloadOf(page, '#export-png2');
    const bytes = new Uint8Array(png.bytes);
    const size = readPngSize(bytes);
    expect(Math.abs(size.width - 2 * before.w)).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - 2 * before.h)).toBeLessThanOrEqual(1);
    expect(readPngTexts(bytes)).toEqual({ Title: TITLE });
    fs.writeFileSync(`${OUT_DIR}/view-style-export.png`, png.bytes);
    expect(await view()).toEqual(before);

    const svg = (await downloadOf(page, '#export-svg')).bytes.toString('utf8');
    expect(readSvgSize(svg)).toEqual({ width: before.w, height: before.h });
    expect(svg).toMatch(new RegExp(`<text class="export-title"[^>]*>${TITLE}</text>`));
    expect(svg).toContain('class="export-legend"');
    expect(svg).toContain(`fill="${NAVY}"`);
    expect(svg).toContain('节点大小：画布上的关系数');

    // Without a title the image has none, in the file or its metadata.
    await page.uncheck('#export-title-on');
    expect(readPngTexts(new Uint8Array((await downloadOf(page, '#export-png2')).bytes))).toEqual({});
    await page.check('#export-title-on');
  });

  it('keeps the colours and sizes when the view is presented', async () => {
    await page.click('#studio-present-view');
    await page.waitForSelector('#present-overlay:not([hidden])');
    await canvasSettled(page);
    const shown = await looksOf(page);
    for (const [id, l] of Object.entries(styled)) expect({ id, fill: shown[id]!.fill, size: shown[id]!.size }).toEqual({ id, fill: l.fill, size: l.size });
    await page.screenshot({ path: screenshotPath('view-style-04-present') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#present-overlay', { state: 'hidden' });
  });

  it('sizes one label by hand, every node alike in uniform mode, and resets to the defaults', async () => {
    await page.click('button[data-mode="explore"]');
    await page.selectOption('#style-size-mode', 'label');
    if (!(await page.isVisible('[data-style-editor="Task"]'))) await page.click('.legend-edit[data-style-label="Task"]');
    await page.fill('[data-style-size="Task"]', '56');
    await page.press('[data-style-size="Task"]', 'Enter');
    await page.waitForFunction(() => window.__app!.store.get().style.sizes.Task === 56);
    let looks = await looksOf(page);
    for (const l of Object.values(looks)) expect(l.size).toBe(l.label === 'Task' ? 56 : DEFAULT_SETTINGS.labelStyles[l.label]!.size);

    await page.selectOption('#style-size-mode', 'uniform');
    await page.fill('#style-uniform', '24');
    await page.press('#style-uniform', 'Enter');
    await page.waitForFunction(() => window.__app!.store.get().style.uniformSize === 24);
    expect(new Set(Object.values(await looksOf(page)).map((l) => l.size))).toEqual(new Set([24]));
    await page.screenshot({ path: screenshotPath('view-style-05-uniform') });

    await page.click('#style-reset');
    await page.waitForFunction(() => window.__app!.store.get().style.sizeMode === 'label');
    looks = await looksOf(page);
    expect(looks[agency]).toEqual({ fill: 'rgb(220,38,38)', size: DEFAULT_SETTINGS.labelStyles.Agency!.size, label: 'Agency' });
    expect(await page.isDisabled('#style-reset')).toBe(true);
  });
});
