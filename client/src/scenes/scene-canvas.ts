/*
 * The bridge between the canvas and scenes / shared views: capture what is on screen, turn a scene back
 * into graph state, and move the canvas to a scene with an animation. Kept apart from the pure list
 * operations because it needs a live Cytoscape instance.
 */
import type { Core } from 'cytoscape';
import type { GraphState } from '../state/graph.ts';
import type { State } from '../state/store.ts';
import { sharedAnalysis } from '../modes/analysis/analysis-state.ts';
import { newSceneId, type Scene, type SceneEdge, type SceneNode } from './scene-model.ts';

const round = (v: number) => Math.round(v * 10) / 10;

/** The visible canvas as a scene: node data from state (so properties travel), positions from Cytoscape. */
export function captureScene(cy: Core, s: State, name: string, caption: string, now = new Date()): Scene {
  const nodes: SceneNode[] = [];
  cy.nodes().forEach((el) => {
    const g = s.graph.nodes[el.id()];
    const p = el.position();
    nodes.push({
      id: el.id(),
      label: g?.label ?? String(el.data('label') ?? ''),
      name: g?.name ?? String(el.data('name') ?? el.id()),
      properties: { ...(g?.properties ?? {}) },
      x: round(p.x),
      y: round(p.y),
      ...(g?.pinned ? { pinned: true } : {}),
    });
  });
  const edges: SceneEdge[] = [];
  cy.edges().forEach((el) => {
    const g = s.graph.edges[el.id()];
    edges.push({
      id: el.id(),
      type: g?.type ?? String(el.data('type') ?? ''),
      source: el.source().id(),
      target: el.target().id(),
      properties: { ...(g?.properties ?? {}) },
      ...(g?.derived ? { derived: true } : {}),
    });
  });
  const pan = cy.pan();
  return {
    id: newSceneId(now.getTime()),
    name,
    caption,
    createdAt: now.toISOString(),
    layout: s.layout,
    zoom: cy.zoom(),
    pan: { x: round(pan.x), y: round(pan.y) },
    selected: s.selected,
    nodes,
    edges,
    style: s.style,
    ...(s.mode === 'analysis' ? { analysis: sharedAnalysis(s.analysis) } : {}),
  };
}

export function sceneGraph(scene: Scene): GraphState {
  const nodes: GraphState['nodes'] = Object.fromEntries(scene.nodes.map((n) => [n.id, {
    id: n.id, label: n.label, name: n.name, properties: n.properties, position: { x: n.x, y: n.y }, ...(n.pinned ? { pinned: true } : {}),
  }]));
  const edges: GraphState['edges'] = Object.fromEntries(scene.edges.filter((e) => nodes[e.source] && nodes[e.target]).map((e) => [e.id, {
    id: e.id, type: e.type, source: e.source, target: e.target, properties: e.properties, ...(e.derived ? { derived: true } : {}),
  }]));
  return { nodes, edges, hidden: {} };
}

/**
 * Moves every node to its place in the scene and the viewport to the scene's zoom and pan. Nodes that were
 * already on the canvas glide there; new ones fade in, so the audience can follow what changed.
 */
export function moveCanvasTo(
  cy: Core,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  viewport: { zoom: number; pan: { x: number; y: number } } | null,
  duration: number,
): Promise<void> {
  cy.stop(true, true);
  const jobs: Promise<unknown>[] = [];
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = positions.get(n.id());
      if (!p) return;
      const locked = n.locked();
      if (locked) n.unlock();
      if (duration > 0 && (n.position().x !== p.x || n.position().y !== p.y)) {
        jobs.push(new Promise<void>((done) => n.animate({ position: p }, { duration, easing: 'ease-in-out-cubic', complete: () => { if (locked) n.lock(); done(); } })));
      } else {
        n.position(p);
        if (locked) n.lock();
      }
    });
  });
  if (viewport) {
    if (duration > 0) jobs.push(cy.animation({ zoom: viewport.zoom, pan: viewport.pan, duration, easing: 'ease-in-out-cubic' }).play().promise());
    else cy.viewport({ zoom: viewport.zoom, pan: viewport.pan });
  }
  return Promise.all(jobs).then(() => undefined);
}

/** Zoom and pan that fit the given positions (plus a margin for node bodies and captions) in w × h. */
/** Bands at the top and bottom of the canvas that overlays cover (a slide's caption, its evidence box). */
export interface Insets { top: number; bottom: number }

/** The viewport that fits the positions into the canvas, or into the part of it between `insets` when given. */
export function fitViewport(positions: Iterable<{ x: number; y: number }>, w: number, fullH: number, padding = 60, maxZoom = 2, insets: Insets = { top: 0, bottom: 0 }): { zoom: number; pan: { x: number; y: number } } | null {
  const h = fullH - insets.top - insets.bottom;
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const p of positions) {
    x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y);
  }
  if (!Number.isFinite(x1) || w <= 0 || h <= 0) return null;
  const margin = 50;
  const bw = x2 - x1 + 2 * margin;
  const bh = y2 - y1 + 2 * margin;
  // Overlays already keep their bands free, so inside them a small vertical padding is enough.
  const padY = insets.top || insets.bottom ? Math.min(padding, 24) : padding;
  const zoom = Math.min(maxZoom, (w - 2 * padding) / bw, (h - 2 * padY) / bh);
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  return { zoom, pan: { x: w / 2 - cx * zoom, y: insets.top + h / 2 - cy * zoom } };
}

export function scenePositions(scene: Scene): Map<string, { x: number; y: number }> {
  return new Map(scene.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
}
