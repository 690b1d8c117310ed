/*
 * Exploring further without Cypher at 1366×768 (issue 15): two selected agencies expanded at once by
 * relationship type with "N of M shown" checked against the API; what a plan touches as one action from
 * its menu and as the curated query plan-touches; select all of a label from the legend; the edge
 * inspector (type, role, evidence sentence, document title opening the document) on an edge click in
 * Explore, Query and Present. Screenshots: test-output/e2e/explore-further-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, openAppPage, screenshotPath, viewAtRest } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { changleTasks, clickElement, edgeClickPoint, largestMove, positions } from './canvas-helpers.ts';

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

const api = async (path: string, body?: unknown) => {
  const res = await fetch(`${app.url}/api/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
};

describe('expanding a selection', () => {
  it('expands two selected agencies by one relationship type and says how many of how many are shown', async () => {
    const [a, b] = await page.evaluate(() => {
      const nodes = window.__app!.cy.nodes('[label = "Agency"]').map((n) => n.id());
      return nodes.slice(0, 2);
    });
    expect(a && b).toBeTruthy();
    await clickElement(page, a!);
    await page.waitForFunction((id) => window.__app!.store.get().selected === id, a);
    await clickElement(page, b!, { shift: true });
    await page.waitForFunction(() => window.__app!.store.get().explore.selection.length === 2);
    const before = await positions(page);
    await page.click('#btn-expand-selection');
    await page.waitForSelector('#expand-panel:not([hidden])');
    await page.waitForFunction(() => window.__app!.store.get().explore.expansion?.status === 'ok');
    const type = 'RESPONSIBLE_FOR';
    await page.selectOption('#expand-type', type);
    await page.click('#expand-go');
    await page.waitForSelector('#expand-status');
    await canvasSettled(page);
    const server = await api('expand', { ids: [a, b], types: [type], limit: 50 });
    const status = await page.textContent('#expand-status');
    process.stderr.write(`expand two agencies by ${type}: "${status}", server total ${server.total}, shown ${server.shown}\n`);
    expect(status).toBe(`已显示 ${server.shown} 个,共 ${server.total} 个`);
    expect(server.total).toBeGreaterThan(0);
    // Every neighbour the server gave is on the canvas, and only through that type.
    const onCanvas = await page.evaluate(() => window.__app!.cy.nodes().map((n) => n.id()));
    for (const n of server.nodes) expect(onCanvas).toContain(n.id);
    expect(await page.locator('#expand-more').count()).toBe(server.shown < server.total ? 1 : 0);
    // The nodes already placed stayed where they were.
    expect(largestMove(before, await positions(page)).d).toBeLessThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('explore-further-expand-selection') });

    // By label too: only Plan neighbours, counted by the server the same way.
    await page.selectOption('#expand-type', '');
    await page.selectOption('#expand-label', 'Plan');
    await page.click('#expand-go');
    await page.waitForFunction(() => window.__app!.store.get().explore.expansion?.label === 'Plan' && window.__app!.store.get().explore.expansion?.status === 'ok');
    const plans = await api('expand', { ids: [a, b], labels: ['Plan'], limit: 50 });
    expect(await page.textContent('#expand-status')).toBe(`已显示 ${plans.shown} 个,共 ${plans.total} 个`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#expand-panel', { state: 'hidden' });
  });

  it('selects every node of a label from the legend', async () => {
    await page.click('.legend-select[data-select-label="Task"]');
    const counts = await page.evaluate(() => ({
      selected: window.__app!.cy.nodes(':selected').map((n) => n.id()).sort(),
      tasks: window.__app!.cy.nodes('[label = "Task"]').map((n) => n.id()).sort(),
      state: [...window.__app!.store.get().explore.selection].sort(),
    }));
    expect(counts.selected).toEqual(counts.tasks);
    expect(counts.state).toEqual(counts.tasks);
    expect(await page.textContent('#btn-expand-selection')).toContain(`(${counts.tasks.length})`);
  });
});

describe('what a plan touches', () => {
  it("adds the plan's tasks' parks, platforms, companies and agencies from its menu in one step", async () => {
    const plan = await page.evaluate(() => window.__app!.cy.nodes('[label = "Plan"]').first().id());
    await page.evaluate(() => window.__app!.actions.select(null));
    await clickElement(page, plan, { button: 'right' });
    await page.click('#menu-touches');
    const server = await api(`nodes/${encodeURIComponent(plan)}/touches?limit=100`);
    await page.waitForFunction((ids: string[]) => ids.every((id) => window.__app!.cy.getElementById(id).nonempty()), server.nodes.map((n: { id: string }) => n.id));
    await canvasSettled(page);
    const touched = server.nodes.filter((n: { label: string }) => ['Park', 'Platform', 'Company', 'Agency'].includes(n.label));
    process.stderr.write(`plan touches ${plan}: ${JSON.stringify(server.totals)} (${touched.length} shown of ${server.total})\n`);
    expect(touched.length).toBeGreaterThan(0);
    expect(server.totals.Agency).toBeGreaterThan(0);
    await page.click('#btn-fit');
    await canvasSettled(page);
    await page.screenshot({ path: screenshotPath('explore-further-plan-touches') });
  });

  it('offers the same as the curated query plan-touches', async () => {
    const form = page.locator('form.query[data-query="plan-touches"]');
    await form.waitFor({ state: 'attached' });
    const plan = await page.evaluate(() => window.__app!.cy.nodes('[label = "Plan"]').first().data('name') as string);
    await form.locator('input.entity-param').fill(plan);
    await form.locator('button[type=submit]').click();
    await page.waitForFunction(() => window.__app!.store.get().queryResult?.name === 'plan-touches');
    const rows = await page.evaluate(() => window.__app!.store.get().queryResult!.rows.length);
    expect(rows).toBeGreaterThan(0);
    expect(await page.textContent('#results-table thead')).toContain('任务数');
  });
});

describe('the edge inspector', () => {
  const inspect = async (mode: string) => {
    // After a mode switch the canvas is resized a few frames later and may be refitted: click on the picture at rest.
    await viewAtRest(page);
    const edge = await edgeClickPoint(page, 'RESPONSIBLE_FOR');
    expect(edge, 'a point where only a responsibility edge is hit').toBeTruthy();
    await page.mouse.click(edge!.x, edge!.y);
    await page.waitForFunction((id) => window.__app!.store.get().explore.edge?.id === id, edge!.id);
    await page.waitForSelector('#edge-inspector:not([hidden]) .edge-doc');
    const text = await page.textContent('#edge-inspector');
    expect(text).toContain('负责');
    expect(await page.locator('#edge-inspector .role').count()).toBe(1);
    expect(await page.locator('#edge-inspector .sentence mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath(`explore-further-edge-${mode}`) });
    return edge!.id;
  };

  it('shows type, role, evidence and the document title on an edge click in Explore, and opens the document', async () => {
    await inspect('explore');
    const title = (await page.textContent('#edge-inspector .edge-doc')) ?? '';
    expect(title).toMatch(/《.+》/);
    await page.click('#edge-inspector .edge-doc');
    await page.waitForSelector('#doc-viewer:not([hidden])');
    await page.waitForFunction(() => window.__app!.store.get().document?.status === 'ok');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#edge-inspector', { state: 'hidden' });
  });

  it('shows it in Query mode too', async () => {
    await page.click('button[data-mode="query"]');
    await page.waitForFunction(() => window.__app!.store.get().mode === 'query');
    await inspect('query');
    await page.keyboard.press('Escape');
  });

  it('and in Present mode', async () => {
    await page.click('button[data-mode="present"]');
    await page.waitForSelector('#studio');
    await inspect('present');
    await page.keyboard.press('Escape');
    await page.click('button[data-mode="explore"]');
  });
});
