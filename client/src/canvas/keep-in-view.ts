/*
 * A graph that was wholly in view stays wholly in view when the canvas changes size. Cytoscape keeps the
 * pan and zoom on a resize, so the bottom and right of the picture fall off the canvas when it shrinks:
 * in Query mode the layout fits the result while the canvas is still tall, then the results table opens
 * above it and the canvas loses ~50 px, and the lowest captions were cut off by its edge (found by
 * tests/e2e/readme-views.test.ts). A view the user has panned or zoomed into a part of the graph is left
 * alone: only a view that showed everything, captions included, is fitted again.
 */
import type { Core } from 'cytoscape';
import { fitView } from './layouts.ts';
import { isAnimating } from './animating.ts';

export interface Size { w: number; h: number }
export interface Box { x1: number; y1: number; x2: number; y2: number }

/** Whether a rendered box (captions included) lay inside a canvas of `size`, i.e. everything was in view. */
export const wholeInView = (b: Box, size: Size): boolean => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= size.w && b.y2 <= size.h;

export function keepWholeGraphInView(cy: Core): void {
  let last: Size = { w: cy.width(), h: cy.height() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Judged once nothing moves: a layout's animated fit was aimed at the size the canvas had when it began.
  const check = (before: Size) => {
    timer = undefined;
    if (isAnimating(cy)) { timer = setTimeout(() => check(before), 100); return; }
    const now: Size = { w: cy.width(), h: cy.height() };
    if (!now.w || !now.h || !before.w || !before.h || cy.elements().empty()) return;
    const box = cy.elements().renderedBoundingBox({});
    if (wholeInView(box, before) && !wholeInView(box, now)) fitView(cy);
  };
  cy.on('resize', () => {
    const before = last;
    last = { w: cy.width(), h: cy.height() };
    if (last.w === before.w && last.h === before.h) return;
    // Several resizes in a row (a split dragged, a panel opening) are judged against the size before the first.
    if (timer) return;
    check(before);
  });
}
