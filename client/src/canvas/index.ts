/*
 * Creates the Cytoscape instance and wires its events to named actions. Events never change the canvas
 * directly: they call an action, the state changes, and render() derives the canvas again.
 */
import cytoscape, { type Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { Actions } from '../state/actions.ts';
import type { Store } from '../state/store.ts';
import { newMemo, render, updateEdgeLabels } from './render.ts';
import { stylesheet } from './style.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

export function createCy(container: HTMLElement): Core {
  return cytoscape({
    container,
    style: stylesheet() as cytoscape.StylesheetJson,
    boxSelectionEnabled: true,
    selectionType: 'additive',
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
  store.subscribe((s, prev) => {
    const last = s.log[s.log.length - 1];
    if (s.graph !== prev.graph || s.filters !== prev.filters || s.selected !== prev.selected || s.lang !== prev.lang
      || s.layoutRun !== prev.layoutRun || s.focus !== prev.focus || s.pathFrom !== prev.pathFrom) {
      render(cy, s, memo, { restorePositions: last === 'undo' || last === 'redo' });
    }
  });

  cy.on('tap', 'node', (ev) => {
    const oe = ev.originalEvent as MouseEvent | undefined;
    if (oe && (oe.shiftKey || oe.ctrlKey || oe.metaKey)) return;
    actions.closeMenu();
    actions.select(ev.target.id() as string);
  });
  cy.on('tap', (ev) => {
    if (ev.target === cy) {
      actions.closeMenu();
      if (store.get().pathFrom) actions.cancelPath();
      else if (store.get().selected) actions.select(null);
    }
  });
  cy.on('dbltap', 'node', (ev) => {
    const p = ev.renderedPosition ?? ev.target.renderedPosition();
    void actions.expandNode(ev.target.id() as string, { x: p.x, y: p.y });
  });
  cy.on('cxttap', 'node', (ev) => {
    const p = ev.renderedPosition ?? ev.target.renderedPosition();
    actions.openMenu(ev.target.id() as string, p.x, p.y);
  });
  cy.on('mouseover', 'edge', (ev) => ev.target.addClass('hover'));
  cy.on('mouseout', 'edge', (ev) => ev.target.removeClass('hover'));
  cy.on('zoom', () => updateEdgeLabels(cy));
}
