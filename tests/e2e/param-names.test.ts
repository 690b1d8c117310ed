/*
 * Parameters by name, never by id (issue 15): a curated form's entity field is a picker with the search
 * suggestions; an agency that does not exist is named as such in the UI's language (not "VALIDATION_FAILED
 * … must be a string"); a typed name runs the query for that agency; the Query console takes a name where
 * the query compares an id, or says that no such entity exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const FORM = 'form.query[data-query="tasks-of-agency"]';
const UNKNOWN = '不存在的测试机构';

/** Types a value without picking a suggestion and submits the form. */
async function submitAgency(p: Page, value: string): Promise<void> {
  await p.fill(`${FORM} input.entity-param`, value);
  await p.click(`${FORM} button[type=submit]`);
  await p.waitForFunction(() => window.__app!.store.get().runningQuery === null);
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await page.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('curated forms take names', () => {
  it('offers the search suggestions of the parameter\'s label in the entity field', async () => {
    await page.fill(`${FORM} input.entity-param`, '长乐');
    const item = page.locator(`${FORM} .suggest-item`).first();
    await item.waitFor();
    expect(await page.locator(`${FORM} .suggest-label`).allTextContents()).toEqual(['机构']);
    await item.click();
    expect(await page.inputValue(`${FORM} input.entity-param`)).toBe('长乐区政府');
    expect(await page.getAttribute(`${FORM} input.entity-param`, 'placeholder')).toBe('输入机构名称或拼音,从建议中选择');
  });

  it('says in Chinese that there is no agency of that name', async () => {
    await submitAgency(page, UNKNOWN);
    const box = page.locator('#q-error-tasks-of-agency');
    await box.waitFor();
    expect(await box.textContent()).toBe(`没有名为“${UNKNOWN}”的机构`);
    expect(await page.getAttribute(`${FORM} input.entity-param`, 'aria-invalid')).toBe('true');
    expect(await page.textContent('.toast')).not.toMatch(/VALIDATION_FAILED|must be/);
    await page.screenshot({ path: screenshotPath('params-01-unknown-agency-zh') });
  });

  it('says it in English in the English UI', async () => {
    await page.click('#lang-toggle');
    // The message follows the language switch, then a new run in English says it in English.
    await expect(page.textContent('#q-error-tasks-of-agency')).resolves.toBe(`No agency named “${UNKNOWN}”`);
    await submitAgency(page, UNKNOWN);
    await page.waitForFunction(() => window.__app!.store.get().runningQuery === null && !!window.__app!.store.get().formError);
    expect(await page.textContent('#q-error-tasks-of-agency')).toBe(`No agency named “${UNKNOWN}”`);
    await page.screenshot({ path: screenshotPath('params-02-unknown-agency-en') });
    await page.click('#lang-toggle');
  });

  it('runs the query for a name typed without picking a suggestion (an alias too)', async () => {
    await submitAgency(page, '长乐区人民政府');
    await page.locator('#results-table tbody tr').first().waitFor();
    expect(await page.locator('#results-table tbody tr').count()).toBe(11);
    expect(await page.isHidden('#q-error-tasks-of-agency')).toBe(true);
    // The derived edges start at the agency the name resolved to.
    await page.waitForFunction(() => window.__app!.cy.edges('[derived = 1]').length === 7);
  });
});

describe('the Query console takes names for id parameters', () => {
  const QUERY = 'MATCH (a:Agency {id: $agency})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t';

  async function run(p: Page, agency: string): Promise<void> {
    await p.click('button[data-mode="query"]');
    await p.click('#qm-editor .cm-content');
    await p.keyboard.press('Control+A');
    await p.keyboard.press('Delete');
    await p.keyboard.insertText(QUERY);
    await p.fill('#qm-params input[data-param="agency"]', agency);
    await p.click('#qm-run');
    await p.waitForFunction(() => window.__app!.store.get().query.status !== 'running');
  }

  it('looks up the id of a name and says it did', async () => {
    await run(page, '长乐区政府');
    expect(await page.evaluate(() => window.__app!.store.get().query.status)).toBe('ok');
    expect(await page.textContent('#qm-status')).toContain('“长乐区政府”');
    expect(await page.textContent('#qm-status')).toContain('agency:长乐区政府');
    expect(await page.evaluate(() => window.__app!.cy.nodes('[label = "Task"]').length)).toBe(4);
  });

  it('says that no agency has that name instead of returning no rows', async () => {
    await run(page, UNKNOWN);
    await page.waitForSelector('#qm-error[data-code="UNKNOWN_ENTITY"]');
    expect(await page.textContent('#qm-error')).toBe(`$agency 需要机构的 id:没有名为“${UNKNOWN}”的机构`);
    await page.screenshot({ path: screenshotPath('params-03-console-unknown') });
  });
});
