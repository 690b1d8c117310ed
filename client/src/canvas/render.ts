/*
 * The canvas is derived from state: render() reconciles Cytoscape's elements with the visible part of
 * the graph (add what is new, drop what is gone, update what changed) instead of rebuilding, so positions
 * and zoom survive every state change and large graphs stay responsive.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { relName } from '../i18n/index.ts';
import { settings } from '../settings.ts';
import { visibleGraph } from '../state/filters.ts';
import { neighbourIds, type GEdge, type GNode } from '../state/graph.ts';
import type { State } from '../state/store.ts';
import { runLayout } from './layouts.ts';
import { edgeData, nodeData } from './style.ts';

export interface RenderMemo {
  nodes: Map<string, GNode>;
  edges: Map<string, GEdge>;
  lang: string;
  layoutRun: number;
  focusRun: number;
}

export const newMemo = (): RenderMemo => ({ nodes: new Map(), edges: new Map(), lang: '', layoutRun: 0, focusRun: 0 });

export function render(cy: Core, state: State, memo: RenderMemo, opts: { restorePositions: boolean }): void {
  const { nodes, edges } = visibleGraph(state.graph, state.filters);
  const langChanged = memo.lang !== state.lang;
  const wantNodes = new Map(nodes.map((n) => [n.id, n]));
  const wantEdges = new Map(edges.map((e) => [e.id, e]));
  let added = 0;

  cy.batch(() => {
    cy.nodes().forEach((el) => { if (!wantNodes.has(el.id())) el.remove(); });
    cy.edges().forEach((el) => { if (!wantEdges.has(el.id())) el.remove(); });
    const defs: ElementDefinition[] = [];
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    for (const n of nodes) {
      const el = cy.getElementById(n.id);
      if (el.empty()) {
        // Start new nodes next to a neighbour already drawn, so incremental layouts move little.
        const near = neighbourIds(state.graph, n.id).map((id) => cy.getElementById(id)).find((x) => x.nonempty());
        const base = n.position ?? (near ? near.position() : cy.nodes().length ? centre : { x: 0, y: 0 });
        const jitter = n.position ? { x: 0, y: 0 } : { x: (Math.random() - 0.5) * 80, y: (Math.random() - 0.5) * 80 };
        defs.push({ group: 'nodes', data: nodeData(n, settings), position: { x: base.x + jitter.x, y: base.y + jitter.y }, classes: n.pinned ? 'pinned' : '' });
        added++;
      } else {
        if (memo.nodes.get(n.id) !== n) {
          el.data(nodeData(n, settings));
          el.toggleClass('pinned', !!n.pinned);
        }
        if (opts.restorePositions && n.position) el.position(n.position);
      }
      if (n.pinned) el.lock?.();
    }
    for (const e of edges) {
      const el = cy.getElementById(e.id);
      if (el.empty()) defs.push({ group: 'edges', data: edgeData(e, relName(state.lang, e.type)) });
      else if (langChanged || memo.edges.get(e.id) !== e) el.data(edgeData(e, relName(state.lang, e.type)));
    }
    if (defs.length) cy.add(defs);
    cy.nodes().forEach((n) => {
      const g = wantNodes.get(n.id());
      if (g?.pinned) n.lock();
      else n.unlock();
    });
    cy.nodes().unselect();
    if (state.selected) cy.getElementById(state.selected).select();
    cy.nodes().removeClass('path-source');
    if (state.pathFrom) cy.getElementById(state.pathFrom).addClass('path-source');
  });

  memo.nodes = wantNodes;
  memo.edges = wantEdges;
  memo.lang = state.lang;
  updateEdgeLabels(cy);

  if (state.layoutRun !== memo.layoutRun) {
    memo.layoutRun = state.layoutRun;
    const incremental = added < cy.nodes().length && state.layout === 'fcose' && added > 0;
    // Panels may change the canvas size in the same state change (results drawer); lay out after they did.
    requestAnimationFrame(() => {
      cy.resize();
      if (cy.nodes().length) runLayout(cy, state.layout, { incremental });
    });
  }
  if (state.focus && state.focus.run !== memo.focusRun) {
    memo.focusRun = state.focus.run;
    const el = cy.getElementById(state.focus.id);
    if (el.nonempty()) {
      const doCentre = () => cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
      // A layout may still be moving things; centre once it settles.
      setTimeout(doCentre, 400);
    }
  }
}

/** Edge captions are drawn only at close zoom (or on hover), so an overview is not buried in text. */
export function updateEdgeLabels(cy: Core): void {
  const show = cy.zoom() >= settings.edgeLabelZoom;
  const edges = cy.edges();
  if (edges.length > settings.largeGraphThreshold) return;
  if (show !== edges.first().hasClass('labelled')) edges.toggleClass('labelled', show);
}
