/*
 * What the canvas e2e tests (canvas-stability, explore-further, export, share, present) share: putting
 * 长乐区政府's tasks or a Cypher query's graph on the canvas through the UI, clicking nodes and edges where
 * they are drawn, and reading positions.
 */
import type { Page } from 'playwright-core';
import { canvasSettled, happens } from './app.ts';

export type Positions = Record<string, { x: number; y: number }>;

export const idle = (p: Page) => p.waitForFunction(() => window.__app!.store.get().runningQuery === null);

/**
 * Search 长乐区政府 and pick it. On a loaded machine the first suggestions of a fresh page were sometimes never
 * shown (seen in readme-views and busy-indicator at load ~40), so the box is focused and typed into again, up to
 * three times, before giving up.
 */
export async function pickChangle(p: Page): Promise<void> {
  await p.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
  const item = p.locator('.suggest-item[data-id^="agency:长乐区"]').first();
  for (let attempt = 1; ; attempt++) {
    await p.click('#search');
    await p.fill('#search', '');
    await p.fill('#search', '长乐区政府');
    try {
      await item.waitFor({ timeout: 30_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await item.click();
}

/** Search 长乐区政府 and run 机构负责的任务 from its form, as a user would: agency, group, plans and tasks. */
export async function changleTasks(p: Page): Promise<void> {
  await pickChangle(p);
  const form = p.locator('form.query[data-query="tasks-of-agency"]');
  await p.waitForFunction(() => (document.querySelector<HTMLInputElement>('form.query[data-query="tasks-of-agency"] input.entity-param')?.value ?? '').includes('长乐区'));
  await form.locator('button[type=submit]').click();
  await p.locator('#results-table tbody tr').first().waitFor();
  await idle(p);
  await canvasSettled(p);
}

/**
 * Runs `text` in Query mode's editor, as a user would, and resolves once its graph is on the canvas and laid
 * out. It waits for the query's run counter to move on: `status === 'ok'` alone is already true from an
 * earlier query, before this one has even started.
 */
export async function drawCypher(p: Page, text: string): Promise<void> {
  await p.click('button[data-mode="query"]');
  const run = await p.evaluate(() => window.__app!.store.get().query.run);
  await p.click('#qm-editor .cm-content');
  await p.keyboard.press('Control+A');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(text);
  await p.keyboard.press('Control+Enter');
  await happens(`the query to be answered (${text})`, p.waitForFunction((r) => {
    const q = window.__app!.store.get().query;
    return q.run > r && q.status !== 'running';
  }, run));
  const q = await p.evaluate(() => { const s = window.__app!.store.get().query; return { status: s.status, error: s.error?.message ?? null }; });
  if (q.status !== 'ok') throw new Error(`The query failed: ${q.error ?? q.status} (${text})`);
  await canvasSettled(p);
}

export const positions = (p: Page): Promise<Positions> => p.evaluate(() => {
  const out: Record<string, { x: number; y: number }> = {};
  window.__app!.cy.nodes().forEach((n) => { out[n.id()] = { ...n.position() }; });
  return out;
});

/** Largest move of any node of `before` still on the canvas in `after`, in model pixels. */
export function largestMove(before: Positions, after: Positions): { id: string; d: number } {
  let worst = { id: '', d: 0 };
  for (const [id, p] of Object.entries(before)) {
    const q = after[id];
    if (!q) continue;
    const d = Math.hypot(q.x - p.x, q.y - p.y);
    if (d > worst.d) worst = { id, d };
  }
  return worst;
}

/** Page coordinates of a node's centre or an edge's midpoint as drawn. */
export const screenPoint = (p: Page, id: string) => p.evaluate((eid) => {
  const cy = window.__app!.cy;
  const el = cy.getElementById(eid);
  const box = cy.container()!.getBoundingClientRect();
  const r = el.isNode() ? el.renderedPosition() : (el as unknown as { renderedMidpoint(): { x: number; y: number } }).renderedMidpoint();
  return { x: box.left + r.x, y: box.top + r.y };
}, id);

/** Pans the element into the middle of the canvas if it is near an edge of it or outside. */
export const bringIntoView = (p: Page, id: string) => p.evaluate((eid) => {
  const cy = window.__app!.cy;
  const el = cy.getElementById(eid);
  const r = el.isNode() ? el.renderedPosition() : (el as unknown as { renderedMidpoint(): { x: number; y: number } }).renderedMidpoint();
  if (r.x < 60 || r.y < 60 || r.x > cy.width() - 60 || r.y > cy.height() - 60) cy.center(el);
}, id);

export async function clickElement(p: Page, id: string, opts: { shift?: boolean; button?: 'left' | 'right' } = {}): Promise<void> {
  // Aim once nothing moves: a search centres its node after a short delay, a layout glides.
  await canvasSettled(p);
  await bringIntoView(p, id);
  await canvasSettled(p);
  const pt = await screenPoint(p, id);
  // Nothing (a panel, the menu) may cover the canvas where the click lands.
  const onCanvas = await p.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('#cy'), pt);
  if (!onCanvas) throw new Error(`${id} is covered at (${Math.round(pt.x)}, ${Math.round(pt.y)})`);
  if (opts.shift) await p.keyboard.down('Shift');
  await p.mouse.click(pt.x, pt.y, { button: opts.button ?? 'left' });
  if (opts.shift) await p.keyboard.up('Shift');
}

/**
 * Fits the view to an edge of `type` and returns a page point where Cytoscape's own hit test finds that
 * edge (not a node, not another edge), so a click there inspects it.
 */
export const edgeClickPoint = (p: Page, type: string) => p.evaluate((t) => {
  const cy = window.__app!.cy;
  const r = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | null } }).renderer();
  const box = cy.container()!.getBoundingClientRect();
  for (const e of cy.edges().toArray()) {
    if (e.data('type') !== t || e.data('derived') === 1) continue;
    cy.fit(e.connectedNodes(), 120);
    // The renderer's hit test works in model coordinates; the click goes to the rendered point.
    const s = (e as unknown as { sourceEndpoint(): { x: number; y: number } }).sourceEndpoint();
    const d = (e as unknown as { targetEndpoint(): { x: number; y: number } }).targetEndpoint();
    const zoom = cy.zoom(), pan = cy.pan();
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const x = s.x + (d.x - s.x) * f, y = s.y + (d.y - s.y) * f;
      if (r.findNearestElement(x, y, true, false)?.id() === e.id()) return { id: e.id(), x: box.left + x * zoom + pan.x, y: box.top + y * zoom + pan.y };
    }
  }
  return null;
}, type);