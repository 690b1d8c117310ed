/*
 * Launches Debian's Chromium through playwright-core with a fresh profile, so e2e runs never share
 * cookies, storage or a language choice with an earlier run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(opts: { width?: number; height?: number } = {}): Promise<BrowserSession> {
  // launch() always starts from a fresh temporary profile (it refuses --user-data-dir); its temp dir is
  // pointed at our own folder so nothing is left behind.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: { ...process.env, TMPDIR: profile } });
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1920, height: opts.height ?? 1080 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    close: async () => {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
