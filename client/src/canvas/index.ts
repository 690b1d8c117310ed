/*
 * Creates the Cytoscape instance and wires its events to named actions. Events never change the canvas
 * directly: they call an action, the state changes, and render() derives the canvas again.
 *
 * Selection: the first click on a node selects it. Cytoscape's 'additive' selection toggled a node on
 * every tap, after our tap handler had already selected it through state, so a first click unselected it
 * again (issue 15, reproduced by tests/e2e/canvas-stability.test.ts). Taps now use 'single' selection
 * (Shift/Ctrl+click and Shift+drag add), and whatever the user selects on the canvas is copied into state.
 */
import cytoscape, { type Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { Actions } from '../state/actions.ts';
import { sameSelection } from '../state/explore-state.ts';
import type { Store } from '../state/store.ts';
import { declutter } from './declutter.ts';
import { keepWholeGraphInView } from './keep-in-view.ts';
import { newMemo, render, updateEdgeLabels, wantedSelection } from './render.ts';
import { stylesheet } from './style.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

export function createCy(container: HTMLElement): Core {
  return cytoscape({
    container,
    style: stylesheet() as cytoscape.StylesheetJson,
    boxSelectionEnabled: true,
    selectionType: 'single',
    minZoom: 0.05,
    maxZoom: 4,
    pixelRatio: 'auto',
  });
}

export function positionsOf(cy: Core): Map<string, { x: number; y: number }> {
  const m = new Map<string, { x: number; y: number }>();
  cy.nodes().forEach((n) => {
    const p = n.position();
    m.set(n.id(), { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
  });
  return m;
}

export function bindCanvas(cy: Core, store: Store, actions: Actions): void {
  const memo = newMemo();
  const labels = declutter(cy, store);
  store.subscribe((s, prev) => {
    const last = s.log[s.log.length - 1];
    if (s.graph !== prev.graph || s.filters !== prev.filters || s.selected !== prev.selected || s.lang !== prev.lang
      || s.layoutRun !== prev.layoutRun || s.focus !== prev.focus || s.pathFrom !== prev.pathFrom
      || s.explore.selection !== prev.explore.selection || s.explore.edge?.id !== prev.explore.edge?.id || s.style !== prev.style) {
      render(cy, s, memo, { restorePositions: last === 'undo' || last === 'redo' });
      labels.schedule();
    }
  });

  // The user's selection (box, Shift+click) becomes state once Cytoscape has finished changing it.
  let syncQueued = false;
  cy.on('select unselect', 'node', () => {
    if (syncQueued) return;
    syncQueued = true;
    queueMicrotask(() => {
      syncQueued = false;
      const ids = cy.nodes(':selected').map((n) => n.id());
      if (!sameSelection(ids, [...wantedSelection(store.get())])) actions.setSelection(ids);
    });
  });

  // Cytoscape reports a double tap for two quick taps on *different* nodes too (selecting two nodes in
  // a row would expand the second); a double-click expands only when both taps were on the same node.
  let lastTap: string | null = null;
  let tapBefore: string | null = null;
  cy.on('tap', 'node', (ev) => {
    tapBefore = lastTap;
    lastTap = ev.target.id() as string;
    const oe = ev.originalEvent as MouseEvent | undefined;
    if (oe && (oe.shiftKey || oe.ctrlKey || oe.metaKey)) return;
    actions.closeMenu();
    actions.closeEdge();
    actions.select(ev.target.id() as string);
  });
  cy.on('tap', 'edge', (ev) => {
    actions.closeMenu();
    void actions.inspectEdge(ev.target.id() as string);
  });
  cy.on('tap', (ev) => {
    if (ev.target === cy) {
      lastTap = null;
      actions.closeMenu();
      actions.closeEdge();
      const oe = ev.originalEvent as MouseEvent | undefined;
      if (store.get().pathFrom) actions.cancelPath();
      else if (!(oe && (oe.shiftKey || oe.ctrlKey || oe.metaKey)) && (store.get().selected || store.get().explore.selection.length)) actions.select(null);
    }
  });
  cy.on('dbltap', 'node', (ev) => {
    if (tapBefore !== ev.target.id()) return;
    const p = ev.renderedPosition ?? ev.target.renderedPosition();
    void actions.expandNode(ev.target.id() as string, { x: p.x, y: p.y });
  });
  cy.on('cxttap', 'node', (ev) => {
    const p = ev.renderedPosition ?? ev.target.renderedPosition();
    const id = ev.target.id() as string;
    // Right-clicking one of several selected nodes keeps them selected: the menu acts on all of them.
    if (store.get().explore.selection.length > 1 && store.get().explore.selection.includes(id)) actions.focusWithin(id);
    actions.openMenu(id, p.x, p.y);
  });
  cy.on('mouseover', 'edge', (ev) => ev.target.addClass('hover'));
  cy.on('mouseout', 'edge', (ev) => ev.target.removeClass('hover'));
  // The full name on hover: drawn over everything and as the canvas's tooltip.
  cy.on('mouseover', 'node', (ev) => {
    ev.target.addClass('hover');
    const name = String(ev.target.data('name') ?? '');
    if (name) cy.container()?.setAttribute('title', name);
  });
  cy.on('mouseout', 'node', (ev) => {
    ev.target.removeClass('hover');
    cy.container()?.removeAttribute('title');
  });
  // Leaving the canvas for a panel over it (the node menu) sends Cytoscape no mouseout: clear the hover here.
  cy.container()?.addEventListener('mouseleave', () => {
    cy.elements('.hover').removeClass('hover');
    cy.container()?.removeAttribute('title');
  });
  cy.on('zoom', () => updateEdgeLabels(cy));
  cy.on('viewport', () => labels.schedule());
  cy.on('layoutstop captionsdirty', () => labels.schedule());
  keepWholeGraphInView(cy);
}
