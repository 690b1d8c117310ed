/*
 * The canvas is derived from state: render() reconciles Cytoscape's elements with the visible part of
 * the graph (add what is new, drop what is gone, update what changed) instead of rebuilding, so positions
 * and zoom survive every state change and large graphs stay responsive.
 *
 * Stability (issue 15): a node taken off the canvas (filter, hide) leaves its position in the memo and
 * comes back to it; new elements are placed around what is already placed, which never moves; the
 * whole-graph layout runs only when the user asks for it (layout button or choice), or when nothing on the
 * canvas was placed yet, or an action chose another layout for its result (a curated query's ring).
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { relName } from '../i18n/index.ts';
import { settings } from '../settings.ts';
import { visibleGraph } from '../state/filters.ts';
import type { GEdge, GNode } from '../state/graph.ts';
import type { State } from '../state/store.ts';
import { placeNew, runLayout } from './layouts.ts';
import { edgeData, nodeData } from './style.ts';
import { nodeLooks } from './view-style.ts';
import { isAnimating } from './animating.ts';

export interface RenderMemo {
  nodes: Map<string, GNode>;
  edges: Map<string, GEdge>;
  lang: string;
  layoutRun: number;
  wholeLayoutRun: number;
  /** The layout last run; an action that chooses another (a curated query's ring) asks for a whole layout. */
  layout: string;
  focusRun: number;
  /** A centring on the focused node still waiting to run; a later layout or placement cancels it. */
  centre?: ReturnType<typeof setTimeout>;
  /**
   * Where each node was last drawn, kept after it leaves the canvas so it comes back there, with the
   * node's state at that moment: if the node has changed since (a scene gave it a place) its own wins.
   */
  positions: Map<string, { at: { x: number; y: number }; node: GNode | undefined }>;
  /** Nodes added since the last layout that have no place yet. */
  fresh: Set<string>;
}

export const newMemo = (): RenderMemo => ({
  nodes: new Map(), edges: new Map(), lang: '', layoutRun: 0, wholeLayoutRun: 0, layout: '', focusRun: 0, positions: new Map(), fresh: new Set(),
});

/** Ids the canvas shows selected: the selection and the node whose details show. */
export function wantedSelection(s: State): Set<string> {
  const ids = new Set(s.explore.selection);
  if (s.selected) ids.add(s.selected);
  return ids;
}

export function render(cy: Core, state: State, memo: RenderMemo, opts: { restorePositions: boolean }): void {
  const { nodes, edges } = visibleGraph(state.graph, state.filters);
  const langChanged = memo.lang !== state.lang;
  const wantNodes = new Map(nodes.map((n) => [n.id, n]));
  const wantEdges = new Map(edges.map((e) => [e.id, e]));
  const placedBefore = cy.nodes().filter((el) => wantNodes.has(el.id())).length;
  // The user's colours and sizes (size by degree depends on the edges drawn, so it is derived each time).
  const looks = nodeLooks(state.style, settings, nodes, edges);

  cy.batch(() => {
    cy.nodes().forEach((el) => {
      if (wantNodes.has(el.id())) return;
      memo.positions.set(el.id(), { at: { ...el.position() }, node: memo.nodes.get(el.id()) });
      el.remove();
    });
    cy.edges().forEach((el) => { if (!wantEdges.has(el.id())) el.remove(); });
    const defs: ElementDefinition[] = [];
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    for (const n of nodes) {
      const el = cy.getElementById(n.id);
      if (el.empty()) {
        // Back where it was (filter cleared, shown again, undo), else placed by the next layout.
        const left = memo.positions.get(n.id);
        const known = !n.position || (left?.node === n && !opts.restorePositions) ? (left?.at ?? n.position) : n.position;
        if (!known) memo.fresh.add(n.id);
        defs.push({ group: 'nodes', data: nodeData(n, settings, looks.get(n.id)), position: known ? { ...known } : { ...centre }, classes: n.pinned ? 'pinned' : '' });
      } else {
        const look = looks.get(n.id);
        if (memo.nodes.get(n.id) !== n || el.data('color') !== look?.color || el.data('size') !== look?.size) {
          el.data(nodeData(n, settings, look));
          el.toggleClass('pinned', !!n.pinned);
        }
        if (opts.restorePositions && n.position) {
          const locked = el.locked();
          if (locked) el.unlock();
          el.position(n.position);
          if (locked) el.lock();
        }
      }
    }
    for (const e of edges) {
      const el = cy.getElementById(e.id);
      if (el.empty()) defs.push({ group: 'edges', data: edgeData(e, relName(state.lang, e.type)), selectable: false });
      else if (langChanged || memo.edges.get(e.id) !== e) el.data(edgeData(e, relName(state.lang, e.type)));
    }
    if (defs.length) cy.add(defs);
    cy.nodes().forEach((n) => {
      const g = wantNodes.get(n.id());
      if (g?.pinned) n.lock();
      else n.unlock();
    });
    const sel = wantedSelection(state);
    cy.nodes().forEach((n) => {
      const want = sel.has(n.id());
      if (want !== n.selected()) { if (want) n.select(); else n.unselect(); }
    });
    cy.nodes().removeClass('path-source');
    if (state.pathFrom) cy.getElementById(state.pathFrom).addClass('path-source');
    cy.edges().removeClass('inspected');
    if (state.explore.edge) cy.getElementById(state.explore.edge.id).addClass('inspected');
  });
  for (const id of memo.fresh) if (!wantNodes.has(id)) memo.fresh.delete(id);

  memo.nodes = wantNodes;
  memo.edges = wantEdges;
  memo.lang = state.lang;
  updateEdgeLabels(cy);

  const layoutAsked = state.layoutRun !== memo.layoutRun;
  const whole = layoutAsked && (state.explore.wholeLayoutRun !== memo.wholeLayoutRun || placedBefore === 0 || state.layout !== memo.layout);
  memo.layoutRun = state.layoutRun;
  if (layoutAsked) memo.layout = state.layout;
  memo.wholeLayoutRun = state.explore.wholeLayoutRun;
  if (whole || memo.fresh.size) {
    const fresh = [...memo.fresh];
    memo.fresh.clear();
    // The graph is being laid out again (e.g. a query answered after a search): an earlier focus's centring
    // would zoom into one node of the new picture after its fit, so it is dropped.
    clearTimeout(memo.centre);
    // Panels may change the canvas size in the same state change (results drawer); lay out after they did.
    requestAnimationFrame(() => {
      cy.resize();
      if (!cy.nodes().length) return;
      if (whole) runLayout(cy, state.layout);
      else if (fresh.length) placeNew(cy, fresh.filter((id) => cy.getElementById(id).nonempty()));
    });
  }
  if (state.focus && state.focus.run !== memo.focusRun) {
    memo.focusRun = state.focus.run;
    const el = cy.getElementById(state.focus.id);
    if (el.nonempty()) {
      const doCentre = (): void => {
        // A layout may still be moving things: centre once nothing animates.
        if (isAnimating(cy)) {
          memo.centre = setTimeout(doCentre, 50);
          return;
        }
        memo.centre = undefined;
        if (el.inside()) cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
      };
      clearTimeout(memo.centre);
      memo.centre = setTimeout(doCentre, 400);
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
