/*
 * Query mode end to end against the real app and the seed documents: type a query in the CodeMirror
 * editor, run it with Ctrl+Enter and see the table; a syntax error is marked at its position; a write is
 * refused with the server's reason; the history survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

async function typeQuery(p: Page, text: string): Promise<void> {
  await p.click('#qm-editor .cm-content');
  await p.keyboard.press('Control+A');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(text);
}

const idle = (p: Page) => p.waitForFunction(() => window.__app!.store.get().query.status !== 'running');

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1600, height: 1000 }));
  await page.waitForFunction(() => !!window.__app?.store.get().schema);
  await page.click('button[data-mode="query"]');
  await page.waitForSelector('#qm-editor .cm-content');
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('query mode', () => {
  it('runs a query with a parameter on Ctrl+Enter and shows the table, the time and the row count', async () => {
    await typeQuery(page, 'MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task)\nWHERE a.name = $agency\nRETURN a.name AS agency, t.number AS number, t.name AS task, r.role AS role\nORDER BY t.order');
    await page.fill('#qm-params input[data-param="agency"]', '长乐区政府');
    await page.click('#qm-editor .cm-content');
    await page.keyboard.press('Control+Enter');
    await idle(page);
    await page.click('button[data-tab="table"]');
    await page.waitForSelector('#qm-table tbody tr');
    const rows = await page.locator('#qm-table tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(4);
    // Headed in the UI's language like Explore's table; the user's own alias is in each header's tooltip.
    expect((await page.locator('#qm-table thead th').allTextContents()).map((t) => t.trim())).toEqual(['机构', '编号', '任务', '角色']);
    expect(await page.locator('#qm-table thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')))).toEqual(['agency', 'number', 'task', 'role']);
    expect(await page.locator('#qm-table thead th').first().getAttribute('title')).toContain('agency');
    // A role is named, not printed as stored.
    expect(await page.locator('#qm-table tbody td:nth-child(4)').allTextContents()).not.toContain('responsible');
    expect(await page.locator('#qm-table tbody tr:first-child td:first-child').textContent()).toBe('长乐区政府');
    const status = await page.locator('#qm-status').evaluate((el) => ({ rows: (el as HTMLElement).dataset.rows, ms: (el as HTMLElement).dataset.ms, text: el.textContent }));
    expect(Number(status.rows)).toBe(rows);
    expect(Number(status.ms)).toBeGreaterThanOrEqual(0);
    expect(status.text).toMatch(/行/);
    await page.click('button[data-tab="json"]');
    expect(JSON.parse((await page.textContent('#qm-json')) ?? '{}').columns).toEqual(['agency', 'number', 'task', 'role']);
    await page.screenshot({ path: screenshotPath('console-01-table') });
  });

  it('draws a graph result on the canvas', async () => {
    await typeQuery(page, 'MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t LIMIT 10');
    await page.keyboard.press('Control+Enter');
    await idle(page);
    const drawn = await page.evaluate(() => ({ nodes: window.__app!.cy.nodes().length, edges: window.__app!.cy.edges().length }));
    expect(drawn.nodes).toBeGreaterThan(2);
    expect(drawn.edges).toBeGreaterThan(0);
  });

  it('completes labels from the schema', async () => {
    await typeQuery(page, 'MATCH (a:Agen');
    await page.waitForSelector('.cm-tooltip-autocomplete li');
    expect(await page.locator('.cm-tooltip-autocomplete li').first().textContent()).toContain('Agency');
    await page.keyboard.press('Escape');
  });

  it('marks a syntax error at its position', async () => {
    await typeQuery(page, 'MATCH (n)\nRETRN n');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#qm-error:not([hidden])');
    expect(await page.getAttribute('#qm-error', 'data-code')).toBe('CYPHER_SYNTAX');
    expect(await page.textContent('#qm-error')).toMatch(/第 2 行第 1 列/);
    expect(await page.textContent('.cm-error-mark')).toBe('RETRN');
    await page.screenshot({ path: screenshotPath('console-02-syntax-error') });
  });

  it('shows the server reason when a write is refused', async () => {
    await typeQuery(page, "CREATE (n:Agency {name: 'x'}) RETURN n");
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#qm-error[data-code="FORBIDDEN_QUERY"]');
    const text = await page.textContent('#qm-error');
    expect(text).toMatch(/^已拒绝/);
    expect(text).toMatch(/CREATE/);
    await page.screenshot({ path: screenshotPath('console-03-refused') });
  });

  it('keeps the history in the browser across a reload', async () => {
    await page.reload();
    await page.waitForFunction(() => !!window.__console);
    await page.click('button[data-mode="query"]');
    const history = await page.evaluate(() => window.__app!.store.get().query.history.map((h) => h.query));
    expect(history[0]).toMatch(/^CREATE/);
    expect(history.some((q) => q.includes('$agency'))).toBe(true);
    expect(await page.locator('#qm-history option').count()).toBeGreaterThanOrEqual(history.length);
  });
});
