/*
 * Presentation polish (issue 15), at 1366×768: a slide with a long caption is fitted above the caption and
 * below the top overlays (no node's box reaches under them), also once the evidence box is shown, and the
 * evidence names its document by title, not by file id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { slideBoxes } from './slide-boxes.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

/** Nodes whose body reaches past the canvas or under one of the overlays. */
const covered = async (p: Page) => (await slideBoxes(p, { captions: false })).cut;

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('a slide', () => {
  it('keeps every node clear of its caption and top overlays, with and without the evidence box, which names the document', async () => {
    await page.click('button[data-mode="query"]');
    await page.waitForSelector('#qm-editor .cm-content');
    await page.click('#qm-editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText("MATCH (a:Agency {name: '长乐区政府'})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t");
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => window.__app!.store.get().query.status === 'ok');
    await canvasSettled(page);
    await page.click('button[data-mode="present"]');
    await page.fill('#scene-caption', '长乐区政府直接负责的任务:从数字经济到公共服务平台,逐项落实到牵头和配合单位');
    await page.click('#scene-save');
    await page.click('#present-start');
    await page.waitForSelector('#present-overlay:not([hidden])');
    await canvasSettled(page);
    expect(await covered(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('present-polish-caption') });

    const pos = await page.evaluate(() => {
      const cy = window.__app!.cy;
      const e = cy.edges().first();
      const box = cy.container()!.getBoundingClientRect();
      const m = e.renderedMidpoint();
      return { x: box.left + m.x, y: box.top + m.y };
    });
    await page.mouse.click(pos.x, pos.y);
    await page.waitForFunction(() => window.__app!.store.get().present.evidence?.status === 'ok');
    await page.keyboard.press('e');
    await page.waitForSelector('#present-evidence:not([hidden]) #present-evidence-source');
    await canvasSettled(page);
    expect(await covered(page)).toEqual([]);
    const source = (await page.textContent('#present-evidence-source')) ?? '';
    const titles = await page.evaluate(async () => {
      const r = await fetch('api/documents?limit=100');
      const body = (await r.json()) as { documents: { id: string; title: string }[] };
      return body.documents.map((d) => d.title);
    });
    expect(titles.some((t) => source.endsWith(t)), `${source} names a document title`).toBe(true);
    await page.screenshot({ path: screenshotPath('present-polish-evidence') });
  });
});
