/*
 * The overview on arrival (issue 14), at 1366×768: the empty canvas shows what the graph holds with the
 * figures of GET /api/overview; every figure opens something in the graph (an agency → its tasks, a year →
 * that year's documents, the most recent plan → its outline); the overview steps aside once something is
 * drawn and comes back when the canvas is cleared; a change of documents refreshes it; both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

interface OverviewBody {
  counts: { documents: number; plans: number; tasks: number; agencies: number };
  years: { year: string; count: number }[];
  agencies: { lead: { id: string; name: string; tasks: number }[] };
  latestPlan: { id: string; name: string; tasks: number } | null;
}

let app: RunningServer;
let session: BrowserSession;
let page: Page;
let overview: OverviewBody;

const nodeIds = (p: Page) => p.evaluate(() => Object.keys(window.__app!.store.get().graph.nodes));
const clearCanvas = async (p: Page) => {
  await p.click('#btn-clear');
  await p.locator('#overview .ov-card').waitFor({ state: 'visible' });
};

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  overview = await (await fetch(`${app.url}/api/overview?limit=5`)).json() as OverviewBody;
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('the overview on arrival', () => {
  it('shows the counts, years, busiest agencies and the most recent plan on the empty canvas', async () => {
    await page.locator('#ov-documents').waitFor();
    const figure = async (id: string) => Number(await page.textContent(`#${id} strong`));
    expect(await figure('ov-documents')).toBe(overview.counts.documents);
    expect(await figure('ov-plans')).toBe(overview.counts.plans);
    expect(await figure('ov-tasks')).toBe(overview.counts.tasks);
    expect(await figure('ov-agencies')).toBe(overview.counts.agencies);
    expect(await page.locator('.ov-year').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.year))).toEqual(overview.years.map((y) => y.year));
    expect(await page.locator('.ov-rank[data-role="lead"] .ov-name').allTextContents()).toEqual(overview.agencies.lead.map((a) => a.name));
    expect(await page.textContent('.ov-plan-name')).toBe(overview.latestPlan!.name);
    // The overview sits inside the canvas area and leaves the canvas its size.
    const box = await page.locator('.ov-card').boundingBox();
    const cy = await page.locator('#cy').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(cy!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(cy!.x + cy!.width + 1);
    await page.screenshot({ path: screenshotPath('overview') });
  });

  it('opens an agency’s tasks from its figure, and steps aside while the canvas holds something', async () => {
    const agency = overview.agencies.lead[0]!;
    await page.click(`.ov-rank[data-role="lead"] .ov-agency[data-id="${agency.id}"]`);
    await page.waitForFunction(() => window.__app!.store.get().queryResult?.name === 'tasks-of-agency');
    expect(await nodeIds(page)).toContain(agency.id);
    await page.locator('#overview').waitFor({ state: 'hidden' });
    await canvasSettled(page);
  });

  it('comes back when the canvas is cleared, and opens a year’s documents from its bar', async () => {
    await clearCanvas(page);
    const year = overview.years[overview.years.length - 1]!;
    await page.click(`.ov-year[data-year="${year.year}"]`);
    await page.waitForFunction(() => Object.keys(window.__app!.store.get().graph.nodes).length > 0);
    const docs = (await nodeIds(page)).filter((id) => id.startsWith('document:'));
    expect(docs).toHaveLength(year.count);
    await page.locator('#overview').waitFor({ state: 'hidden' });
  });

  it('puts the most recent plan on the canvas from its button', async () => {
    await clearCanvas(page);
    await page.click('#ov-show-plan');
    await page.waitForFunction(() => window.__app!.store.get().queryResult?.name === 'plan-outline');
    const ids = await nodeIds(page);
    expect(ids).toContain(overview.latestPlan!.id);
    expect(ids.filter((id) => id.startsWith('task:'))).toHaveLength(overview.latestPlan!.tasks);
    await canvasSettled(page);
  });

  it('re-reads when documents change', async () => {
    await clearCanvas(page);
    const plan = '2031年福州市数据要素工作要点\n\n一、数据流通\n1. 建设数据交易专区。（责任单位：市大数据委）\n\n福州市人民政府办公厅\n2031年3月1日\n';
    const status = await page.evaluate(async (text) => {
      const form = new FormData();
      form.append('file', new File([text], 'data-2031.txt'));
      const res = await fetch('api/documents', { method: 'POST', body: form, headers: { 'X-Requested-With': 'test' } });
      window.__app!.store.dispatch('documentsChanged', (s) => ({ documentsVersion: s.documentsVersion + 1 }));
      return res.status;
    }, plan);
    expect(status).toBe(200);
    await page.waitForFunction((n) => document.querySelector('#ov-documents strong')?.textContent === String(n), overview.counts.documents + 1);
    expect(await page.locator('.ov-year[data-year="2031"]').count()).toBe(1);
    expect(await page.textContent('.ov-plan-name')).toBe('2031年福州市数据要素工作要点');
  });

  it('speaks English when the UI does', async () => {
    await page.click('#lang-toggle');
    expect(await page.textContent('#ov-title')).toBe('What the graph holds');
    expect(await page.textContent('#ov-documents span')).toBe('documents');
    expect(await page.textContent('#ov-show-plan')).toBe('Show the most recent plan');
    await page.screenshot({ path: screenshotPath('overview-en') });
    await page.click('#lang-toggle');
  });
});
