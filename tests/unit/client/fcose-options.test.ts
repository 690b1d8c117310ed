import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import { fcoseOptions } from '../../../client/src/canvas/layouts.ts';

cytoscape.use(fcose);

/** A headless graph of `n` laid-out nodes in a chain, plus `fresh` new nodes hanging off the first one, started
 *  next to it as render.ts starts them. */
function graph(n: number, fresh: number): cytoscape.Core {
  const elements: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < n; i++) {
    elements.push({ group: 'nodes', data: { id: `n${i}` }, position: { x: (i % 20) * 60, y: Math.floor(i / 20) * 60 } });
    if (i > 0) elements.push({ group: 'edges', data: { id: `e${i}`, source: `n${i - 1}`, target: `n${i}` } });
  }
  for (let j = 0; j < fresh; j++) {
    elements.push({ group: 'nodes', data: { id: `f${j}` }, position: { x: (j % 4) * 10 - 15, y: Math.floor(j / 4) * 10 - 15 } });
    elements.push({ group: 'edges', data: { id: `ef${j}`, source: 'n0', target: `f${j}` } });
  }
  return cytoscape({ headless: true, styleEnabled: true, elements });
}

describe('fcose options', () => {
  it('lay out an expansion of a graph past 300 nodes without fcose throwing', () => {
    const cy = graph(320, 12);
    const options = { ...fcoseOptions(cy.nodes().length, { incremental: true }), animate: false, fit: false } as LayoutOptions;
    expect(() => cy.layout(options).run()).not.toThrow();
    const fresh = cy.nodes('[id ^= "f"]').map((n) => n.position());
    expect(fresh.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    // The layout ran: the new neighbours were pushed apart from the 10-pixel grid they started on.
    const spread = Math.max(...fresh.map((p) => p.x)) - Math.min(...fresh.map((p) => p.x));
    expect(spread).toBeGreaterThan(100);
  });

  it('use the spectral draft only for a fresh layout of a big graph', () => {
    expect(fcoseOptions(301, { incremental: false })).toMatchObject({ quality: 'draft', randomize: true });
    expect(fcoseOptions(301, { incremental: true })).toMatchObject({ quality: 'default', randomize: false });
    expect(fcoseOptions(40, { incremental: false })).toMatchObject({ quality: 'default', randomize: true });
  });

  it('pass pinned nodes as fixed-node constraints and nothing when none is pinned', () => {
    const locked = [{ nodeId: 'n1', position: { x: 5, y: 7 } }];
    expect(fcoseOptions(10, { incremental: true, locked }).fixedNodeConstraint).toEqual(locked);
    expect(fcoseOptions(10, { incremental: true, locked: [] }).fixedNodeConstraint).toBeUndefined();
  });
});
