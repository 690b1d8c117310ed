/*
 * An Indicator's figures as a chart in the details panel (issue 15): selecting the seeds' 5G基站 indicator in
 * Explore shows its targets and dated reports by year, as many points as the targets API answers for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import type { TargetsAnswer } from '../../server/graph/queries/analysis-targets.ts';
import { openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

const getTargets = async (query: string): Promise<TargetsAnswer> => {
  const res = await fetch(`${app.url}/api/analysis/targets${query}`);
  expect(res.status).toBe(200);
  return await res.json() as TargetsAnswer;
};

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('an indicator\'s figures in the details panel', () => {
  it('charts the 5G基站 targets and reports by year when the indicator is selected', async () => {
    const all = await getTargets('');
    const indicator = all.indicators.find((i) => i.indicator.includes('5G基站'));
    expect(indicator, 'the seeds hold a 5G基站 indicator with a target').toBeDefined();
    const id = indicator!.indicatorId;
    const one = await getTargets(`?indicator=${encodeURIComponent(id)}&limit=1000`);
    // What the chart should draw: targets with a year, and the distinct reports with a year.
    const targets = one.results.filter((r) => r.target.year !== null).map((r) => `${r.target.year}:${r.target.value}`);
    const reports = new Map<string, number>();
    for (const r of one.results) for (const p of [r.report, r.earlier]) if (p && p.year !== null) reports.set(p.id, p.value);
    expect(targets.sort()).toEqual(expect.arrayContaining(['2019:3000', '2022:30000']));
    expect([...reports.values()]).toContain(6500);

    await page.fill('#search', '5G基站');
    const item = page.locator(`.suggest-item[data-id="${id}"]`);
    await item.waitFor();
    await item.click();
    await page.waitForFunction((i) => window.__app!.store.get().details?.id === i && window.__app!.store.get().details?.status === 'ok', id);
    const chart = page.locator('#details .indicator-chart[data-targets]');
    await chart.waitFor();
    expect(Number(await chart.getAttribute('data-targets'))).toBe(targets.length);
    expect(Number(await chart.getAttribute('data-reports'))).toBe(reports.size);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(150);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('indicator-chart') });
  });
});
