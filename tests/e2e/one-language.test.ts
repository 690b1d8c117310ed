/*
 * One language at a time (issue 15): at 1366×768, the overview shown on arrival, the upload dialog with a plan
 * previewed (then cancelled), Explore (a search, the entity's details, a curated query's results, a task's
 * details with its role chips, the expand-selection panel and the edge inspector), Query (a curated query opened
 * and run), Present, Documents (the library table and the 2019 plan's reading view) and every Analysis tab are
 * walked in Chinese, then the language is switched and they are walked again in English. Every visible text
 * node (and placeholder) is read; the walk fails on Latin words in the Chinese UI and on Han characters in the
 * English one.
 *
 * Allowed, and why:
 *  - data: entity names, aliases, ids and printed property values of the nodes the state holds, evidence
 *    sentences and a document's text (the reading view's too), and the values the API sent (titles, names,
 *    headings, indicators, units; not the curated queries' texts, enumerations or messages) — they come from
 *    the documents, in whatever script those use;
 *  - the user's own Cypher in the Query console: the editor, its `$parameter` names, the history, and the
 *    console's result table and JSON, whose column names are the aliases the user wrote;
 *  - the language toggle, which names the other language in that language's script;
 *  - in Chinese: names that are the same in both languages (Cypher, PNG, SVG, CSV, JSON, GraphML, WebGL,
 *    Canvas, KB, Louvain), key names (Ctrl, Enter, Esc, Shift), `id`, single letters (a key such as E), numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/server.ts';
import { canvasSettled, openAppPage, screenshotPath } from './app.ts';
import { edgeClickPoint } from './canvas-helpers.ts';
import type { BrowserSession } from './browser.ts';

type Lang = 'zh' | 'en';
interface Leak { where: string; text: string; left: string }

let app: RunningServer;
let session: BrowserSession;
let page: Page;
const roleChip: Partial<Record<Lang, string>> = {};

/** The user's Cypher, document text (evidence sentences, a document's own text) and the language toggle. */
const NOT_UI = ['#rd-text', '#qm-editor', '#qm-table', '#qm-json', '#qm-history', '.qm-param > span', '.sentence', '.details-text', '#present-evidence-text', '#lang-toggle'];
const SAME_IN_BOTH = ['Cypher', 'PNG', 'SVG', 'CSV', 'JSON', 'GraphML', 'WebGL', 'Canvas', 'KB', 'Ctrl', 'Enter', 'Esc', 'Shift', 'id', 'Louvain'];

/** Visible text in the other script, after the allowed data and names are taken out. */
/*
 * Data the API sent: names, titles, section headings, indicator names and units, a previewed file's title and
 * units. The curated queries' own texts (GET /api/queries) are UI, and so are enumerations the UI must translate
 * (a label, a type, a kind, a role, a status) and server messages, so those are not taken.
 */
const apiData = new Set<string>();
const pendingData = new Set<Promise<void>>();
const NOT_DATA_KEYS = new Set(['label', 'labels', 'type', 'kind', 'role', 'status', 'message', 'error', 'reason', 'hint', 'code']);

function collectData(v: unknown, key = ''): void {
  if (NOT_DATA_KEYS.has(key)) return;
  if (typeof v === 'string') {
    // A unit such as P (for petaflops) would be cut out of every word it is in: short Latin values are left out.
    if (!/^[a-z_]+$/.test(v) && (v.length >= 3 || /\p{Script=Han}/u.test(v))) apiData.add(v);
  } else if (Array.isArray(v)) {
    for (const x of v) collectData(x, key);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) collectData(x, k);
  }
}

function watchApi(p: Page): void {
  p.on('response', (res) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith('/api/') || url.pathname.startsWith('/api/queries')) return;
    if (!(res.headers()['content-type'] ?? '').includes('json')) return;
    const done = res.json().then((body: unknown) => collectData(body), () => undefined).finally(() => pendingData.delete(done));
    pendingData.add(done);
  });
}

async function leaks(p: Page, lang: Lang): Promise<Leak[]> {
  await Promise.all([...pendingData]);
  const extraData = [...apiData];
  return p.evaluate(({ lang, skip, same, extraData }) => {
    const s = window.__app!.store.get() as unknown as {
      graph: { nodes: Record<string, { id: string; name: string; aliases?: string[]; properties?: Record<string, unknown> }> };
      details: { data?: { node: { id: string; name: string; aliases?: string[]; properties?: Record<string, unknown> }; evidence: { sentence?: string; text?: string; other: { id: string; name: string } }[] } } | null;
    };
    const data = new Set<string>(extraData);
    const addNode = (n: { id: string; name: string; aliases?: string[]; properties?: Record<string, unknown> }) => {
      for (const v of [n.id, n.name, ...(n.aliases ?? [])]) data.add(v);
      // Printed values (a task's number, a section heading); a bare lower-case word is an enumerated value
      // the UI must translate, so it is not data.
      for (const v of Object.values(n.properties ?? {})) if (typeof v === 'string' && !/^[a-z]+$/.test(v)) data.add(v);
    };
    Object.values(s.graph.nodes).forEach(addNode);
    if (s.details?.data) {
      addNode(s.details.data.node);
      for (const ev of s.details.data.evidence) {
        for (const v of [ev.sentence, ev.text, ev.other.id, ev.other.name]) if (v) data.add(v);
      }
    }
    const known = [...data].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
    const wrong = lang === 'zh' ? /[A-Za-z]{2,}/ : /\p{Script=Han}/u;
    const sameRe = new RegExp(String.raw`\b(?:${same.join('|')})\b`, 'g');
    const clean = (t: string) => {
      let out = t;
      for (const k of known) if (out.includes(k)) out = out.split(k).join(' ');
      out = out.replace(/\$\w+/g, ' ');
      if (lang === 'zh') out = out.replace(sameRe, ' ');
      return out;
    };
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        parts.unshift(e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}${e.classList[0] ? `.${e.classList[0]}` : ''}`);
        if (e.id) break;
      }
      return parts.join(' > ');
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getClientRects().length > 0;
    const out: { where: string; text: string; left: string }[] = [];
    const check = (el: Element, text: string) => {
      const left = clean(text);
      if (wrong.test(left)) out.push({ where: where(el), text: text.trim().slice(0, 120), left: left.trim().slice(0, 120) });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent ?? '';
      if (!el || !text.trim() || el.closest(skip.join(','))) continue;
      if (el.closest('script, style')) continue;
      // A closed list shows only its chosen option.
      const option = el.closest('option');
      if (option) {
        if (!option.selected) continue;
        const select = option.closest('select');
        if (!select || !visible(select)) continue;
        check(select, text);
        continue;
      }
      if (visible(el)) check(el, text);
    }
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!input.closest(skip.join(',')) && !input.value && visible(input)) check(input, input.placeholder);
    }
    return out;
  }, { lang, skip: NOT_UI, same: SAME_IN_BOTH, extraData });
}

const idle = (p: Page) => p.waitForFunction(() => window.__app!.store.get().runningQuery === null && window.__app!.store.get().query.status !== 'running');

async function explore(p: Page, lang: Lang): Promise<Leak[]> {
  await p.click('button[data-mode="explore"]');
  if (!(await p.isVisible('#results-table'))) {
    await p.fill('#search', '长乐区政府');
    await p.locator('.suggest-item[data-id^="agency:长乐区"]').first().click();
    await p.waitForFunction(() => (document.querySelector<HTMLInputElement>('form.query[data-query="tasks-of-agency"] input.entity-param')?.value ?? '').includes('长乐区'));
    await p.locator('form.query[data-query="tasks-of-agency"] button[type=submit]').click();
    await p.locator('#results-table tbody tr').first().waitFor();
    await idle(p);
  }
  // A task's details: its responsible agencies with role chips.
  await p.locator('#results-table tbody tr.clickable').first().click();
  await p.waitForFunction(() => window.__app!.store.get().details?.data?.node.label === 'Task');
  roleChip[lang] = (await p.locator('.fact .role').first().textContent()) ?? '';
  await canvasSettled(p);
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-explore`) });
  return leaks(p, lang);
}

/** On Explore's canvas: the expand-selection panel for the task whose details show, then the inspector of a responsibility edge. */
async function furtherInExplore(p: Page, lang: Lang): Promise<{ expand: Leak[]; edge: Leak[] }> {
  // The selection's actions work on the node whose details show: the task Explore opened.
  await p.click('#btn-expand-selection');
  await p.waitForSelector('#expand-panel:not([hidden])');
  await p.waitForFunction(() => window.__app!.store.get().explore.expansion?.status === 'ok');
  await p.click('#expand-go');
  await p.waitForSelector('#expand-status');
  await canvasSettled(p);
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-expand`) });
  const expand = await leaks(p, lang);
  await p.keyboard.press('Escape');
  await p.waitForSelector('#expand-panel', { state: 'hidden' });

  // This walk reads the inspector's words; clicking an edge is tested in explore-further.test.ts. A click
  // can land while captions are still being decluttered (1 of 4 CI runs missed), so it is tried again.
  for (let attempt = 1; ; attempt++) {
    const edge = await edgeClickPoint(p, 'RESPONSIBLE_FOR');
    expect(edge, 'a point where only a responsibility edge is hit').toBeTruthy();
    await p.mouse.click(edge!.x, edge!.y);
    const shown = await p.waitForSelector('#edge-inspector:not([hidden]) .edge-doc', { timeout: 8000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt === 3) throw new Error('the edge inspector did not open after three clicks on a responsibility edge');
  }
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-edge`) });
  return { expand, edge: await leaks(p, lang) };
}

/** The legend's style editor: a label's palette with a refused colour's reason, and node size by degree with its range. */
async function styleControls(p: Page, lang: Lang): Promise<Leak[]> {
  await p.click('button[data-mode="explore"]');
  await p.click('.legend-edit[data-style-label="Task"]');
  await p.locator('[data-style-colour="Task"]').fill('#fef9c3');
  await p.waitForSelector('[data-style-editor="Task"] .style-refusal');
  await p.selectOption('#style-size-mode', 'degree');
  await p.waitForSelector('#style-degree-max');
  await p.locator('[data-style-editor="Task"]').scrollIntoViewIfNeeded();
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-style`) });
  const found = await leaks(p, lang);
  await p.click('#style-reset');
  await p.click('.legend-edit[data-style-label="Task"]');
  await p.waitForSelector('[data-style-editor]', { state: 'detached' });
  return found;
}

async function query(p: Page, lang: Lang): Promise<Leak[]> {
  await p.click('button[data-mode="query"]');
  await p.waitForSelector('#qm-curated option[value="tasks-of-agency"]', { state: 'attached' });
  if (!(await p.isVisible('#qm-table'))) {
    await p.selectOption('#qm-curated', 'tasks-of-agency');
    await p.waitForSelector('#qm-params input[data-param="agency"]');
    await p.fill('#qm-params input[data-param="agency"]', '长乐区政府');
    await p.click('#qm-run');
    await p.waitForFunction(() => window.__app!.store.get().query.status === 'ok', undefined, { timeout: 60_000 });
    await p.click('button[data-tab="table"]');
    await p.waitForSelector('#qm-table tbody tr');
  }
  await canvasSettled(p);
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-query`) });
  return leaks(p, lang);
}

async function present(p: Page, lang: Lang): Promise<Leak[]> {
  await p.click('button[data-mode="present"]');
  await p.waitForSelector('#studio');
  await canvasSettled(p);
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-present`) });
  return leaks(p, lang);
}

async function library(p: Page, lang: Lang): Promise<Leak[]> {
  await p.click('button[data-mode="library"]');
  await p.waitForSelector('#library', { state: 'visible' });
  if (await p.isVisible('#rd-back')) await p.click('#rd-back');
  await p.locator('#lib-table tbody tr').first().waitFor();
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-library`) });
  return leaks(p, lang);
}

async function reading(p: Page, lang: Lang): Promise<Leak[]> {
  await p.click('#lib-table tbody tr[data-doc="002_bccb920477d76c9e"]');
  await p.waitForSelector('#rd-text mark.rd-mark');
  await canvasSettled(p);
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-reading`) });
  const found = await leaks(p, lang);
  await p.click('#rd-back');
  await p.waitForSelector('#library', { state: 'visible' });
  return found;
}

/** Each Analysis tab, once it has drawn its data. */
const ANALYSIS_READY: Record<string, string> = {
  collaboration: '#collab-clusters li',
  workload: '#workload-table tbody tr',
  breakdown: '#bd-table tbody tr',
  targets: '#tg-results tbody tr',
  'plans-over-time': '#pot-status[data-status="ok"]',
};

async function analysis(p: Page, lang: Lang): Promise<Record<string, Leak[]>> {
  await p.click('button[data-mode="analysis"]');
  const found: Record<string, Leak[]> = {};
  for (const [view, ready] of Object.entries(ANALYSIS_READY)) {
    await p.click(`.analysis-tabs button[data-view="${view}"]`);
    await p.waitForSelector(ready, { state: 'attached', timeout: 90_000 });
    await p.waitForLoadState('networkidle');
    await p.screenshot({ path: screenshotPath(`one-language-${lang}-analysis-${view}`) });
    found[view] = await leaks(p, lang);
  }
  return found;
}

/** The overview a visitor arrives at, shown again by clearing the canvas. */
async function overview(p: Page, lang: Lang): Promise<Leak[]> {
  await p.click('button[data-mode="explore"]');
  // On arrival the canvas is empty and Clear is disabled; later it holds the walk's results.
  if (await p.isEnabled('#btn-clear')) await p.click('#btn-clear');
  await p.locator('#overview .ov-card').waitFor({ state: 'visible' });
  await p.locator('#ov-documents').waitFor();
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-overview`) });
  return leaks(p, lang);
}

/** A plan previewed in the upload dialog, then cancelled: nothing is written. */
const UPLOAD_AGENCY = '晋安区数据中心';
const UPLOAD_TITLE = '福州市晋安区2026年数字经济发展工作要点';
const UPLOAD_ISSUER = '福州市晋安区人民政府办公室';
const UPLOAD_TASKS = ['建设晋安区算力服务中心', '推进千兆光网进小区', '打造鼓岭数字文旅平台'];
const UPLOAD_PLAN = `${UPLOAD_TITLE}

为加快建设数字晋安，推动数字经济高质量发展，制定本工作要点。

一、夯实数字基础设施
1. ${UPLOAD_TASKS[0]}。到2026年底，新增算力规模500P。（牵头单位：${UPLOAD_AGENCY}；配合单位：晋安区工信局）
2. ${UPLOAD_TASKS[1]}。新建5G基站800个。（责任单位：${UPLOAD_AGENCY}、晋安区住建局）
二、培育数字产业
3. ${UPLOAD_TASKS[2]}。（牵头单位：晋安区文体旅局）

${UPLOAD_ISSUER}
2026年2月10日
`;
const UPLOAD_FILE = '晋安区数字经济要点.txt';

async function upload(p: Page, lang: Lang): Promise<Leak[]> {
  await p.setInputFiles('#upload-input', [{ name: UPLOAD_FILE, mimeType: 'text/plain', buffer: Buffer.from(UPLOAD_PLAN) }]);
  await p.waitForFunction(() => !document.querySelector('#upload-overlay')!.hasAttribute('hidden') && !!document.querySelector('.up-doc') && !document.querySelector('#upload-progress')!.textContent);
  await p.screenshot({ path: screenshotPath(`one-language-${lang}-upload`) });
  const found = await leaks(p, lang);
  await p.click('#upload-cancel');
  await p.locator('#upload-overlay').waitFor({ state: 'hidden' });
  return found;
}

const NO_ANALYSIS_LEAKS = Object.fromEntries(Object.keys(ANALYSIS_READY).map((v) => [v, []]));

beforeAll(async () => {
  ({ app, session, page } = await openAppPage({ width: 1366, height: 768 }));
  // Loaded again with the API watched, so the data the page arrives with is known too.
  watchApi(page);
  await page.reload();
  await page.waitForFunction(() => !!window.__console);
  await page.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
});

afterAll(async () => {
  await session?.close();
  await app?.stop();
});

describe('one language at a time at 1366×768', () => {
  it('shows no Latin words in the Chinese UI in any mode, panel or dialog walked, beyond data and shared names', async () => {
    expect(await page.evaluate(() => window.__app!.store.get().lang)).toBe('zh');
    const found = {
      overview: await overview(page, 'zh'), upload: await upload(page, 'zh'), explore: await explore(page, 'zh'), further: await furtherInExplore(page, 'zh'), style: await styleControls(page, 'zh'), query: await query(page, 'zh'), present: await present(page, 'zh'),
      library: await library(page, 'zh'), reading: await reading(page, 'zh'), analysis: await analysis(page, 'zh'),
    };
    // The walk saw what it was meant to: Chinese curated query texts and column headers.
    await page.click('button[data-mode="explore"]');
    expect(await page.textContent('form.query[data-query="tasks-of-agency"] .query-desc')).toMatch(/^机构负责的全部任务/);
    expect(await page.locator('#results-table thead th').first().textContent()).toBe('规划');
    expect(roleChip.zh).toMatch(/^(牵头|配合|负责)$/);
    process.stderr.write(`other script in the Chinese UI: ${JSON.stringify(found, null, 1)}\n`);
    expect(found).toEqual({ overview: [], upload: [], explore: [], further: { expand: [], edge: [] }, style: [], query: [], present: [], library: [], reading: [], analysis: NO_ANALYSIS_LEAKS });
    // The scan can fail: an English word put into the results drawer is caught, naming where it is.
    await page.evaluate(() => document.querySelector('#results-count')!.append(' rows'));
    expect(await leaks(page, 'zh')).toEqual([expect.objectContaining({ where: '#results-count', left: expect.stringContaining('rows') })]);
  });

  it('shows no Chinese in the English UI after switching, beyond entity names and document text', async () => {
    await page.click('#lang-toggle');
    await page.waitForFunction(() => window.__app!.store.get().lang === 'en');
    const found = {
      present: await present(page, 'en'), library: await library(page, 'en'), reading: await reading(page, 'en'), analysis: await analysis(page, 'en'),
      overview: await overview(page, 'en'), upload: await upload(page, 'en'), explore: await explore(page, 'en'), further: await furtherInExplore(page, 'en'), style: await styleControls(page, 'en'), query: await query(page, 'en'),
    };
    await page.click('button[data-mode="explore"]');
    expect(await page.textContent('form.query[data-query="tasks-of-agency"] .query-desc')).toMatch(/^Every task the agency/);
    expect(await page.locator('form.query[data-query="tasks-of-agency"] label.param span').first().textContent()).toBe('Agency');
    expect(await page.locator('#results-table thead th').first().textContent()).toBe('Plan');
    expect(roleChip.en).toMatch(/^(lead|support|responsible)$/);
    process.stderr.write(`other script in the English UI: ${JSON.stringify(found, null, 1)}\n`);
    expect(found).toEqual({ present: [], library: [], reading: [], analysis: NO_ANALYSIS_LEAKS, overview: [], upload: [], explore: [], further: { expand: [], edge: [] }, style: [], query: [] });
    await page.evaluate(() => document.querySelector('#results-count')!.append(' 行'));
    expect(await leaks(page, 'en')).toEqual([expect.objectContaining({ where: '#results-count', left: expect.stringContaining('行') })]);
  });
});
