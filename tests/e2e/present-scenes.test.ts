/*
 * Scenes and present mode end to end: build two different canvases, save each as a scene, present them
 * full screen and step through with the keyboard; the evidence caption of a picked relationship shows on E.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, happens, openAppPage, screenshotPath } from './app.ts';
import type { BrowserSession } from './browser.ts';
import { drawCypher } from './canvas-helpers.ts';

let app: RunningServer;
let session: BrowserSession;
let page: Page;

/**
 * Waits until the counter says `counter` and that slide's transition has ended: each step is an animated move
 * between scenes (present-actions.ts).
 */
async function slideShown(p: Page, counter: string): Promise<void> {
  await happens(`the slide show to reach slide ${counter}`, p.waitForFunction((c) => document.querySelector('#present-counter')?.textContent === c, counter));
  await canvasSettled(p);
}

const canvasIds = (p: Page) => p.evaluate(() => window.__app!.cy.nodes().map((n) => n.id()).sort());

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1600, height: 1000 }));
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('scenes and present mode', () => {
  let first: string[] = [];
  let second: string[] = [];

  it('saves two scenes with captions, kept in localStorage', async () => {
    await drawCypher(page, "MATCH (a:Agency {name: '长乐区政府'})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a, r, t");
    first = await canvasIds(page);
    await page.click('button[data-mode="present"]');
    await page.fill('#scene-name', '长乐区直接负责');
    await page.fill('#scene-caption', '长乐区政府直接负责的任务');
    await page.click('#scene-save');
    await drawCypher(page, 'MATCH (p:Plan)-[r:HAS_TASK]->(t:Task) RETURN p, r, t LIMIT 12');
    second = await canvasIds(page);
    expect(second).not.toEqual(first);
    await page.click('button[data-mode="present"]');
    await page.fill('#scene-caption', '规划与任务');
    await page.click('#scene-save');
    expect(await page.locator('#scene-list li.st-item').count()).toBe(2);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('policy-graph.scenes') ?? '{}').scenes.map((s: { name: string }) => s.name));
    expect(stored).toEqual(['长乐区直接负责', '场景 2']);
    await page.screenshot({ path: screenshotPath('present-01-studio') });
  });

  it('reorders and renames in the list', async () => {
    await page.click('#scene-list li:nth-child(2) button[data-act="up"]');
    expect(await page.evaluate(() => window.__app!.store.get().scenes.list.map((s) => s.name))).toEqual(['场景 2', '长乐区直接负责']);
    await page.click('#scene-list li:nth-child(1) button[data-act="down"]');
    page.once('dialog', (d) => void d.accept('规划任务'));
    await page.click('#scene-list li:nth-child(2) button[data-act="rename"]');
    expect(await page.evaluate(() => window.__app!.store.get().scenes.list.map((s) => s.name))).toEqual(['长乐区直接负责', '规划任务']);
  });

  it('presents the scenes as slides and steps through them with the keyboard', async () => {
    await page.click('#present-start');
    await page.waitForSelector('#present-overlay:not([hidden])');
    // The show asks for full screen (the click is a user gesture, so a browser that allows it grants it), and
    // fits the slide again when it gets it: wait for that before waiting for the slide to come to rest.
    await happens('the slide show to go full screen', page.waitForFunction(() => !document.fullscreenEnabled || !!document.fullscreenElement));
    await slideShown(page, '1 / 2');
    expect(await page.evaluate(() => document.body.classList.contains('presenting'))).toBe(true);
    expect(await page.isVisible('.topbar')).toBe(false);
    expect(await page.textContent('#present-caption')).toBe('长乐区政府直接负责的任务');
    expect(await page.textContent('#present-counter')).toBe('1 / 2');
    expect(await canvasIds(page)).toEqual(first);
    await page.screenshot({ path: screenshotPath('present-02-slide-1') });

    await page.keyboard.press('ArrowRight');
    await slideShown(page, '2 / 2');
    expect(await page.textContent('#present-counter')).toBe('2 / 2');
    expect(await page.textContent('#present-caption')).toBe('规划与任务');
    expect(await canvasIds(page)).toEqual(second);
    await page.screenshot({ path: screenshotPath('present-03-slide-2') });

    // Space on the last slide does nothing: the key is handled as it is pressed, and once nothing moves the
    // show is still on slide 2 with its scene.
    await page.keyboard.press('Space');
    await canvasSettled(page);
    expect(await page.evaluate(() => window.__app!.store.get().present.index)).toBe(1);
    expect(await page.textContent('#present-counter')).toBe('2 / 2');
    expect(await canvasIds(page)).toEqual(second);
    await page.keyboard.press('ArrowLeft');
    await slideShown(page, '1 / 2');
    expect(await page.textContent('#present-counter')).toBe('1 / 2');
    expect(await canvasIds(page)).toEqual(first);
  });

  it('shows the evidence sentence of a clicked relationship on E', async () => {
    const pos = await page.evaluate(() => {
      const cy = window.__app!.cy;
      const e = cy.edges().first();
      const box = cy.container()!.getBoundingClientRect();
      const m = e.renderedMidpoint();
      return { x: box.left + m.x, y: box.top + m.y, id: e.id() };
    });
    await page.mouse.click(pos.x, pos.y);
    await page.waitForFunction(() => window.__app!.store.get().present.evidence?.status === 'ok');
    await page.keyboard.press('e');
    await page.waitForSelector('#present-evidence:not([hidden]) #present-evidence-text');
    expect((await page.textContent('#present-evidence-text'))!.length).toBeGreaterThan(3);
    await page.screenshot({ path: screenshotPath('present-04-evidence') });
  });

  it('leaves with Esc', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('#present-overlay', { state: 'hidden' });
    expect(await page.evaluate(() => document.body.classList.contains('presenting'))).toBe(false);
    expect(await page.isVisible('.topbar')).toBe(true);
  });
});
