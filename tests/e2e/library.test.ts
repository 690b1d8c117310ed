/*
 * The document library and the reading view end to end at 1366×768, in Debian's Chromium against the real
 * app and the seed documents: Documents mode lists the seeds with what was read from each, sorts by date,
 * filters by year and searches titles; the 2019 plan opens in the reading view with highlights of every
 * type beside the canvas (which keeps half the window); a click on an agency selects it on the canvas with
 * its details; "put plan on canvas" draws its tasks and agencies. Then a plan of our own is uploaded
 * through the API, appears once documentsVersion goes up, is removed through the UI after a confirmation
 * naming its counts, and the graph's counts are back to what they were. A client that may not write sees no
 * removal, and a refused one is said in the UI's language. Screenshots: test-output/e2e/library*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { canvasSettled, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

const FIXTURE = path.join(ROOT_DIR, 'tests', 'fixtures', 'documents', 'library', 'minhou-digital-village-2024.txt');
const FIXTURE_ID = 'minhou-digital-village-2024';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

interface Row { docId: string; title: string; issued: string | null; year: string | null; plan: string | null; counts: Record<string, number> | null }
async function api<T>(p: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${app.url}/api/${p}`, init);
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return await res.json() as T;
}
const library = () => api<{ documents: Row[]; total: number; facets: { years: { year: string; count: number }[] } }>('documents?limit=1000');
const graphCounts = async () => { const s = await api<{ nodes: number; relationships: number; documents: number }>('stats'); return { nodes: s.nodes, relationships: s.relationships, documents: s.documents }; };

const rows = (p: Page) => p.$$eval('#lib-table tbody tr', (trs) => trs.map((tr) => ({
  docId: tr.getAttribute('data-doc') ?? '',
  issued: tr.querySelector('td[data-col="issued"]')?.textContent ?? '',
  title: tr.querySelector('td[data-col="title"]')?.textContent ?? '',
  tasks: tr.querySelector('td[data-col="tasks"]')?.textContent ?? '',
  responsibilities: tr.querySelector('td[data-col="responsibilities"]')?.textContent ?? '',
})));
const rowCount = (p: Page, n: number) => p.waitForFunction((k) => document.querySelectorAll('#lib-table tbody tr').length === k, n);
const canvasShare = (p: Page) => p.evaluate(() => {
  const r = document.querySelector('#cy')!.getBoundingClientRect();
  return { height: r.height / window.innerHeight, width: Math.round(r.width) };
});
const canvasIds = (p: Page) => p.evaluate(() => window.__app!.cy.nodes().map((n) => n.id()));

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  await page.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
  // A freshly started database on a busy machine may time out its first reads: wait until the library answers.
  await vi.waitFor(async () => expect((await fetch(`${app.url}/api/documents?limit=1`)).status).toBe(200), { timeout: 60_000, interval: 500 });
});
afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('document library', () => {
  let seeds: Row[] = [];

  it('lists every seed document with what was read from it, above a canvas that keeps half the window', async () => {
    seeds = (await library()).documents;
    expect(seeds.length).toBe(5);
    await page.click('button[data-mode="library"]');
    await rowCount(page, seeds.length);
    const shown = await rows(page);
    for (const d of seeds) {
      const r = shown.find((x) => x.docId === d.docId)!;
      expect(r.title).toBe(d.title);
      expect(r.tasks).toBe(d.counts ? String(d.counts.tasks) : '—');
      expect(r.responsibilities).toBe(d.counts ? String(d.counts.responsibilities) : '—');
    }
    expect(await page.textContent('#lib-range')).toBe(`第 1–${seeds.length} 篇,共 ${seeds.length} 篇`);
    const share = await canvasShare(page);
    process.stderr.write(`library: canvas ${JSON.stringify(share)}\n`);
    expect(share.height).toBeGreaterThanOrEqual(0.5);
    // The screenshot is the README's: let the rest of the page (the overview on the empty canvas) finish loading.
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: screenshotPath('library') });
  });

  it('sorts by date both ways, filters by year and searches titles', async () => {
    // The date column shows the printed date, else the document's year (a plan title's, an inferred dateline's).
    const dated = seeds.map((d) => d.issued ?? d.year).filter((x): x is string => !!x);
    await page.click('button[data-sort="issued"]');
    await page.waitForSelector('th[data-col="issued"][aria-sort="ascending"]');
    expect((await rows(page)).map((r) => r.issued).filter((x) => x !== '—')).toEqual([...dated].sort());
    await page.click('button[data-sort="issued"]');
    await page.waitForSelector('th[data-col="issued"][aria-sort="descending"]');
    expect((await rows(page)).map((r) => r.issued).filter((x) => x !== '—')).toEqual([...dated].sort().reverse());

    const year = (await library()).facets.years.find((y) => y.year === '2021')!;
    await page.selectOption('#lib-year', '2021');
    await rowCount(page, year.count);
    for (const r of await rows(page)) expect(r.issued.startsWith('2021')).toBe(true);
    await page.selectOption('#lib-year', '');
    await rowCount(page, seeds.length);

    await page.fill('#lib-search', '2019年数字');
    await rowCount(page, 1);
    expect((await rows(page))[0]!.title).toBe('2019年数字福州工作要点');
  });

  it('opens the 2019 plan beside the canvas with highlights of every type, and a click on an agency selects it', async () => {
    await page.click('#lib-table tbody tr[data-doc="002_bccb920477d76c9e"]');
    await page.waitForSelector('#rd-text mark.rd-mark');
    expect(await page.textContent('#rd-title')).toBe('2019年数字福州工作要点');
    for (const cat of ['agency', 'task', 'place', 'org', 'figure']) {
      expect(await page.locator(`#rd-text mark[data-cat="${cat}"]`).count(), cat).toBeGreaterThan(0);
      expect(await page.locator(`#rd-text mark[data-cat="${cat}"]`).first().isVisible(), cat).toBe(true);
    }
    // The text is the document's, as text: no markup of the document was interpreted.
    const text = await page.evaluate(() => document.querySelector('#rd-text')!.textContent);
    const doc = await api<{ document: { text: string } }>('documents/002_bccb920477d76c9e/readings');
    expect(text).toBe(doc.document.text);
    const share = await canvasShare(page);
    process.stderr.write(`reading view: canvas ${JSON.stringify(share)}\n`);
    expect(share.height).toBeGreaterThanOrEqual(0.5);
    expect(share.width).toBeGreaterThan(400);

    // A type toggles off and on.
    await page.click('.rd-cat[data-cat="task"]');
    expect(await page.getAttribute('.rd-cat[data-cat="task"]', 'aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.querySelector('#rd-text')!.classList.contains('hide-task'))).toBe(true);
    await page.click('.rd-cat[data-cat="task"]');

    const mark = page.locator('#rd-text mark[data-cat="agency"]').first();
    await mark.scrollIntoViewIfNeeded();
    const agency = (await mark.getAttribute('data-entity'))!;
    await mark.click();
    await page.waitForFunction((id) => window.__app!.store.get().selected === id && window.__app!.store.get().details?.status === 'ok', agency);
    expect(await canvasIds(page)).toContain(agency);
    expect(await page.evaluate((id) => window.__app!.cy.getElementById(id).selected(), agency)).toBe(true);
    const name = await page.evaluate(() => window.__app!.store.get().details?.data?.node.name);
    expect(await page.textContent('#details .details-name')).toBe(name);
    expect(await page.locator('#rd-text mark.rd-selected').count()).toBeGreaterThan(0);
    await canvasSettled(page);
    await page.screenshot({ path: screenshotPath('library-reading') });
  });

  it('puts the plan with its tasks and agencies on the canvas', async () => {
    const plan = seeds.find((d) => d.docId === '002_bccb920477d76c9e')!;
    await page.click('#rd-plan');
    await page.waitForFunction(() => window.__app!.store.get().queryResult?.name === 'plan-outline');
    await canvasSettled(page);
    const labels = await page.evaluate(() => window.__app!.cy.nodes().map((n) => n.data('label') as string));
    process.stderr.write(`plan on canvas: ${labels.filter((l) => l === 'Task').length} tasks, ${labels.filter((l) => l === 'Agency').length} agencies\n`);
    expect(labels.filter((l) => l === 'Task').length).toBe(plan.counts!.tasks);
    expect(labels.filter((l) => l === 'Agency').length).toBeGreaterThan(5);
    expect(await canvasIds(page)).toContain(plan.plan);
    expect((await canvasShare(page)).height).toBeGreaterThanOrEqual(0.5);
    await page.screenshot({ path: screenshotPath('library-plan') });
  });

  it('shows an uploaded document once documents change, and removes it through the UI, leaving the graph as before', async () => {
    await page.click('#rd-back');
    await page.waitForSelector('#library', { state: 'visible' });
    await page.fill('#lib-search', '');
    await rowCount(page, seeds.length);
    const before = await graphCounts();
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(FIXTURE)]), path.basename(FIXTURE));
    const up = await fetch(`${app.url}/api/documents`, { method: 'POST', body: form, headers: { 'X-Requested-With': 'e2e' } });
    expect(up.status).toBe(200);
    const added = (await library()).documents.find((d) => d.docId === FIXTURE_ID)!;
    expect(added.counts!.tasks).toBe(4);

    // Uploaded elsewhere: the page learns of it when the documents counter goes up.
    expect((await rows(page)).length).toBe(seeds.length);
    await page.evaluate(() => window.__app!.store.dispatch('documentsChanged', (s) => ({ documentsVersion: s.documentsVersion + 1 })));
    await rowCount(page, seeds.length + 1);
    expect((await rows(page)).find((r) => r.docId === FIXTURE_ID)?.tasks).toBe('4');

    // Its plan on the canvas, so the removal has nodes there to take away.
    await page.click(`#lib-table tbody tr[data-doc="${FIXTURE_ID}"]`);
    await page.waitForSelector('#rd-text mark.rd-mark');
    await page.click('#rd-plan');
    await page.waitForFunction((id) => window.__app!.cy.nodes().map((n) => n.id()).some((x) => x.includes(id)), FIXTURE_ID);
    const version = await page.evaluate(() => window.__app!.store.get().documentsVersion);

    await page.click('#rd-remove');
    await page.waitForSelector('#lib-confirm');
    const confirmText = await page.textContent('#lib-confirm');
    expect(confirmText).toContain(added.title);
    expect(confirmText).toContain(`任务 ${added.counts!.tasks} 项`);
    expect(confirmText).toContain(`责任关系 ${added.counts!.responsibilities} 对`);
    expect(confirmText).toContain('其他文档也支持的事实会保留');
    await page.screenshot({ path: screenshotPath('library-remove') });
    await page.click('#lib-confirm-ok');
    await page.waitForSelector('#lib-confirm', { state: 'detached' });
    await page.waitForFunction((v) => window.__app!.store.get().documentsVersion === v + 1, version);
    await page.waitForSelector('#reading', { state: 'hidden' });
    await rowCount(page, seeds.length);
    await page.waitForFunction((id) => !window.__app!.cy.nodes().map((n) => n.id()).some((x) => x.includes(id)), FIXTURE_ID);
    expect(await graphCounts()).toEqual(before);
    // Nodes the seeds also state stayed on the canvas.
    expect((await canvasIds(page)).length).toBeGreaterThan(0);
  });

  it('speaks English after the language switch', async () => {
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('th[data-col="title"]')?.textContent?.startsWith('Title'));
    expect(await page.textContent('#lib-range')).toBe(`1–${seeds.length} of ${seeds.length}`);
  });

  it('hides removal from a client that may not write, and says a refused removal in the UI language', async () => {
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('th[data-col="title"]')?.textContent?.startsWith('标题'));
    const reopen = async () => {
      await page.click('button[data-mode="explore"]');
      await page.click('button[data-mode="library"]');
      await rowCount(page, seeds.length);
    };
    // The server says this client may not write (as it does for a remote client without the token).
    await page.route('**/api/documents/capabilities', (route) => route.fulfill({ json: {
      write: { allowed: false, via: null, reason: 'not loopback', tokenRequired: false }, requiredHeader: 'X-Requested-With',
      limits: { maxFileBytes: 1, maxRequestBytes: 1, maxFiles: 1 }, extensions: ['.txt'],
    } }));
    const answered = page.waitForResponse('**/api/documents/capabilities');
    await reopen();
    await answered;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(await page.locator('.lib-remove').count()).toBe(0);
    await page.click('#lib-table tbody tr[data-doc="002_bccb920477d76c9e"]');
    await page.waitForSelector('#rd-text mark.rd-mark');
    expect(await page.locator('#rd-remove').count()).toBe(0);
    await page.unroute('**/api/documents/capabilities');

    // Allowed to ask, but the server refuses: the dialog says so in Chinese and nothing is removed.
    const before = await graphCounts();
    await page.route('**/api/documents/002_bccb920477d76c9e', (route) => (route.request().method() === 'DELETE'
      ? route.fulfill({ status: 403, json: { error: { code: 'FORBIDDEN', message: 'Uploads and removals are accepted from loopback only' } } })
      : route.continue()));
    await reopen();
    await page.click('.lib-remove[data-doc="002_bccb920477d76c9e"]');
    await page.click('#lib-confirm-ok');
    await page.waitForSelector('#lib-confirm-error:not([hidden])');
    expect(await page.textContent('#lib-confirm-error')).toBe('不允许此操作');
    await page.click('#lib-confirm-cancel');
    await page.waitForSelector('#lib-confirm', { state: 'detached' });
    expect(await graphCounts()).toEqual(before);
    expect((await rows(page)).length).toBe(seeds.length);
  });
});
