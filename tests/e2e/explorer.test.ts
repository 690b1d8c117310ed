/*
 * The explorer end to end, in Debian's Chromium against the real app and the seed documents: search,
 * the tasks-of-agency query (direct and via the group), evidence and the document viewer, the language
 * toggle, expand + undo, and that expanding the biggest node never blocks the page for a second.
 * Screenshots of each step go to test-output/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, captionsFitted, happens, screenshotPath, startE2eApp, viewAtRest } from './app.ts';
import { openBrowser, type BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const canvasSummary = (p: Page) => p.evaluate(() => {
  const cy = window.__app!.cy;
  return { nodes: cy.nodes().map((n) => n.id()).sort(), edges: cy.edges().map((e) => e.id()).sort() };
});

/** Clicks (or double-clicks) a canvas node where it is drawn, like a user would. */
async function clickNode(p: Page, id: string, dbl = false): Promise<void> {
  const pos = await p.evaluate((nid) => {
    const el = window.__app!.cy.getElementById(nid);
    const box = window.__app!.cy.container()!.getBoundingClientRect();
    const r = el.renderedPosition();
    return { x: box.left + r.x, y: box.top + r.y };
  }, id);
  if (dbl) await p.mouse.dblclick(pos.x, pos.y);
  else await p.mouse.click(pos.x, pos.y);
}

/** Waits until undo or redo has put the canvas in `want` (the history step is one dispatch, drawn at once). */
const canvasBecomes = (p: Page, want: { nodes: string[]; edges: string[] }, what: string) =>
  expect.poll(() => canvasSummary(p), { timeout: 10_000, message: `${what}: the canvas did not become the expected one` }).toEqual(want);

beforeAll(async () => {
  app = await startE2eApp();
  session = await openBrowser();
  page = session.page;
  page.on('pageerror', (e) => process.stderr.write(`pageerror: ${e.message}\n`));
  await page.goto(app.url);
  await page.waitForFunction(() => !!window.__app && window.__app.store.get().queries.status !== 'loading');
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('explorer', () => {
  let agencyId = '';

  it('finds 长乐区政府 with suggestions and puts it on the canvas, selected', async () => {
    await expect(page.textContent('#app-title')).resolves.toBe('政策知识图谱');
    await page.keyboard.press('/');
    await page.keyboard.type('长乐区政府');
    const item = page.locator('.suggest-item[data-id^="agency:"]').first();
    await item.waitFor();
    await page.screenshot({ path: screenshotPath('01-search-suggestions') });
    agencyId = (await item.getAttribute('data-id')) ?? '';
    expect(agencyId).toMatch(/^agency:长乐区/);
    await item.click();
    await page.waitForFunction((id) => window.__app!.cy.getElementById(id).selected(), agencyId);
    await page.locator('.details-name').waitFor();
    expect(await page.textContent('.details-name')).toContain('长乐区');
  });

  it('finds an agency by pinyin initials (clq)', async () => {
    await page.fill('#search', 'clq');
    await page.locator('.suggest-item').first().waitFor();
    const ids = await page.locator('.suggest-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids.some((id) => id?.startsWith('agency:长乐区'))).toBe(true);
    await page.fill('#search', '');
    await page.keyboard.press('Escape');
  });

  it('runs tasks-of-agency: 11 tasks, 4 direct and 7 via the group, drawn differently', async () => {
    const form = page.locator('form.query[data-query="tasks-of-agency"]');
    await expect(form.locator('input.entity-param').inputValue()).resolves.toContain('长乐区');
    await form.locator('button[type=submit]').click();
    await page.locator('#results-table tbody tr').first().waitFor();
    await happens('the tasks-of-agency query to finish', page.waitForFunction(() => window.__app!.store.get().runningQuery === null));
    // Overlaps are judged on the final picture: the layout's fit, a refit after the results drawer opened, and
    // the caption sizes the level-of-detail pass chose for that zoom.
    await viewAtRest(page);
    await captionsFitted(page);
    const facts = await page.evaluate((aid) => {
      const cy = window.__app!.cy;
      const tasks = cy.nodes('[label = "Task"]');
      const direct = cy.edges(`[type = "RESPONSIBLE_FOR"][derived = 0][source = "${aid}"]`).targets('[label = "Task"]');
      const derived = cy.edges(`[derived = 1][source = "${aid}"]`).targets('[label = "Task"]');
      const boxes = cy.nodes().map((n) => ({ id: n.id(), ...n.boundingBox({ includeLabels: true }) }));
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!; const b = boxes[j]!;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push(`${a.id} × ${b.id}`);
      }
      return { tasks: tasks.length, direct: direct.length, derived: derived.length, overlaps, derivedStyle: cy.edges('[derived = 1]').first().style('line-style') };
    }, agencyId);
    expect(facts.tasks).toBe(11);
    expect(facts.direct).toBe(4);
    expect(facts.derived).toBe(7);
    expect(facts.derivedStyle).toBe('dashed');
    expect(facts.overlaps).toEqual([]);
    expect(await page.locator('#results-table tbody tr').count()).toBe(11);
    await expect(page.locator('.legend-row[data-label="Task"]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('02-tasks-of-agency') });
  });

  it('shows a task\'s evidence sentence with the printed 责任单位 list and opens the document at it', async () => {
    const taskId = await page.evaluate(() => window.__app!.cy.nodes('[label = "Task"]').filter((n) => String(n.data('caption')).startsWith('4、')).first().id());
    expect(taskId).toBeTruthy();
    await clickNode(page, taskId);
    await page.waitForFunction((id) => window.__app!.store.get().details?.id === id && window.__app!.store.get().details?.status === 'ok', taskId);
    const sentences = await page.locator('.sentence').allTextContents();
    expect(sentences.some((s) => s.includes('责任单位:市科技局、市工信局、鼓楼区政府、马尾区政府、长乐区政府'))).toBe(true);
    await page.screenshot({ path: screenshotPath('03-task-evidence') });
    await page.locator('.sentence', { hasText: '长乐区政府' }).first().click();
    const mark = page.locator('#doc-focus');
    await mark.waitFor();
    expect((await mark.textContent())?.length).toBeGreaterThan(0);
    // The viewer scrolls the sentence into the middle of its text on the next frame (panels/document.ts).
    await happens('the document viewer to scroll the evidence sentence into view', page.waitForFunction(() => {
      const m = document.querySelector('#doc-focus')?.getBoundingClientRect();
      const v = document.querySelector('#doc-viewer .doc-text')?.getBoundingClientRect();
      return !!m && !!v && m.height > 0 && m.top >= v.top && m.bottom <= v.bottom;
    }));
    expect(await mark.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('04-document-viewer') });
    await page.click('#doc-close');
    await expect(page.locator('#doc-viewer').isHidden()).resolves.toBe(true);
  });

  it('switches the UI to English', async () => {
    const before = await page.textContent('[data-i18n="queries"]');
    await page.click('#lang-toggle');
    await expect(page.textContent('[data-i18n="queries"]')).resolves.toBe('Curated queries');
    expect(before).toBe('常用查询');
    await expect(page.textContent('.tab[data-mode="explore"]')).resolves.toBe('Explore');
    await expect(page.textContent('#app-title')).resolves.toBe('Policy Knowledge Graph');
    await page.screenshot({ path: screenshotPath('05-english') });
  });

  it('expands a node and undo puts the canvas back as it was', async () => {
    const before = await canvasSummary(page);
    await clickNode(page, agencyId, true);
    await page.waitForFunction((n) => window.__app!.cy.nodes().length > n, before.nodes.length, { timeout: 10_000 });
    await page.locator('.node-menu').waitFor();
    // The new neighbours glide to their places.
    await canvasSettled(page);
    await page.screenshot({ path: screenshotPath('06-expanded') });
    const expanded = await canvasSummary(page);
    expect(expanded.nodes.length).toBeGreaterThan(before.nodes.length);
    await page.mouse.click(5, 5);
    await page.keyboard.press('Control+z');
    await canvasBecomes(page, before, 'Ctrl+Z after the expansion');
    await page.keyboard.press('Control+Shift+z');
    await canvasBecomes(page, expanded, 'Ctrl+Shift+Z after the undo');
    await page.click('#btn-undo');
    await canvasBecomes(page, before, 'the undo button after the redo');
  });

  it('expanding the best-connected nodes never blocks the page for a second', async () => {
    const rows = await app.db.read<{ id: string; degree: unknown }>('MATCH (n:Entity) RETURN n.id AS id, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 3');
    expect(rows.length).toBeGreaterThan(0);
    for (const { id } of rows) {
      await page.evaluate(async (nid) => {
        window.__app!.actions.clearCanvas();
        await window.__app!.actions.searchSelected(nid);
      }, id);
      // The search's own work is over (node drawn, details loaded) before the expansion is measured.
      await happens(`the details of ${id} to load`, page.waitForFunction((nid) => window.__app!.store.get().details?.id === nid && window.__app!.store.get().details?.status === 'ok', id));
      await canvasSettled(page);
      // Long tasks are recorded from the expansion's request until its placement has come to rest.
      await page.evaluate(async (nid) => {
        const w = window as unknown as { __longTasks: PerformanceObserver; __longest: number[] };
        w.__longest = [];
        w.__longTasks = new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longest.push(e.duration); });
        w.__longTasks.observe({ type: 'longtask', buffered: false });
        await window.__app!.actions.expandNode(nid);
      }, id);
      await canvasSettled(page);
      const result = await page.evaluate(() => {
        const w = window as unknown as { __longTasks: PerformanceObserver; __longest: number[] };
        // Entries of a task that just ended may not have reached the callback yet.
        for (const e of w.__longTasks.takeRecords()) w.__longest.push(e.duration);
        w.__longTasks.disconnect();
        return { longest: Math.max(0, ...w.__longest), nodes: window.__app!.cy.nodes().length };
      });
      process.stderr.write(`expand ${id}: ${result.nodes} nodes, longest task ${Math.round(result.longest)} ms\n`);
      expect(result.longest).toBeLessThan(1000);
    }
    await page.screenshot({ path: screenshotPath('07-largest-expanded') });
  });
});
