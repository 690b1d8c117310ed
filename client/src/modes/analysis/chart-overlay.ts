/*
 * A layer over the main canvas for analysis views that draw their own picture (a network, a chart): it
 * takes the canvas's place — so the picture keeps the half of the window the canvas is guaranteed — without
 * touching the explored graph, which is there again when the view closes.
 */
import type { Core } from 'cytoscape';
import { h } from '../../panels/dom.ts';

export function canvasOverlay(cy: Core, id: string): { el: HTMLElement; remove(): void } {
  const wrap = cy.container()?.parentElement ?? document.body;
  const el = h('div', { class: 'analysis-overlay', id });
  wrap.append(el);
  return { el, remove: () => el.remove() };
}
