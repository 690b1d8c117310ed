/*
 * A stable, readable canvas at 1366×768 (issue 15): the first click on a node selects it; an expansion
 * leaves every node already placed where it was; clearing a filter puts hidden nodes back where they
 * were; a whole-graph layout runs only on request and can be undone; pinned nodes are marked; captions
 * are never drawn below 12 px on screen, never overlap (level of detail hides the less important one),
 * and a shortened name shows in full on hover. Screenshots: test-output/e2e/canvas-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { changleTasks, clickElement, largestMove, positions, screenPoint } from './canvas-helpers.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await changleTasks(page);
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

const taskIds = (p: Page) => p.evaluate(() => window.__app!.cy.nodes('[label = "Task"]').map((n) => n.id()));

describe('a stable canvas', () => {
  it('selects a node on the first click (it used to be toggled off again by additive selection)', async () => {
    await page.evaluate(() => window.__app!.actions.select(null));
    const task = (await taskIds(page))[0]!;
    await clickElement(page, task);
    await page.waitForFunction((id) => window.__app!.store.get().selected === id, task);
    expect(await page.evaluate((id) => window.__app!.cy.getElementById(id).selected(), task)).toBe(true);
    expect(await page.evaluate(() => window.__app!.cy.nodes(':selected').length)).toBe(1);
    await page.waitForSelector('#details .details-name');
    // A second, different node: again one click, and only it is selected.
    const other = (await taskIds(page))[1]!;
    await clickElement(page, other);
    await page.waitForFunction((id) => window.__app!.store.get().selected === id, other);
    expect(await page.evaluate(() => window.__app!.cy.nodes(':selected').map((n) => n.id()))).toEqual([other]);
    // Shift+click adds to the selection; state follows.
    await clickElement(page, task!, { shift: true });
    await page.waitForFunction(() => window.__app!.store.get().explore.selection.length === 2);
    await page.screenshot({ path: screenshotPath('canvas-first-click') });
  });

  it('keeps every placed node where it was (within 1 px) when a node is expanded', async () => {
    const before = await positions(page);
    const agency = await page.evaluate(() => window.__app!.cy.nodes('[label = "Agency"]').filter((n) => n.data('group') !== 1).first().id());
    await page.evaluate((id) => window.__app!.actions.expandNode(id), agency);
    await page.waitForFunction((n) => window.__app!.cy.nodes().length > n, Object.keys(before).length);
    await canvasSettled(page);
    const after = await positions(page);
    const added = Object.keys(after).length - Object.keys(before).length;
    const worst = largestMove(before, after);
    process.stderr.write(`expansion: ${Object.keys(before).length} placed nodes, ${added} added, largest move of a placed node ${worst.d.toFixed(3)} px\n`);
    expect(added).toBeGreaterThan(0);
    expect(worst.d, `${worst.id} moved`).toBeLessThanOrEqual(1);
    // The new nodes did not land on top of each other.
    const fresh = Object.entries(after).filter(([id]) => !before[id]).map(([, p]) => p);
    const close = fresh.filter((p, i) => fresh.some((q, j) => j !== i && Math.hypot(p.x - q.x, p.y - q.y) < 20)).length;
    expect(close).toBe(0);
    await page.click('#btn-fit');
    await canvasSettled(page);
    await page.screenshot({ path: screenshotPath('canvas-after-expansion') });
  });

  it('puts hidden nodes back where they were when the filter is cleared', async () => {
    const before = await positions(page);
    await page.click('.legend-row[data-label="Task"]');
    await page.waitForFunction(() => window.__app!.cy.nodes('[label = "Task"]').length === 0);
    await page.click('#filter-clear');
    await page.waitForFunction((n) => window.__app!.cy.nodes().length === n, Object.keys(before).length);
    await canvasSettled(page);
    const worst = largestMove(before, await positions(page));
    process.stderr.write(`filter cleared: largest move ${worst.d.toFixed(3)} px\n`);
    expect(worst.d, `${worst.id} moved`).toBeLessThanOrEqual(1);
  });

  it('runs the whole-graph layout only on request, and undo puts every node back', async () => {
    const before = await positions(page);
    await page.click('#btn-relayout');
    await page.waitForFunction(() => window.__app!.store.get().log.includes('relayout'));
    await canvasSettled(page);
    const laid = await positions(page);
    expect(largestMove(before, laid).d).toBeGreaterThan(5);
    await page.click('#btn-undo');
    await page.waitForFunction(() => window.__app!.store.get().log.at(-1) === 'undo');
    await canvasSettled(page);
    const worst = largestMove(before, await positions(page));
    process.stderr.write(`layout undone: largest move ${worst.d.toFixed(3)} px\n`);
    expect(worst.d, `${worst.id} moved`).toBeLessThanOrEqual(1);
    // And redo brings the new layout back.
    await page.click('#btn-redo');
    await canvasSettled(page);
    expect(largestMove(laid, await positions(page)).d).toBeLessThanOrEqual(1);
  });

  it('marks a pinned node with a pin', async () => {
    const task = (await taskIds(page))[0]!;
    await clickElement(page, task, { button: 'right' });
    await page.click('#menu-pin');
    await page.waitForFunction((id) => window.__app!.cy.getElementById(id).hasClass('pinned'), task);
    const style = await page.evaluate((id) => {
      const n = window.__app!.cy.getElementById(id);
      return { image: String(n.style('background-image')), border: n.style('border-style'), locked: n.locked() };
    }, task);
    expect(style.image).toContain('data:image/svg+xml');
    expect(style).toMatchObject({ border: 'solid', locked: true });
    const pt = await screenPoint(page, task!);
    await page.screenshot({ path: screenshotPath('canvas-pinned'), clip: { x: Math.max(0, pt.x - 120), y: Math.max(0, pt.y - 80), width: 240, height: 160 } });
  });
});

describe('readable captions at 1366×768', () => {
  it('draws no caption below 12 px on screen and none overlapping another, after fit', async () => {
    await page.click('#btn-fit');
    await canvasSettled(page);
    // The level-of-detail pass runs once the view has settled, and says which zoom it fitted captions to.
    await page.waitForFunction(() => document.querySelector('#cy')?.getAttribute('data-caption-zoom') === window.__app!.cy.zoom().toFixed(4));
    const m = await page.evaluate(() => {
      const cy = window.__app!.cy;
      const zoom = cy.zoom();
      const shown = cy.nodes().filter((n) => !n.hasClass('nolabel') && String(n.data('caption') ?? '') !== '');
      const boxes = shown.map((n) => ({ id: n.id(), b: n.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false } as never) }));
      let overlaps = 0;
      const pairs: string[] = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.b, b = boxes[j]!.b;
        const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1), oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        // Overlap measured on screen; 2 px of touching text backgrounds is not an overlap.
        if (ox * zoom > 2 && oy * zoom > 2) { overlaps++; pairs.push(`${boxes[i]!.id} × ${boxes[j]!.id}`); }
      }
      const fonts = shown.map((n) => parseFloat(String(n.style('font-size'))) * zoom);
      return { zoom, nodes: cy.nodes().length, shown: shown.length, hidden: cy.nodes('.nolabel').length, minFont: Math.min(...fonts), overlaps, pairs: pairs.slice(0, 5) };
    });
    process.stderr.write(`captions at fit: ${JSON.stringify(m)}\n`);
    await page.screenshot({ path: screenshotPath('canvas-captions-1366') });
    expect(m.minFont).toBeGreaterThanOrEqual(12 - 0.01);
    expect(m.overlaps, m.pairs.join('; ')).toBe(0);
    expect(m.shown).toBeGreaterThan(0);
  });

  it('shows a shortened name in full on hover, on the canvas and as the tooltip', async () => {
    const id = await page.evaluate(() => window.__app!.cy.nodes().filter((n) => String(n.data('caption')).endsWith('…')).first().id());
    expect(id).toBeTruthy();
    const full = await page.evaluate((nid) => String(window.__app!.cy.getElementById(nid).data('name')), id);
    const pt = await screenPoint(page, id);
    await page.mouse.move(pt.x, pt.y);
    await page.waitForFunction((name) => document.querySelector('#cy')?.getAttribute('title') === name, full);
    expect(await page.evaluate((nid) => String(window.__app!.cy.getElementById(nid).style('label')), id)).toBe(full);
    await page.screenshot({ path: screenshotPath('canvas-hover-full-name') });
    await page.mouse.move(5, 5);
  });
});
