/*
 * The 分工表 and targets views end to end at 1366×768: the 2019 plan's table on screen, its XLSX downloaded
 * through the view's button and opened by LibreOffice (soffice --convert-to csv), checked row by row against
 * the hand-checked gold (tests/fixtures/gold/2019-work-plan-responsibility.json); then the targets view with
 * its chart, screenshotted for the README.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

interface Gold { plan: string; tasks: { number: string; title: string; responsible: string[] }[] }
const gold = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'gold', '2019-work-plan-responsibility.json'), 'utf8')) as Gold;

let app: RunningServer;
let session: BrowserSession;
let page: Page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-breakdown-'));

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

async function openView(p: Page, view: string): Promise<void> {
  await p.click('button[data-mode="analysis"]');
  await p.click(`.analysis-tabs button[data-view="${view}"]`);
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the 分工表 view', () => {
  it('shows the 2019 plan\'s 28 tasks with item 4\'s units as printed', async () => {
    await openView(page, 'breakdown');
    await page.selectOption('#bd-plan', `plan:${gold.plan}`);
    await page.waitForFunction(() => document.querySelectorAll('#bd-table tbody tr').length === 28 && !document.querySelector('#bd-status')?.textContent);
    const item4 = await page.$$eval('#bd-table tbody tr:nth-child(4) .bd-unit', (els) => els.map((e) => e.textContent));
    expect(item4).toEqual(gold.tasks[3]!.responsible);
    expect(await page.textContent('#bd-count')).toContain('95');
  });

  it('exports an XLSX that LibreOffice opens with the 28 rows and the 95 responsibility pairs in print order', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bd-xlsx')]);
    expect(download.suggestedFilename()).toBe(`${gold.plan}-重点任务分工表.xlsx`);
    const xlsx = path.join(tmp, 'breakdown.xlsx');
    await download.saveAs(xlsx);
    // Its own profile, so a LibreOffice another process runs does not take the conversion over; 76 = UTF-8.
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', tmp, xlsx], { stdio: 'pipe', timeout: 120_000 });
    const rows = parseCsv(fs.readFileSync(path.join(tmp, 'breakdown.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const [header, ...body] = rows;
    expect(header).toEqual(['序号', '所属部分', '原文编号', '重点任务', '责任单位', '依据原文', '出处']);
    expect(body).toHaveLength(28);
    const col = (name: string) => header!.indexOf(name);
    expect(body.map((r) => [r[col('序号')], r[col('原文编号')], r[col('重点任务')]])).toEqual(gold.tasks.map((t, i) => [String(i + 1), t.number, t.title]));
    const pairs = body.flatMap((r) => r[col('责任单位')]!.split('、').map((u) => `${r[col('原文编号')]}|${u}`));
    expect(pairs).toEqual(gold.tasks.flatMap((t) => t.responsible.map((u) => `${t.number}|${u}`)));
    expect(pairs).toHaveLength(95);
    expect(body[3]![col('责任单位')]).toBe('市科技局、市工信局、鼓楼区政府、马尾区政府、长乐区政府');
    await page.screenshot({ path: screenshotPath('breakdown') });
  });

  it('turns round to one agency\'s tasks across all plans when a unit is clicked', async () => {
    await page.click('#bd-table tbody tr:nth-child(4) .bd-unit[data-agency="agency:长乐区政府"]');
    await page.waitForFunction(() => document.querySelector('#bd-by-agency')?.classList.contains('active') && document.querySelectorAll('#bd-table tbody tr').length >= 11 && !document.querySelector('#bd-status')?.textContent);
    const plans = await page.$$eval('#bd-table tbody .bd-plan', (els) => els.map((e) => e.textContent));
    expect(plans.filter((p) => p === gold.plan)).toHaveLength(11);
  });
});

describe('the targets view', () => {
  it('sets every target against its closest later report, in a table and a chart', async () => {
    await openView(page, 'targets');
    await page.waitForFunction(() => document.querySelectorAll('#tg-results tbody tr').length > 50 && !document.querySelector('#tg-status')?.textContent);
    const lacking = await page.$$eval('#tg-indicators tbody tr[data-indicator]:not([data-indicator=""]) td:nth-child(2)', (els) => els.map((e) => Number(e.textContent)));
    expect(lacking).toEqual([...lacking].sort((a, b) => b - a));
    const statuses = await page.$$eval('#tg-results tbody tr', (els) => els.map((e) => e.getAttribute('data-status')));
    // No seed report is undated: the one news dateline without a year (000, 3月23日) has its year inferred (2021).
    expect(new Set(statuses)).toEqual(new Set(['met', 'no-report']));
    // The chart has drawn onto its canvas.
    expect(await page.$eval('#tg-chart canvas', (c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(200);

    await page.click('#tg-indicators tr[data-indicator="indicator:5G基站"]');
    await page.waitForFunction(() => document.querySelectorAll('#tg-results tbody tr').length === 2);
    const rows = await page.$$eval('#tg-results tbody tr', (els) => els.map((e) => [e.getAttribute('data-status'), e.querySelector('td')?.textContent]));
    expect(rows).toEqual([['met', '≥3000个'], ['no-report', '30000个']]);

    // A target met by a report with a printed date: 上云上平台工业企业 ≥800 (2019) against >2000 reported on 2021-03-23.
    await page.click('#tg-indicators tr[data-indicator="indicator:上云上平台工业企业"]');
    await page.waitForFunction(() => document.querySelector('#tg-results tbody tr')?.getAttribute('data-status') === 'met');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shot = screenshotPath('targets');
    await page.screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(20_000);
  });
});
