/*
 * Shareable links end to end: put a graph on the canvas, move a node, copy the link, open it in a fresh
 * browser context (no storage shared) and get the same node ids at the same positions and the caption.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { drawCypher } from './canvas-helpers.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const positions = (p: Page) => p.evaluate(() => Object.fromEntries(window.__app!.cy.nodes().map((n) => [n.id(), { ...n.position() }])));

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1400, height: 900 }));
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('shareable links', () => {
  it('reopens the same view in a fresh page', async () => {
    // Drawn and laid out first: a layout still gliding would carry the hand-moved node away again.
    await drawCypher(page, 'MATCH (a:Agency)-[r:MEMBER_OF]->(g:Agency) RETURN a, r, g');
    // Move one node by hand so the link has to carry a position no layout would reproduce.
    // Braces: returning the collection would make Playwright serialise all of Cytoscape (tens of seconds).
    await page.evaluate(() => { window.__app!.cy.nodes().first().position({ x: 1234.4, y: -321.6 }); });
    await page.click('button[data-mode="present"]');
    await page.fill('#scene-caption', '成员关系');
    await page.click('#share-link');
    const url = await page.inputValue('#share-url');
    expect(url).toMatch(/#view=[zj][A-Za-z0-9_-]+$/);
    const before = await positions(page);
    expect(Object.keys(before).length).toBeGreaterThan(2);

    const fresh = await session.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const other = await fresh.newPage();
    await other.goto(url);
    await other.waitForFunction(() => !!window.__console);
    await other.evaluate(() => window.__console!.ready);
    const after = await positions(other);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [id, p] of Object.entries(before)) {
      expect(Math.abs(after[id]!.x - p.x)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(after[id]!.y - p.y)).toBeLessThanOrEqual(0.5);
    }
    expect(await other.evaluate(() => window.__app!.store.get().scenes.caption)).toBe('成员关系');
    expect(await other.evaluate(() => window.__app!.cy.edges().length)).toBeGreaterThan(0);
    await other.screenshot({ path: screenshotPath('share-01-opened') });
    await fresh.close();
  });

  it('says so when the view is too large for a link and offers the JSON file', async () => {
    await page.evaluate(() => {
      const cy = window.__app!.cy;
      const nodes = Array.from({ length: 1500 }, (_, i) => ({ group: 'nodes' as const, data: { id: `synthetic:${i}-${Math.random().toString(36).slice(2)}` }, position: { x: Math.random() * 9000, y: Math.random() * 9000 } }));
      cy.add(nodes);
    });
    await page.click('#share-link');
    await page.waitForSelector('#share-too-large');
    expect(await page.textContent('#share-too-large')).toMatch(/KB/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#share-download')]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
  });
});
