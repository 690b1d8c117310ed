/*
 * The real product for e2e tests: the client built afresh by the e2e global set-up, the real server on
 * port 0 against the test project's embedded Neo4j, and the seed documents loaded by the real loader.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { start, type RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { openBrowser, type BrowserSession } from './browser.ts';
import { clearGraph } from '../../server/graph/writer/graph-state.ts';

export const OUT_DIR = path.join(ROOT_DIR, 'test-output', 'e2e');
export const SEEDS_DIR = path.join(ROOT_DIR, 'seeds', 'documents');

/** `env` overrides the configuration, e.g. HOST=0.0.0.0 to be reached from a non-loopback address. */
export async function startE2eApp(env: Record<string, string> = {}): Promise<RunningServer> {
  const n = inject('neo4j');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password, LOAD_SEEDS_ON_START: 'false', ...env });
  return start(config, {
    log: () => {},
    buildClient: true,
    beforeListen: async (db) => {
      await clearGraph(db);
      await loadPaths(db, [SEEDS_DIR]);
    },
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  return path.join(OUT_DIR, `${name}.png`);
}

export interface E2eSession {
  app: RunningServer;
  session: BrowserSession;
  page: Page;
}

/** The real app and a fresh browser page on it, page errors echoed, once the console has mounted. */
export async function openAppPage(viewport: { width: number; height: number }): Promise<E2eSession> {
  const app = await startE2eApp();
  const session = await openBrowser(viewport);
  const page = session.page;
  page.on('pageerror', (e) => process.stderr.write(`pageerror: ${e.message}\n`));
  await page.goto(app.url);
  await page.waitForFunction(() => !!window.__console);
  return { app, session, page };
}

/** The upload dialog shows its review: open, its buttons drawn, and no reading or writing in progress. */
export function uploadReviewReady(p: Page): Promise<unknown> {
  return p.waitForFunction(() => {
    const btn = document.querySelector<HTMLButtonElement>('#upload-cancel');
    return !!btn && !document.querySelector('#upload-overlay')!.hasAttribute('hidden') && !document.querySelector('#upload-progress')!.textContent;
  });
}

/**
 * Waits for `waiting` (a Playwright wait with its own timeout) and, if it times out, fails with what never
 * happened instead of Playwright's bare "Timeout 30000ms exceeded": e2e tests wait for conditions (a store
 * state, a layout's end, a slide shown), never for the clock, and a failing wait must say which condition.
 */
export async function happens<T>(what: string, waiting: Promise<T>): Promise<T> {
  try {
    return await waiting;
  } catch (e) {
    throw new Error(`Waited for ${what}, which did not happen: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { cause: e });
  }
}

/**
 * Resolves once the canvas has come to rest: nothing animating, and its size, zoom and pan the same over two
 * animation frames. A mode switch resizes the canvas a few frames later (panels open, splits apply), and a
 * resize may refit a graph that was wholly in view (canvas/keep-in-view.ts): a point on the canvas read before
 * that is a point on the old picture.
 */
export async function viewAtRest(page: Page): Promise<void> {
  await happens('the canvas to come to rest (nothing animating, size, zoom and pan unchanged over frames)', page.waitForFunction(() => new Promise<boolean>((resolve) => {
    const cy = window.__app!.cy as unknown as {
      animated(): boolean; nodes(): { some(f: (n: { animated(): boolean }) => boolean): boolean };
      width(): number; height(): number; zoom(): number; pan(): { x: number; y: number };
    };
    const still = () => !cy.animated() && !cy.nodes().some((n) => n.animated());
    const view = () => { const p = cy.pan(); return `${cy.width()}x${cy.height()}@${cy.zoom().toFixed(5)},${p.x.toFixed(2)},${p.y.toFixed(2)}`; };
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const before = view();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(still() && view() === before)));
    }));
  })));
}

/** Resolves once nothing on the canvas is animating (a slide or a scene glides into place first). */
export async function canvasSettled(page: Page): Promise<void> {
  // A layout starts on the next animation frame after a state change: let it start before asking.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await happens('the canvas to stop animating (a layout, placement or slide transition to end)', page.waitForFunction(() => {
    const cy = window.__app!.cy as unknown as { animated(): boolean; nodes(): { some(f: (n: { animated(): boolean }) => boolean): boolean } };
    return !cy.animated() && !cy.nodes().some((n) => n.animated());
  }));
}

/**
 * Resolves once the level-of-detail pass has run for the current zoom (canvas/declutter.ts marks the zoom it
 * fitted the captions to): caption sizes, and so label boxes, are final only then.
 */
export async function captionsFitted(page: Page): Promise<void> {
  await happens('the captions to be fitted to the current zoom (data-caption-zoom)', page.waitForFunction(() => {
    const cy = window.__app!.cy;
    return cy.container()?.getAttribute('data-caption-zoom') === cy.zoom().toFixed(4);
  }));
}
