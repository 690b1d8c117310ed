/*
 * Result tables an analyst can use (issue 15), at 1366×768 against the real app and the seed documents:
 * Explore's results drawer and Query mode's table sort by a header click (numbers as numbers, ▲/▼ shown),
 * copy the whole result as TSV and export it as CSV (UTF-8 with a BOM); the Query panel shows several rows
 * while the canvas keeps half the window; a table-only result says it kept the previous graph; bookkeeping
 * keys are never shown.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const idle = (p: Page) => p.waitForFunction(() => window.__app!.store.get().runningQuery === null && window.__app!.store.get().query.status !== 'running');

async function typeQuery(p: Page, text: string): Promise<void> {
  await p.click('#qm-editor .cm-content');
  await p.keyboard.press('Control+A');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(text);
}

async function runQuery(p: Page, text: string): Promise<void> {
  await typeQuery(p, text);
  const run = await p.evaluate(() => window.__app!.store.get().query.run);
  await p.click('#qm-run');
  await p.waitForFunction((before) => window.__app!.store.get().query.run > before, run);
  await idle(p);
}

/** The cells of one column of a table, as shown, top to bottom. */
const columnTexts = (p: Page, table: string, column: string) => p.evaluate(({ table, column }) => {
  const t = document.querySelector<HTMLTableElement>(`#${table}`)!;
  const i = [...t.tHead!.rows[0]!.cells].findIndex((c) => c.dataset.column === column);
  return [...t.tBodies[0]!.rows].map((r) => r.cells[i]!.textContent ?? '');
}, { table, column });

/** Rows of a table wholly inside every scroller around it and the window, below its header: what the analyst sees. */
const visibleRows = (p: Page, table: string) => p.evaluate((table) => {
  const t = document.querySelector<HTMLTableElement>(`#${table}`)!;
  let bottom = window.innerHeight;
  for (let e = t.parentElement; e; e = e.parentElement) {
    if (/(auto|scroll|hidden)/.test(getComputedStyle(e).overflowY)) bottom = Math.min(bottom, e.getBoundingClientRect().bottom);
  }
  const head = t.tHead!.getBoundingClientRect();
  return [...t.tBodies[0]!.rows].filter((r) => {
    const b = r.getBoundingClientRect();
    return b.height > 0 && b.top >= head.bottom - 1 && b.bottom <= bottom + 1;
  }).length;
}, table);

const canvasShare = (p: Page) => p.evaluate(() => document.querySelector('#cy')!.getBoundingClientRect().height / window.innerHeight);

const asNumbers = (xs: string[]) => xs.map((x) => x.trim()).filter((x) => /^\d+(\.\d+)?$/.test(x)).map(Number);

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await page.waitForFunction(() => window.__app!.store.get().queries.status === 'ok' && !!window.__app!.store.get().schema);
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('the results drawer of Explore', () => {
  it('sorts by a header click with the direction shown, copies TSV and exports a CSV with a BOM', async () => {
    await page.fill('#search', '长乐区政府');
    await page.locator('.suggest-item[data-id^="agency:长乐区"]').first().click();
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('form.query[data-query="tasks-of-agency"] input.entity-param')?.value ?? '').includes('长乐区'));
    await page.locator('form.query[data-query="tasks-of-agency"] button[type=submit]').click();
    await page.locator('#results-table tbody tr').first().waitFor();
    await idle(page);
    const rowCount = await page.locator('#results-table tbody tr').count();
    expect(rowCount).toBeGreaterThanOrEqual(5);

    const th = page.locator('#results-table th[data-column="number"]');
    await th.click();
    await th.click();
    expect(await th.getAttribute('aria-sort')).toBe('descending');
    expect(await th.textContent()).toContain('▼');
    const desc = asNumbers(await columnTexts(page, 'results-table', 'number'));
    expect(desc.length).toBeGreaterThanOrEqual(3);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await th.click();
    await th.click();
    expect(await th.getAttribute('aria-sort')).toBe('ascending');
    const asc = asNumbers(await columnTexts(page, 'results-table', 'number'));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await canvasSettled(page);
    await page.screenshot({ path: screenshotPath('tables-explore-sorted') });

    await page.click('.results-head button[data-action="copy"]');
    await page.waitForFunction(() => !document.querySelector('.toast')?.hasAttribute('hidden'));
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const lines = tsv.split('\n');
    expect(lines).toHaveLength(rowCount + 1);
    expect(lines[0]!.split('\t')).toContain('编号');
    expect(lines.slice(1).map((l) => l.split('\t')[lines[0]!.split('\t').indexOf('编号')])).toEqual(await columnTexts(page, 'results-table', 'number'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.results-head button[data-action="csv"]')]);
    expect(download.suggestedFilename()).toBe('tasks-of-agency.csv');
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(csv).toHaveLength(rowCount + 1);
    expect(csv.join('\n')).toContain('长乐区');
  });
});

describe('a curated answer of counts in Explore', () => {
  it('sorts its counts as numbers in either direction', async () => {
    await page.evaluate(async () => {
      const def = window.__app!.store.get().queries.data!.find((q) => q.name === 'workload')!;
      await window.__app!.actions.runQuery(def, {});
    });
    await page.waitForFunction(() => window.__app!.store.get().queryResult?.name === 'workload');
    const th = page.locator('#results-table th[data-column="total"]');
    await th.click();
    const asc = (await columnTexts(page, 'results-table', 'total')).map(Number);
    expect(asc.length).toBeGreaterThan(3);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await th.click();
    const desc = (await columnTexts(page, 'results-table', 'total')).map(Number);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(desc[0]).toBeGreaterThan(desc[desc.length - 1]!);
  });
});

describe('the table of Query mode', () => {
  it('shows several rows at 1366×768 with the canvas at half the window, sorts numbers numerically and says it kept the graph', async () => {
    await page.click('button[data-mode="query"]');
    await page.waitForSelector('#qm-editor .cm-content');
    const graphBefore = await page.evaluate(() => Object.keys(window.__app!.store.get().graph.nodes).length);
    expect(graphBefore).toBeGreaterThan(0);
    await runQuery(page, 'MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(t:Task)\nRETURN a.name AS agency, count(t) AS tasks\nORDER BY agency\nLIMIT 40');
    await page.click('button[data-tab="table"]');
    await page.waitForSelector('#qm-table tbody tr');
    // A table-only result leaves the canvas as it was, and says so.
    expect(await page.isVisible('#qm-kept')).toBe(true);
    expect(await page.evaluate(() => Object.keys(window.__app!.store.get().graph.nodes).length)).toBe(graphBefore);

    const th = page.locator('#qm-table th[data-column="tasks"]');
    await th.click();
    await th.click();
    expect(await th.textContent()).toContain('▼');
    const tasks = (await columnTexts(page, 'qm-table', 'tasks')).map(Number);
    expect(tasks).toEqual([...tasks].sort((a, b) => b - a));
    expect(tasks[0]).toBeGreaterThanOrEqual(10);

    const shown = await visibleRows(page, 'qm-table');
    const share = await canvasShare(page);
    console.info(`tables: Query panel shows ${shown} result rows at 1366×768; canvas ${(share * 100).toFixed(1)} % of the window`);
    expect(shown).toBeGreaterThanOrEqual(5);
    expect(share).toBeGreaterThanOrEqual(0.5);
    await page.screenshot({ path: screenshotPath('tables-query-sorted') });

    await page.click('#qm-clear-canvas');
    await page.waitForFunction(() => Object.keys(window.__app!.store.get().graph.nodes).length === 0);
    expect(await page.isVisible('#qm-kept')).toBe(false);
  });

  it('never shows bookkeeping keys, in table cells or in the JSON view', async () => {
    await runQuery(page, "MATCH (a:Agency) WHERE a.name = '长乐区政府' RETURN a, properties(a) AS props");
    await page.click('button[data-tab="table"]');
    await page.waitForSelector('#qm-table tbody tr');
    const table = (await page.textContent('#qm-table')) ?? '';
    expect(table).toContain('长乐区政府');
    for (const key of ['pinyin', 'initials', 'aliasText', 'propsDoc']) expect(table).not.toContain(key);
    await page.click('button[data-tab="json"]');
    const json = (await page.textContent('#qm-json')) ?? '';
    expect(json).toContain('长乐区政府');
    for (const key of ['pinyin', 'initials', 'aliasText', 'propsDoc']) expect(json).not.toContain(`"${key}"`);
  });
});
