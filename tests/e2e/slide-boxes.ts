/*
 * What the Present e2e tests measure on a slide: each node's rendered box — its body, or with its caption —
 * against the canvas edges and the overlays the slide show draws over the canvas (caption, help, counter,
 * evidence), in page pixels.
 */
import type { Page } from 'playwright-core';

export interface SlideBoxes {
  /** Nodes whose box reaches past the canvas or under an overlay, each with where. */
  cut: string[];
  /** Nodes whose caption is drawn (not hidden by the level of detail). */
  captioned: number;
  /** The widest box and its node's body width, to tell a caption is what was measured. */
  widest: { id: string; width: number; body: number };
}

export function slideBoxes(p: Page, opts: { captions: boolean }): Promise<SlideBoxes> {
  return p.evaluate(({ captions }) => {
    const cy = window.__app!.cy;
    const area = cy.container()!.getBoundingClientRect();
    const overlays = [...document.querySelectorAll<HTMLElement>('#present-overlay > *')]
      .filter((el) => !el.hidden && el.textContent?.trim() && el.getBoundingClientRect().height > 0)
      .map((el) => ({ id: el.id || el.className, r: el.getBoundingClientRect() }));
    const cut: string[] = [];
    let captioned = 0;
    let widest = { id: '', width: 0, body: 0 };
    cy.nodes().forEach((n) => {
      const b = n.renderedBoundingBox({ includeLabels: captions, includeOverlays: false });
      const body = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      if (n.style('label')) captioned++;
      if (b.w > widest.width) widest = { id: n.id(), width: b.w, body: body.w };
      const box = { left: area.left + b.x1, right: area.left + b.x2, top: area.top + b.y1, bottom: area.top + b.y2 };
      if (box.left < area.left || box.right > area.right || box.top < area.top || box.bottom > area.bottom) {
        cut.push(`${n.id()} outside the canvas (${Math.round(b.x1)},${Math.round(b.y1)})-(${Math.round(b.x2)},${Math.round(b.y2)}) of ${Math.round(area.width)}×${Math.round(area.height)}`);
      }
      for (const o of overlays) {
        if (box.left < o.r.right && box.right > o.r.left && box.top < o.r.bottom && box.bottom > o.r.top) cut.push(`${n.id()} under ${o.id}`);
      }
    });
    return { cut, captioned, widest };
  }, opts);
}
