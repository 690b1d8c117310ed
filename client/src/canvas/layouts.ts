/*
 * The four layouts. Hierarchy is computed by dagre on a headless copy whose responsibility and membership
 * edges are reversed, because the reading order a presenter wants is plan → task → agency while the
 * stored edges point agency → task.
 */
import cytoscape, { type Core, type LayoutOptions, type NodeCollection } from 'cytoscape';
import type { LayoutName } from '../state/store.ts';
import { settings } from '../settings.ts';

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

export function runLayout(cy: Core, name: LayoutName, opts: { incremental: boolean }): void {
  const nodes = cy.nodes();
  if (nodes.length === 0) return;
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
  cy.layout(options).run();
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
