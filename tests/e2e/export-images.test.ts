/*
 * Export end to end: PNG at 2× and 4× (sizes read from the IHDR chunk), SVG (root width/height), and the
 * data files of the current view.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { readPngSize, readSvgSize } from '../../client/src/export/png-info.ts';
import { openAppPage, viewAtRest } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { drawCypher } from './canvas-helpers.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

async function downloadOf(p: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([p.waitForEvent('download'), p.click(selector)]);
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1400, height: 900 }));
  await drawCypher(page, 'MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t LIMIT 20');
  await page.click('button[data-mode="present"]');
  // The exports are compared with the canvas size, which changes a few frames after the mode switch.
  await page.locator('#export-png2').waitFor();
  await viewAtRest(page);
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('export', () => {
  const canvasSize = () => page.evaluate(() => ({ w: window.__app!.cy.width(), h: window.__app!.cy.height() }));

  it('writes a PNG at 2× the canvas size', async () => {
    const { w, h } = await canvasSize();
    const f = await downloadOf(page, '#export-png2');
    expect(f.name).toMatch(/@2x\.png$/);
    const size = readPngSize(new Uint8Array(f.bytes));
    expect(Math.abs(size.width - 2 * w)).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - 2 * h)).toBeLessThanOrEqual(1);
    expect(f.bytes.length).toBeGreaterThan(5000);
  });

  it('writes a PNG at 4× the canvas size', async () => {
    const { w, h } = await canvasSize();
    const size = readPngSize(new Uint8Array((await downloadOf(page, '#export-png4')).bytes));
    expect(Math.abs(size.width - 4 * w)).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - 4 * h)).toBeLessThanOrEqual(1);
  });

  it('writes an SVG of the view with the canvas size and the node names in it', async () => {
    const { w, h } = await canvasSize();
    const f = await downloadOf(page, '#export-svg');
    const text = f.bytes.toString('utf8');
    const size = readSvgSize(text);
    expect(size).not.toBeNull();
    expect(Math.abs(size!.width - w)).toBeLessThanOrEqual(1);
    expect(Math.abs(size!.height - h)).toBeLessThanOrEqual(1);
    expect(text).toContain('<svg');
    expect(text.length).toBeGreaterThan(2000);
  });

  it('writes JSON, GraphML and CSV of the elements on the canvas', async () => {
    const ids = await page.evaluate(() => window.__app!.cy.nodes().map((n) => n.id()).sort());
    const json = JSON.parse((await downloadOf(page, '#export-json')).bytes.toString('utf8')) as { nodes: { id: string }[]; edges: unknown[] };
    expect(json.nodes.map((n) => n.id).sort()).toEqual(ids);
    expect(json.edges.length).toBeGreaterThan(0);
    const graphml = (await downloadOf(page, '#export-graphml')).bytes.toString('utf8');
    expect(graphml).toContain('<graphml');
    expect((graphml.match(/<node /g) ?? []).length).toBe(ids.length);
    const csv = (await downloadOf(page, '#export-csv')).bytes.toString('utf8');
    expect(csv.split('\r\n').filter((l) => l.startsWith('node,')).length).toBe(ids.length);
  });
});
