/*
 * Applies labels.ts to the live canvas: after a zoom, pan, layout or state change has settled, sets the
 * caption scale for the current zoom and hides the captions that would overlap more important ones in
 * view (class 'nolabel'). Debounced, and skipped for large graphs, so panning stays as cheap as before.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { settings } from '../settings.ts';
import type { Store } from '../state/store.ts';
import { BASE_FONT, fontScale, keepCaptions, TEXT_MAX_WIDTH, type LabelCandidate } from './labels.ts';
import { getCaptionScale, setCaptionScale } from './style.ts';
import { isAnimating } from './animating.ts';

export interface Declutter { schedule(): void; run(): void }

export function declutter(cy: Core, store: Store): Declutter {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, 60);
  };
  const priority = (n: NodeSingular, sel: ReadonlySet<string>, s = store.get()): number =>
    (sel.has(n.id()) ? 1e6 : 0) + (s.graph.nodes[n.id()]?.pinned ? 1e5 : 0) + n.degree(false) * 10 + Number(n.data('size') ?? 0) / 10;

  function run(): void {
    timer = undefined;
    const nodes = cy.nodes();
    if (nodes.length > settings.largeGraphThreshold) {
      if (getCaptionScale() !== 1) { setCaptionScale(1); (nodes as unknown as { updateStyle(): void }).updateStyle(); }
      nodes.removeClass('nolabel');
      return;
    }
    // Positions still moving: decide once they have arrived.
    if (isAnimating(cy)) { schedule(); return; }
    const zoom = cy.zoom();
    const scale = fontScale(zoom);
    if (Math.abs(scale - getCaptionScale()) > 0.01) {
      setCaptionScale(scale);
      (nodes as unknown as { updateStyle(): void }).updateStyle();
    }
    const s = store.get();
    const sel = new Set(s.explore.selection);
    if (s.selected) sel.add(s.selected);
    const w = cy.width(), h = cy.height();
    const cands: LabelCandidate[] = [];
    nodes.forEach((n) => {
      const p = n.renderedPosition();
      if (p.x < -200 || p.y < -200 || p.x > w + 200 || p.y > h + 200) return;
      cands.push({ id: n.id(), x: p.x, y: p.y, nodeHeight: n.renderedHeight(), caption: String(n.data('caption') ?? ''), priority: priority(n, sel, s) });
    });
    const keep = keepCaptions(cands, BASE_FONT * scale * zoom, TEXT_MAX_WIDTH * scale * zoom);
    const inView = new Set(cands.map((c) => c.id));
    cy.batch(() => nodes.forEach((n) => {
      const hide = inView.has(n.id()) && !keep.has(n.id());
      if (hide !== n.hasClass('nolabel')) n.toggleClass('nolabel', hide);
    }));
    // The zoom the captions were last fitted to, for tests and debugging (they wait for it to match).
    cy.container()?.setAttribute('data-caption-zoom', zoom.toFixed(4));
  }
  return { schedule, run };
}
