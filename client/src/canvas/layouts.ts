/*
 * The four whole-graph layouts (run on request only), and placeNew: new elements placed around what is
 * already placed, which does not move (issue 15). Hierarchy is computed by dagre on a headless copy whose responsibility and membership
 * edges are reversed, because the reading order a presenter wants is plan → task → agency while the
 * stored edges point agency → task.
 */
import cytoscape, { type Core, type LayoutOptions, type NodeCollection } from 'cytoscape';
import type { LayoutName } from '../state/store.ts';
import { settings } from '../settings.ts';
import { seedPositions, type Point } from './placement.ts';
import { getCaptionScale, setCaptionScale } from './style.ts';

/**
 * Layouts measure nodes with their captions; captions grown for a far zoom (labels.ts) would spread the
 * graph and zoom it out further. Layouts measure at the base size; the declutter pass re-scales after.
 */
export function baseCaptions(cy: Core): void {
  // The captions no longer fit the zoom: the next declutter pass (canvas/declutter.ts) must run.
  cy.container()?.removeAttribute('data-caption-zoom');
  if (getCaptionScale() === 1) return;
  setCaptionScale(1);
  const nodes = cy.nodes() as unknown as { updateStyle(): void; recalculateRenderedStyle(useCache: boolean): void };
  nodes.updateStyle();
  // Label sizes are measured lazily by the renderer; measure now, or the layout reads the grown ones.
  nodes.recalculateRenderedStyle(false);
}

const REVERSED = new Set(['RESPONSIBLE_FOR', 'MEMBER_OF', 'ISSUED_BY', 'ADDRESSED_TO', 'GOVERNS']);

function hierarchyPositions(cy: Core, nodes: NodeCollection): Record<string, { x: number; y: number }> {
  const ids = new Set(nodes.map((n) => n.id()));
  const elements: cytoscape.ElementDefinition[] = nodes.map((n) => {
    // dagre reads node sizes, so give the copy the real footprint including the caption.
    const bb = n.boundingBox({ includeLabels: true });
    return { group: 'nodes', data: { id: n.id(), w: Math.max(bb.w, 40), h: bb.h } };
  });
  const seen = new Set<string>();
  cy.edges().forEach((e) => {
    const [s, t] = REVERSED.has(e.data('type') as string) ? [e.target().id(), e.source().id()] : [e.source().id(), e.target().id()];
    if (!ids.has(s) || !ids.has(t) || s === t || seen.has(`${s}>${t}`)) return;
    seen.add(`${s}>${t}`);
    elements.push({ group: 'edges', data: { id: `h${seen.size}`, source: s, target: t } });
  });
  const headless = cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }] });
  headless.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 10, rankSep: 120, animate: false, fit: false } as LayoutOptions).run();
  const out: Record<string, { x: number; y: number }> = {};
  headless.nodes().forEach((n) => { out[n.id()] = { ...n.position() }; });
  headless.destroy();
  return out;
}

export function runLayout(cy: Core, name: LayoutName, opts: { incremental: boolean } = { incremental: false }): void {
  const nodes = cy.nodes();
  if (nodes.length === 0) return;
  baseCaptions(cy);
  const large = cy.elements().length > settings.largeGraphThreshold;
  const animate = !large && nodes.length < 400;
  const common = { animate, animationDuration: 350, fit: true, padding: 40 };
  let options: LayoutOptions;
  if (name === 'dagre') {
    const pos = hierarchyPositions(cy, nodes);
    options = { name: 'preset', positions: (n: cytoscape.NodeSingular) => pos[n.id()] ?? n.position(), ...common } as LayoutOptions;
  } else if (name === 'concentric') {
    // Selected node in the middle, hubs (groups, plans, agencies) on the inner ring, leaves outside: three
    // rings keep the radius, and so the zoom at which captions stay readable, small.
    options = { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => (n.selected() ? 3 : n.degree(false) > 3 ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 4, spacingFactor: 0.8, avoidOverlap: true, nodeDimensionsIncludeLabels: true, ...common } as LayoutOptions;
  } else if (name === 'grid' || large) {
    options = { name: 'grid', avoidOverlap: true, avoidOverlapPadding: 20, nodeDimensionsIncludeLabels: true, condense: true, ...common, animate: false } as LayoutOptions;
  } else {
    const locked = cy.nodes('.pinned').map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    options = { ...fcoseOptions(nodes.length, { incremental: opts.incremental, locked }), ...common } as LayoutOptions;
  }
  if (nodes.length <= 2) {
    // Fitting one or two nodes would zoom to the maximum; lay them out at once, then fit with the cap.
    // (Capping after an animated fit raced the fit's own viewport animation.)
    cy.layout({ ...options, animate: false, fit: false } as LayoutOptions).run();
    cy.fit(cy.elements(), 40);
    capFitZoom(cy);
    return;
  }
  cy.layout(options).run();
}

/**
 * A fit of one or two nodes would zoom to the canvas's maximum (4×): a caption the size of the panel. Fitting
 * stops at this zoom, centred; the user can still zoom further by hand.
 */
const FIT_MAX_ZOOM = 1.5;

function capFitZoom(cy: Core): void {
  if (cy.zoom() <= FIT_MAX_ZOOM || cy.nodes().empty()) return;
  cy.zoom(FIT_MAX_ZOOM);
  cy.center(cy.elements());
}

export interface FixedNode { nodeId: string; position: { x: number; y: number } }

/**
 * fcose's options for `nodeCount` nodes. 'draft' quality (spectral only) is the fast choice for big graphs,
 * but fcose can only run it from random positions: an incremental run (keep the old positions, place the
 * expanded neighbours) with 'draft' throws inside fcose ("reading 'nodeIndexes'") and leaves the new
 * nodes piled up, so an incremental run always refines with 'default'.
 */
export function fcoseOptions(nodeCount: number, opts: { incremental: boolean; locked?: FixedNode[] }): Record<string, unknown> {
  return {
    name: 'fcose',
    quality: nodeCount > 300 && !opts.incremental ? 'draft' : 'default',
    randomize: !opts.incremental,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 110,
    nodeSeparation: 90,
    packComponents: true,
    numIter: 1500,
    fixedNodeConstraint: opts.locked?.length ? opts.locked : undefined,
  };
}

/** Above this many nodes new ones keep their seeded rings: a force refinement would cost more than it adds. */
const REFINE_LIMIT = 1500;

/**
 * Places `fresh` nodes around what is already on the canvas without moving any of it: each starts on a
 * ring around the placed neighbour it hangs off (placement.ts), then a force layout with every placed node
 * fixed spreads the new ones among themselves; the placed nodes are put back exactly where they were (fcose
 * may shift a component's centre) and the new ones glide from their anchor to their place. The view pans
 * out only if a new node landed outside it.
 */
export function placeNew(cy: Core, fresh: readonly string[]): void {
  if (!fresh.length) return;
  baseCaptions(cy);
  const freshSet = new Set(fresh);
  const placed = new Map<string, Point>();
  cy.nodes().forEach((n) => { if (!freshSet.has(n.id())) placed.set(n.id(), { ...n.position() }); });
  const anchorOf = (id: string): string | null => {
    // The placed neighbour with the most new neighbours: the node that was expanded.
    let best: string | null = null;
    let bestScore = -1;
    cy.getElementById(id).neighborhood('node').forEach((m) => {
      if (!placed.has(m.id())) return;
      const score = m.neighborhood('node').filter((x) => freshSet.has(x.id())).length;
      if (score > bestScore) { best = m.id(); bestScore = score; }
    });
    return best;
  };
  const seeds = seedPositions(fresh, anchorOf, placed);
  const freshEls = cy.nodes().filter((n) => freshSet.has(n.id()));
  cy.batch(() => freshEls.forEach((n) => { const p = seeds.get(n.id()); if (p) n.position(p); }));
  let target = seeds;
  if (placed.size > 0 && cy.nodes().length <= REFINE_LIMIT) {
    const fixed = [...placed].map(([nodeId, position]) => ({ nodeId, position }));
    const locked = cy.nodes(':locked');
    locked.unlock();
    cy.layout({ ...fcoseOptions(cy.nodes().length, { incremental: true, locked: fixed }), animate: false, fit: false, packComponents: false } as unknown as LayoutOptions).run();
    target = new Map(fresh.map((id) => [id, { ...cy.getElementById(id).position() }]));
    cy.batch(() => {
      for (const [id, p] of placed) cy.getElementById(id).position(p);
      freshEls.forEach((n) => { const p = seeds.get(n.id()); if (p) n.position(p); });
    });
    locked.lock();
  }
  const animate = cy.nodes().length < 400;
  freshEls.forEach((n) => {
    const p = target.get(n.id());
    if (!p) return;
    if (animate) n.animate({ position: p }, { duration: 300 });
    else n.position(p);
  });
  const ext = cy.extent();
  const outside = [...target.values()].some((p) => p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2);
  if (outside) {
    const all = cy.nodes().boundingBox({});
    const bb = [...target.values()].reduce((b, p) => ({ x1: Math.min(b.x1, p.x), y1: Math.min(b.y1, p.y), x2: Math.max(b.x2, p.x), y2: Math.max(b.y2, p.y) }), { x1: all.x1, y1: all.y1, x2: all.x2, y2: all.y2 });
    const pad = 60;
    const zoom = Math.min(cy.zoom(), (cy.width() - 2 * pad) / Math.max(1, bb.x2 - bb.x1), (cy.height() - 2 * pad) / Math.max(1, bb.y2 - bb.y1));
    const z = Math.max(cy.minZoom(), zoom);
    const pan = { x: cy.width() / 2 - z * (bb.x1 + bb.x2) / 2, y: cy.height() / 2 - z * (bb.y1 + bb.y2) / 2 };
    cy.animate({ zoom: z, pan }, { duration: 300 });
  }
}

/** Fits the graph in view, measured with base-size captions (grown ones would zoom the view out further each time). */
export function fitView(cy: Core, padding = 40): void {
  baseCaptions(cy);
  cy.animate({ fit: { eles: cy.elements(), padding } }, { duration: 250, complete: () => { capFitZoom(cy); cy.emit('captionsdirty'); } });
}
