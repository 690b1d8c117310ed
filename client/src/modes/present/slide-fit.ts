/*
 * The viewport a slide is shown at: the scene's nodes *with their captions* fitted between the overlays.
 * Fitting the node positions alone (plus a fixed margin) let a long task caption — wrapped under its node
 * in the slide show's large type, 200 px wide and several lines tall — run past the canvas edge. A caption's
 * size is in model units (the slide show's font size is fixed), so how far a node's box reaches from its
 * centre, caption included, is the same wherever the node stands: measured where it is now, it is added
 * around the place the scene puts it.
 */
import type { Core } from 'cytoscape';
import { fitViewport, type Insets } from '../../scenes/scene-canvas.ts';

/** How far a node's box (body and caption) reaches from its position, in model units. */
export interface Reach { left: number; right: number; top: number; bottom: number }

/** A node not on the canvas yet reaches as far as a node body without a caption. */
const BODY: Reach = { left: 20, right: 20, top: 20, bottom: 20 };

/**
 * The reach of each node on the canvas, labels included (Cytoscape's boundingBox with includeLabels). A caption
 * the level of detail hides now (class nolabel, canvas/declutter.ts) is measured too: at the slide's zoom it
 * may be shown.
 */
export function measureReach(cy: Core, ids: Iterable<string>): Map<string, Reach> {
  const out = new Map<string, Reach>();
  for (const id of ids) {
    const n = cy.getElementById(id);
    if (n.empty() || !n.isNode()) continue;
    const hidden = n.hasClass('nolabel');
    if (hidden) n.removeClass('nolabel');
    const p = n.position();
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
    if (hidden) n.addClass('nolabel');
    out.set(id, { left: p.x - b.x1, right: b.x2 - p.x, top: p.y - b.y1, bottom: b.y2 - p.y });
  }
  return out;
}

/** The corners of every node's box at its place in the scene, for a fit that covers bodies and captions. */
export function boxCorners(positions: ReadonlyMap<string, { x: number; y: number }>, reach: ReadonlyMap<string, Reach>): { x: number; y: number }[] {
  return [...positions].flatMap(([id, p]) => {
    const r = reach.get(id) ?? BODY;
    return [{ x: p.x - r.left, y: p.y - r.top }, { x: p.x + r.right, y: p.y + r.bottom }];
  });
}

/**
 * Zoom and pan that show every node of the scene at `positions`, captions included, between `insets`.
 * Null for an empty scene or a canvas of no size (the caller keeps the viewport it has).
 */
export function slideViewport(cy: Core, positions: ReadonlyMap<string, { x: number; y: number }>, insets: Insets): { zoom: number; pan: { x: number; y: number } } | null {
  // fitViewport keeps its 50-unit margin around the corners: room for the caption's background and a breath.
  return fitViewport(boxCorners(positions, measureReach(cy, positions.keys())), cy.width(), cy.height(), 40, 2, insets);
}
