/*
 * Whether anything on the canvas is still moving: the viewport (an animated fit or centring) or any node (a
 * layout or a placement gliding into place). Code that measures or moves the picture waits for this to be
 * false, so it acts on where things end up rather than somewhere along the way.
 */
import type { Core } from 'cytoscape';

export function isAnimating(cy: Core): boolean {
  // Cytoscape's typings declare animated() on the core but not on a single node, where it exists too.
  return cy.animated() || cy.nodes().some((n) => (n as unknown as { animated(): boolean }).animated());
}
