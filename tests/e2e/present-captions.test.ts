/*
 * Present's first slide fits its captions, at 1366×768: a long task caption — wrapped under its node in the
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

let app: RunningServer;
let session: BrowserSession;
let page: Page;

interface CaptionCheck {
  /** Nodes whose rendered box, caption included, reaches past the canvas or under an overlay. */
  cut: string[];
  /** Nodes whose caption is drawn (not hidden by the level of detail), and the widest caption against its node. */
  captioned: number;
  widest: { id: string; label: number; body: number };
}

/** Every node's rendered box with its caption (Cytoscape's renderedBoundingBox includeLabels), against the canvas and the overlays. */
const captions = (p: Page): Promise<CaptionCheck> => p.evaluate(() => {
  const cy = window.__app!.cy;
  const area = cy.container()!.getBoundingClientRect();
  const overlays = [...document.querySelectorAll<HTMLElement>('#present-overlay > *')]
    .filter((el) => !el.hidden && el.textContent?.trim() && el.getBoundingClientRect().height > 0)
    .map((el) => ({ id: el.id || el.className, r: el.getBoundingClientRect() }));
  const cut: string[] = [];
  let captioned = 0;
  let widest = { id: '', label: 0, body: 0 };
  cy.nodes().forEach((n) => {
    const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
    const body = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    if (n.style('label')) {
      captioned++;
      if (b.w > widest.label) widest = { id: n.id(), label: b.w, body: body.w };
    }
    const box = { left: area.left + b.x1, right: area.left + b.x2, top: area.top + b.y1, bottom: area.top + b.y2 };
    if (box.left < area.left || box.right > area.right || box.top < area.top || box.bottom > area.bottom) {
      cut.push(`${n.id()} outside the canvas (${Math.round(b.x1)},${Math.round(b.y1)})-(${Math.round(b.x2)},${Math.round(b.y2)}) of ${Math.round(area.width)}×${Math.round(area.height)}`);
    }
    for (const o of overlays) {
      if (box.left < o.r.right && box.right > o.r.left && box.top < o.r.bottom && box.bottom > o.r.top) cut.push(`${n.id()} under ${o.id}`);
    }
  });
  return { cut, captioned, widest };
});

/**
 * Waits for the slide show to show its slide, keeps a screenshot, and checks that the long captions are drawn
 * (wider than their nodes, so they are what is measured) and none is cut.
 */
async function expectWholeCaptions(screenshot: string): Promise<void> {
  await page.waitForSelector('#present-overlay:not([hidden])');
  await canvasSettled(page);
  await captionsFitted(page);
  const slide = await captions(page);
  await page.screenshot({ path: screenshotPath(screenshot) });
  expect(slide.captioned).toBeGreaterThanOrEqual(4);
  expect(slide.widest.label, `the widest caption (${slide.widest.id}) is wider than its node`).toBeGreaterThan(2 * slide.widest.body);
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
    expect((await captions(page)).cut, 'the studio canvas').toEqual([]);
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
