/*
 * An analyst's archive of several cities at 1366×768: the Fuzhou seeds plus 丽水's 2023 work-report duties and
 * 厦门's 2024 measures (real documents of the genre corpus). All three cities print 市发改委, which becomes an
 * alias of 福州市发展和改革委员会, 丽水市发改委 and 厦门市发改委. The walls this walks: the tasks-of-agency form
 * given 市发改委 answered with 丽水's tasks without a word (the first id in sort order); the 分工表's agency
 * field had no suggestions, so the area could not be seen before asking; the workload table showed names only
 * and could not be saved as a table. Now the form names the three candidates with their areas and runs the
 * one picked, the console refuses the name the same way, the 分工表 field suggests each agency with its area,
 * and the workload table has an area column that sorts and goes into its CSV.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadPaths } from '../../server/load/load-paths.ts';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { happens, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

const GENRE = path.join(ROOT_DIR, 'tests', 'fixtures', 'documents', 'genre');
const FUZHOU = 'agency:福州市发展和改革委员会';
const LISHUI = 'agency:丽水市发改委';
const XIAMEN = 'agency:厦门市发改委';

let app: RunningServer;
let session: BrowserSession;
let page: Page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-two-cities-'));

/** The API's own count of an agency's tasks, to hold the page's answer against. */
async function taskCount(agency: string): Promise<number> {
  const res = await fetch(`${app.url}/api/queries/tasks-of-agency`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'e2e' }, body: JSON.stringify({ params: { agency } }),
  });
  const body = await res.json() as { totals: { all: number } };
  return body.totals.all;
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await loadPaths(app.db, [path.join(GENRE, 'lishui-2023-work-report-duties.txt'), path.join(GENRE, 'xm-2024-economy-measures.txt')]);
  await page.reload();
  await page.waitForFunction(() => window.__app?.store.get().queries.status === 'ok');
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('three cities\' 市发改委 in one archive', () => {
  it('makes the tasks-of-agency form ask which 市发改委 is meant, naming each with its area, and run the one picked', async () => {
    const form = page.locator('.query[data-query="tasks-of-agency"]');
    await form.locator('input[data-param="agency"]').fill('市发改委');
    // Escape closes the field's suggestions (they would cover the button), as a user would.
    await form.locator('input[data-param="agency"]').press('Escape');
    await form.locator('button[type=submit]').click();
    const error = page.locator('#q-error-tasks-of-agency');
    await happens('the form to name the candidates of 市发改委', error.locator('.form-candidate').first().waitFor());
    const text = await error.textContent();
    expect(text).toContain('“市发改委”可指 3 个机构');
    for (const where of ['丽水市发改委(丽水市)', '厦门市发改委(厦门市)', '福州市发展和改革委员会(福州市)']) expect(text).toContain(where);
    expect(await error.locator('.form-candidate').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual([LISHUI, XIAMEN, FUZHOU]);
    // Nothing ran for a guessed agency.
    expect(await page.evaluate(() => window.__app!.store.get().queryResult)).toBeNull();
    await page.screenshot({ path: screenshotPath('two-cities-form-candidates') });

    await error.locator(`.form-candidate[data-id="${FUZHOU}"]`).click();
    await happens('the tasks of 福州市发展和改革委员会 to arrive', page.waitForFunction((id) => {
      const s = window.__app!.store.get();
      return s.queryResult?.name === 'tasks-of-agency' && !s.runningQuery && !!s.graph.nodes[id];
    }, FUZHOU));
    expect(await error.isHidden()).toBe(true);
    const rows = await page.evaluate(() => window.__app!.store.get().queryResult!.totals?.all);
    expect(rows).toBe(await taskCount(FUZHOU));
    expect(await page.evaluate((id) => !!window.__app!.store.get().graph.nodes[id], LISHUI)).toBe(false);
  });

  it('says the same in English, the areas still named', async () => {
    await page.click('#lang-toggle');
    const form = page.locator('.query[data-query="tasks-of-agency"]');
    await form.locator('input[data-param="agency"]').fill('市发改委');
    // Escape closes the field's suggestions (they would cover the button), as a user would.
    await form.locator('input[data-param="agency"]').press('Escape');
    await form.locator('button[type=submit]').click();
    const error = page.locator('#q-error-tasks-of-agency');
    await happens('the English form to name the candidates', page.waitForFunction(() => /could be any of 3/.test(document.querySelector('#q-error-tasks-of-agency')?.textContent ?? '')));
    expect(await error.textContent()).toContain('丽水市发改委 (丽水市), 厦门市发改委 (厦门市), 福州市发展和改革委员会 (福州市). Pick one');
    await page.click('#lang-toggle');
  });

  it('refuses 市发改委 for an id parameter of the Query console, naming the three, instead of taking the first suggestion', async () => {
    await page.click('button[data-mode="query"]');
    await page.click('#qm-editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('MATCH (a:Agency {id: $agency})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t');
    await page.fill('#qm-params input[data-param="agency"]', '市发改委');
    await page.click('#qm-run');
    await happens('the console to refuse 市发改委', page.waitForSelector('#qm-error[data-code="AMBIGUOUS_ENTITY"]'));
    expect(await page.textContent('#qm-error')).toBe('$agency: “市发改委”可指 3 个机构:丽水市发改委(丽水市)、厦门市发改委(厦门市)、福州市发展和改革委员会(福州市)。请选择其中一个');
    await page.click('button[data-mode="explore"]');
  });

  it('suggests each 市发改委 with its area in the 分工表\'s agency field, and shows the one picked', async () => {
    await page.click('button[data-mode="analysis"]');
    await page.click('.analysis-tabs button[data-view="breakdown"]');
    await page.locator('#bd-by-agency').click();
    await page.locator('#bd-agency').fill('市发改委');
    const item = (id: string) => page.locator(`#breakdown .suggest-item[data-id="${id}"]`);
    await happens('the suggestions of the 分工表 agency field', item(XIAMEN).waitFor());
    expect(await item(LISHUI).locator('.suggest-where').textContent()).toBe('丽水市');
    expect(await item(XIAMEN).locator('.suggest-where').textContent()).toBe('厦门市');
    expect(await item(FUZHOU).locator('.suggest-where').textContent()).toBe('福州市');
    // The list is not clipped by the panel: the picked item is really under the mouse.
    const box = (await item(XIAMEN).boundingBox())!;
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.suggest-item')?.getAttribute('data-id'), [box.x + 10, box.y + box.height / 2])).toBe(XIAMEN);
    await page.screenshot({ path: screenshotPath('two-cities-breakdown-suggestions') });
    await item(XIAMEN).click();
    await happens('厦门市发改委\'s tasks in the 分工表', page.waitForFunction(() => /^厦门市发改委 · /.test(document.querySelector('#bd-count')?.textContent ?? '')));
    expect(await page.locator('#bd-table tbody tr').count()).toBeGreaterThan(0);
  });

  it('answers Enter on 市发改委 in the search box, before any suggestion came, with the three to choose from, and takes a name only one agency has', async () => {
    // The value is set without an input event, so no suggestion is on its way: Enter alone decides.
    const typeThenEnter = async (text: string) => {
      await page.evaluate((t) => { const i = document.querySelector<HTMLInputElement>('#search')!; i.value = t; i.focus(); }, text);
      await page.keyboard.press('Enter');
    };
    const selectedBefore = await page.evaluate(() => window.__app!.store.get().selected);
    await typeThenEnter('市发改委');
    const items = page.locator('#search ~ .suggest .suggest-item');
    await happens('the search box to show the three 市发改委', page.waitForFunction(() => document.querySelectorAll('#search ~ .suggest:not([hidden]) .suggest-item').length >= 3));
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(expect.arrayContaining([FUZHOU, LISHUI, XIAMEN]));
    expect(await page.evaluate(() => window.__app!.store.get().selected)).toBe(selectedBefore);
    await page.screenshot({ path: screenshotPath('two-cities-search-enter') });
    await page.keyboard.press('Escape');
    await typeThenEnter('丽水市发改委');
    await happens('丽水市发改委 to be selected', page.waitForFunction((id) => window.__app!.store.get().selected === id, LISHUI));
  });

  it('answers the 分工表\'s 市发改委 typed without picking with the three candidates, not one city\'s table', async () => {
    await page.locator('#bd-agency').fill('市发改委');
    await page.click('#bd-agency-go');
    await happens('the 分工表 to say 市发改委 is ambiguous', page.waitForFunction(() => document.querySelector('#bd-status')?.getAttribute('data-status') === 'error'));
    expect(await page.textContent('#bd-status')).toContain('丽水市发改委(丽水市)、厦门市发改委(厦门市)、福州市发展和改革委员会(福州市)');
  });

  it('shows each agency\'s area in the workload table, sorts by it, and saves the table with the areas as CSV', async () => {
    await page.click('.analysis-tabs button[data-view="workload"]');
    await happens('the workload table', page.locator('#workload-table tbody tr').first().waitFor({ timeout: 60_000 }));
    const area = (id: string) => page.locator(`#workload-table tbody tr[data-agency="${id}"] td.wl-area`).textContent();
    expect(await area(LISHUI)).toBe('丽水市');
    expect(await area(XIAMEN)).toBe('厦门市');
    expect(await area(FUZHOU)).toBe('福州市');
    await page.click('#workload-table th[data-sort="area"]');
    // An agency of no known area says so (muted) and sorts last; the others in the collation's order.
    const areas = await page.$$eval('#workload-table tbody td.wl-area', (tds) => tds.map((td) => (td.classList.contains('muted') ? '' : td.textContent ?? '')));
    const known = areas.filter(Boolean);
    expect(areas).toEqual([...[...known].sort((a, b) => a.localeCompare(b, 'zh')), ...areas.filter((a) => !a)]);
    await page.screenshot({ path: screenshotPath('two-cities-workload') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#workload-csv')]);
    const file = path.join(tmp, 'workload.csv');
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['名次', '机构', '地区']);
    expect(lines).toHaveLength(areas.length + 1);
    // In the order shown: the CSV's area column is the table's.
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(areas);
    expect(lines.some((l) => l.split(',')[1] === '丽水市发改委' && l.split(',')[2] === '丽水市')).toBe(true);
  });
});
