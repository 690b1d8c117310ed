/*
 * The Collaboration network and Workload views at 1366×768 on the seed documents: the network is drawn over
 * the canvas (at least half the window), a click on an edge lists the tasks the two agencies share with the
 * source sentence, the members toggle brings the group back as a node, and the workload table sorts, charts
 * one agency and opens its tasks on the canvas. Screenshots: test-output/e2e/collaboration.png, workload.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

interface OverlayCy { edges(): { length: number }; nodes(): { length: number } }
declare global { interface HTMLElement { cy?: OverlayCy } }

/** The network's own Cytoscape instance, once it has nodes and edges. */
const networkDrawn = (p: Page) => p.waitForFunction(() => {
  const cy = document.querySelector<HTMLElement>('#collab-canvas')?.cy;
  return !!cy && cy.edges().length > 0 && /Louvain/.test(document.querySelector('#collab-status')?.textContent ?? '');
}, undefined, { timeout: 60_000 });

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('the collaboration network', () => {
  it('draws agencies and weighted edges over at least half the window, coloured by cluster', async () => {
    await page.click('button[data-mode="analysis"]');
    await page.click('.analysis-tabs button[data-view="collaboration"]');
    await networkDrawn(page).catch(async (e) => {
      await page.screenshot({ path: screenshotPath('collaboration-failed') });
      throw e;
    });
    const box = await page.locator('#collab-canvas').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(768 / 2);
    const drawn = await page.evaluate(() => {
      const cy = document.querySelector<HTMLElement>('#collab-canvas')!.cy as unknown as import('cytoscape').Core;
      return {
        nodes: cy.nodes().length, edges: cy.edges().length,
        colours: new Set(cy.nodes().map((n) => n.data('colour'))).size,
        widths: new Set(cy.edges().map((e) => e.data('width'))).size,
        group: cy.getElementById('agency:各县(市)区政府').nonempty(),
      };
    });
    expect(drawn.nodes).toBeGreaterThan(10);
    expect(drawn.colours).toBeGreaterThan(1);
    expect(drawn.widths).toBeGreaterThan(1);
    // Members count for the group by default, so the group itself is no node.
    expect(drawn.group).toBe(false);
    expect(await page.locator('#collab-clusters li').count()).toBeGreaterThan(1);
  });

  it('lists the tasks two agencies share, with the sentence naming them, when their edge is clicked', async () => {
    // The heaviest edge that has a spot along it clear of every agency's circle, clicked there.
    const target = await page.evaluate(() => {
      const cy = document.querySelector<HTMLElement>('#collab-canvas')!.cy as unknown as import('cytoscape').Core;
      const rect = cy.container()!.getBoundingClientRect();
      const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
      const clear = (x: number, y: number) => x > 10 && y > 10 && x < rect.width - 10 && y < rect.height - 10
        && boxes.every((b) => x < b.x1 - 4 || x > b.x2 + 4 || y < b.y1 - 4 || y > b.y2 + 4);
      for (const edge of cy.edges().sort((a, b) => b.data('weight') - a.data('weight')).toArray() as import('cytoscape').EdgeSingular[]) {
        const s = edge.source().renderedPosition();
        const t = edge.target().renderedPosition();
        for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const x = s.x + (t.x - s.x) * f;
          const y = s.y + (t.y - s.y) * f;
          if (clear(x, y)) return { x: rect.left + x, y: rect.top + y, id: edge.id() };
        }
      }
      return null;
    });
    expect(target).not.toBeNull();
    // Another edge may cross the same spot; whichever edge the click picks must list its own tasks.
    await page.mouse.click(target!.x, target!.y);
    await page.locator('#collab-shared li').first().waitFor();
    const picked = await page.evaluate(() => {
      const cy = document.querySelector<HTMLElement>('#collab-canvas')!.cy as unknown as import('cytoscape').Core;
      const e = cy.edges('.picked').first();
      return { shared: e.data('sharedTasks') as number };
    });
    expect(await page.locator('#collab-shared li').count()).toBe(picked.shared);
    const first = page.locator('#collab-shared li').first();
    expect((await first.locator('blockquote').textContent())!.length).toBeGreaterThan(10);
    expect(await page.textContent('#collaboration h4')).toMatch(/项共同任务/);
    await page.screenshot({ path: screenshotPath('collaboration') });
  });

  it('opens the source document at the evidence sentence', async () => {
    await page.locator('#collab-shared li blockquote button').first().click();
    await page.waitForSelector('#doc-viewer:not([hidden])');
    await page.waitForFunction(() => window.__app!.store.get().document?.status === 'ok');
    expect(await page.evaluate(() => window.__app!.store.get().document?.highlight)).not.toBeNull();
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.__app!.actions.closeDocument());
  });

  it('draws the group as a node of its own when members do not count for it', async () => {
    await page.uncheck('#collab-members');
    await page.waitForFunction(() => {
      const cy = document.querySelector<HTMLElement>('#collab-canvas')?.cy as unknown as import('cytoscape').Core | undefined;
      return !!cy && cy.getElementById('agency:各县(市)区政府').nonempty();
    }, undefined, { timeout: 30_000 });
    await page.check('#collab-members');
    await networkDrawn(page);
  });

  it('speaks English after the language switch, numbers and names aside', async () => {
    await page.click('#lang-toggle');
    await page.waitForFunction(() => /agencies/.test(document.querySelector('#collab-status')?.textContent ?? ''));
    expect(await page.textContent('.analysis-tabs button[data-view="collaboration"]')).toBe('Collaboration network');
    expect(await page.textContent('#collaboration label[title]')).toContain('Count groups for their members');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => /个机构/.test(document.querySelector('#collab-status')?.textContent ?? ''));
  });
});

describe('the workload view', () => {
  it('ranks agencies in a sortable table with a bar chart over the years', async () => {
    await page.click('.analysis-tabs button[data-view="workload"]');
    await page.locator('#workload-table tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#collab-canvas').count()).toBe(0);
    const totals = async () => page.$$eval('#workload-table tbody tr', (rows) => rows.map((r) => Number(r.children[7]!.textContent)));
    const ranked = await totals();
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    await page.click('#workload-table th[data-sort="total"]');
    const ascending = await totals();
    expect(ascending).toEqual([...ranked].sort((a, b) => a - b));
    await page.click('#workload-table th[data-sort="total"]');
    const box = await page.locator('#workload-chart').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(768 / 2);
    expect(await page.locator('#workload-chart canvas').count()).toBeGreaterThan(0);
  });

  it('charts one agency when its row is clicked, and opens its tasks on the canvas', async () => {
    const row = page.locator('#workload-table tbody tr[data-agency="agency:长乐区政府"]');
    await row.click();
    await page.waitForSelector('#workload-top');
    const cells = await row.locator('td').allTextContents();
    // 4 tasks named directly (responsible, no printed role) and 7 through 各县(市)区政府.
    // (rank, agency, area, then the five counts)
    expect(cells[2]).toBe('长乐区');
    expect(cells.slice(3, 8).map(Number)).toEqual([0, 0, 4, 7, 11]);
    await page.screenshot({ path: screenshotPath('workload') });
    await row.locator('button[data-tasks]').click();
    await page.waitForFunction(() => window.__app!.store.get().mode === 'explore');
    // The drawer fills in as the result arrives: wait for the whole answer, 4 direct + 7 through the group.
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 11, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__app!.store.get().mode)).toBe('explore');
  });
});
