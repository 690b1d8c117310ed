/*
 * What the canvas e2e tests (canvas-stability, explore-further) share: putting 长乐区政府's tasks on the
 * canvas through the UI, clicking nodes and edges where they are drawn, and reading positions.
 */
import type { Page } from 'playwright-core';
import { canvasSettled } from './app.ts';

export type Positions = Record<string, { x: number; y: number }>;

export const idle = (p: Page) => p.waitForFunction(() => window.__app!.store.get().runningQuery === null);

/** Search 长乐区政府 and run 机构负责的任务 from its form, as a user would: agency, group, plans and tasks. */
export async function changleTasks(p: Page): Promise<void> {
  await p.waitForFunction(() => window.__app!.store.get().queries.status === 'ok');
  await p.fill('#search', '长乐区政府');
  await p.locator('.suggest-item[data-id^="agency:长乐区"]').first().click();
  const form = p.locator('form.query[data-query="tasks-of-agency"]');
  await p.waitForFunction(() => (document.querySelector<HTMLInputElement>('form.query[data-query="tasks-of-agency"] input.entity-param')?.value ?? '').includes('长乐区'));
  await form.locator('button[type=submit]').click();
  await p.locator('#results-table tbody tr').first().waitFor();
  await idle(p);
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

export async function clickElement(p: Page, id: string, opts: { shift?: boolean; button?: 'left' | 'right' } = {}): Promise<void> {
  const pt = await screenPoint(p, id);
  if (opts.shift) await p.keyboard.down('Shift');
  await p.mouse.click(pt.x, pt.y, { button: opts.button ?? 'left' });
  if (opts.shift) await p.keyboard.up('Shift');
}

/** An edge whose midpoint is clear of every node body, so a click there reaches the edge. */
export const clickableEdge = (p: Page, filter: { type?: string; derived?: boolean } = {}) => p.evaluate((f) => {
  const cy = window.__app!.cy;
  const ext = cy.extent();
  for (const e of cy.edges().toArray()) {
    if (f.type && e.data('type') !== f.type) continue;
    if (f.derived !== undefined && (e.data('derived') === 1) !== f.derived) continue;
    const m = (e as unknown as { midpoint(): { x: number; y: number } }).midpoint();
    if (m.x < ext.x1 + 20 || m.x > ext.x2 - 20 || m.y < ext.y1 + 20 || m.y > ext.y2 - 20) continue;
    const clear = cy.nodes().every((n) => {
      const b = n.boundingBox({ includeLabels: true });
      return m.x < b.x1 - 6 || m.x > b.x2 + 6 || m.y < b.y1 - 6 || m.y > b.y2 + 6;
    });
    const len = Math.hypot(e.source().position().x - e.target().position().x, e.source().position().y - e.target().position().y);
    if (clear && len > 60) return e.id();
  }
  return null;
}, filter);
