/*
 * Present's first slide fits its captions, at 1366×768: a long task caption — drawn under its node in the
 * slide show's large type — stays on the canvas and clear of the caption and help overlays, in the saved
 * slide show and in "present this view". Before the fit measured captions, it fitted node positions plus a
 * fixed margin and a caption at the edge ran off the canvas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, captionsFitted, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { drawCypher } from './canvas-helpers.ts';
import { slideBoxes } from './slide-boxes.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

/**
 * Waits for the slide show to show its slide, keeps a screenshot, and checks that the long captions are drawn
 * (wider than their nodes, so they are what is measured) and none is cut.
 */
async function expectWholeCaptions(screenshot: string): Promise<void> {
  await page.waitForSelector('#present-overlay:not([hidden])');
  await canvasSettled(page);
  await captionsFitted(page);
  const slide = await slideBoxes(page, { captions: true });
  await page.screenshot({ path: screenshotPath(screenshot) });
  expect(slide.captioned).toBeGreaterThanOrEqual(4);
  expect(slide.widest.width, `the widest caption (${slide.widest.id}) is wider than its node`).toBeGreaterThan(2 * slide.widest.body);
  expect(slide.cut).toEqual([]);
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe("Present's first slide", () => {
  it('shows every task caption whole, on the canvas and clear of the overlays', async () => {
    // 长乐区政府's tasks: long captions (numbered titles cut at the caption length with …).
    await drawCypher(page, "MATCH (a:Agency {name: '长乐区政府'})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t");
    // In a row, as a presenter might drag them: the slide is as wide as it gets, so the captions at both ends
    // are the ones a fit of node positions alone cut (the layout's own placement varies from run to run).
    await page.evaluate(() => window.__app!.cy.nodes().forEach((n, i) => { n.position({ x: i * 160, y: (i % 2) * 90 }); }));
    await page.click('button[data-mode="present"]');
    await canvasSettled(page);
    expect((await slideBoxes(page, { captions: true })).cut, 'the studio canvas').toEqual([]);
    await page.fill('#scene-caption', '长乐区政府直接负责的任务');
    await page.click('#scene-save');
    // As on a crowded canvas, where the level of detail hides captions (canvas/declutter.ts): at the slide's
    // zoom it shows them again, so the fit has to make room for them all the same.
    await page.evaluate(() => window.__app!.cy.nodes().addClass('nolabel'));
    await page.click('#present-start');
    await expectWholeCaptions('present-captions-first-slide');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#present-overlay', { state: 'hidden' });
  });

  it('shows them whole when the view is presented as it is, too', async () => {
    await page.click('#present-view');
    await expectWholeCaptions('present-captions-this-view');
    await page.keyboard.press('Escape');
  });
});
