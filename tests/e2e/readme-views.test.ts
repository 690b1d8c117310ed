/*
 * The README's pictures, taken by this test at 1366×768 into docs/screenshots/ (issue 15, "Done when"), and
 * the check that the first of them reads cleanly: the scripted journey's view (长乐区政府 → 机构负责的任务)
 * with no two shown captions overlapping, none cut off by the canvas's edge and none under 12 px, read
 * from the label boxes Cytoscape itself draws. Then Query with the curated query loaded (form, table and
 * graph in view) and Present (the same view as a slide with its caption).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { canvasSettled, captionsFitted, openAppPage, viewAtRest } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { changleTasks } from './canvas-helpers.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const SHOTS = path.join(ROOT_DIR, 'docs', 'screenshots');
const readmeShot = (name: string) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, `${name}.png`);
};

interface LabelReport {
  shown: number;
  hidden: number;
  overlaps: string[];
  cut: string[];
  smallestPx: number;
  canvas: { w: number; h: number };
}

/**
 * The captions Cytoscape draws (label not emptied by level of detail, font not under its min-zoomed cut-off),
 * their rendered boxes (labels only), and which of them overlap or leave the canvas.
 */
const labelReport = (p: Page): Promise<LabelReport> => p.evaluate(() => {
  const cy = window.__app!.cy;
  const zoom = cy.zoom();
  const w = cy.width(), h = cy.height();
  type B = { id: string; name: string; x1: number; y1: number; x2: number; y2: number };
  const boxes: B[] = [];
  let hidden = 0;
  let smallestPx = Infinity;
  cy.nodes().forEach((n) => {
    const label = String(n.style('label') ?? '');
    const fontPx = parseFloat(String(n.style('font-size'))) * zoom;
    const minPx = parseFloat(String(n.style('min-zoomed-font-size')));
    if (!label || fontPx < minPx || n.style('display') === 'none' || n.style('visibility') === 'hidden') { hidden++; return; }
    smallestPx = Math.min(smallestPx, fontPx);
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
    boxes.push({ id: n.id(), name: label, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  });
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!, c = boxes[j]!;
      const ox = Math.min(a.x2, c.x2) - Math.max(a.x1, c.x1), oy = Math.min(a.y2, c.y2) - Math.max(a.y1, c.y1);
      if (ox > 0.5 && oy > 0.5) overlaps.push(`${a.name} × ${c.name} (${ox.toFixed(1)}×${oy.toFixed(1)} px)`);
    }
  }
  const cut = boxes.filter((b) => b.x1 < 0 || b.y1 < 0 || b.x2 > w || b.y2 > h)
    .map((b) => `${b.name} [${b.x1.toFixed(0)},${b.y1.toFixed(0)} – ${b.x2.toFixed(0)},${b.y2.toFixed(0)}] of ${w}×${h}`);
  return { shown: boxes.length, hidden, overlaps, cut, smallestPx: Math.round(smallestPx * 10) / 10, canvas: { w, h } };
});

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  // Shared CI machines answer a cold embedded Neo4j slowly; the checks below are about the picture, not speed.
  page.setDefaultTimeout(180_000);
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('the README views at 1366×768', () => {
  it('draws 长乐区政府\'s tasks with no overlapping, cut-off or tiny captions (Explore)', async () => {
    await changleTasks(page);
    // The layout's fit and any refit after the results drawer opened must be over before captions are measured.
    await viewAtRest(page);
    await captionsFitted(page);
    const r = await labelReport(page);
    process.stderr.write(`长乐区政府 view labels: ${JSON.stringify(r)}\n`);
    expect(r.shown).toBeGreaterThan(0);
    expect(r.overlaps).toEqual([]);
    expect(r.cut).toEqual([]);
    expect(r.smallestPx).toBeGreaterThanOrEqual(11.9);
    // The agency and most of its tasks keep their captions: level of detail must not hide the picture.
    expect(r.shown).toBeGreaterThanOrEqual(Math.ceil((r.shown + r.hidden) / 2));
    await page.mouse.move(2, 760);
    await page.screenshot({ path: readmeShot('tasks-of-agency') });
  }, 480_000);

  it('presents the view as a slide with its caption (Present)', async () => {
    await page.click('button[data-mode="present"]');
    await page.waitForSelector('#studio');
    await page.fill('#scene-caption', '长乐区政府负责的 11 项任务');
    await page.click('#scene-save');
    await page.click('#present-start');
    await page.waitForSelector('#present-overlay:not([hidden])');
    await canvasSettled(page);
    await captionsFitted(page);
    const r = await labelReport(page);
    process.stderr.write(`slide labels: ${JSON.stringify(r)}\n`);
    expect(r.overlaps).toEqual([]);
    expect(r.cut).toEqual([]);
    await page.screenshot({ path: readmeShot('present') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#present-overlay', { state: 'hidden' });
  }, 480_000);

  it('shows the curated query\'s form, its table and its graph together (Query)', async () => {
    await page.click('button[data-mode="query"]');
    await page.waitForSelector('#qm-curated option[value="tasks-of-agency"]', { state: 'attached' });
    await page.selectOption('#qm-curated', 'tasks-of-agency');
    await page.waitForSelector('#qm-params input[data-param="agency"]');
    await page.fill('#qm-params input[data-param="agency"]', '长乐区政府');
    await page.click('#qm-run');
    await page.waitForFunction(() => window.__app!.store.get().query.status === 'ok', undefined, { timeout: 120_000 });
    await page.click('button[data-tab="table"]');
    await page.waitForSelector('#qm-table tbody tr');
    await canvasSettled(page);
    await captionsFitted(page);
    // The form sits under the editor in the panel above the canvas: bring it into that panel's view, as a user would scroll.
    await page.locator('#qm-params input[data-param="agency"]').scrollIntoViewIfNeeded();
    const inView = await page.evaluate(() => {
      // Really on screen: what the page shows at the element's centre is the element (not a panel scrolled past it).
      const vis = (sel: string) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
        return r.height > 0 && !!hit && (hit === el || el.contains(hit));
      };
      return { params: vis('#qm-params input[data-param="agency"]'), table: vis('#qm-table tbody tr'), nodes: window.__app!.cy.nodes().length };
    });
    expect(inView).toMatchObject({ params: true, table: true });
    expect(inView.nodes).toBeGreaterThan(10);
    const r = await labelReport(page);
    process.stderr.write(`query labels: ${JSON.stringify(r)}\n`);
    expect(r.overlaps).toEqual([]);
    expect(r.cut).toEqual([]);
    await page.mouse.move(2, 760);
    await page.screenshot({ path: readmeShot('query-curated') });
  }, 480_000);
});
