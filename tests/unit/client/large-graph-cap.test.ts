import { describe, expect, it } from 'vitest';
import { capElements, renderPlan } from '../../../client/src/large-graph/cap.ts';

describe('render plan', () => {
  it('switches to WebGL and draft layout above the threshold', () => {
    expect(renderPlan(2000)).toEqual({ renderer: 'canvas', layoutQuality: 'default', large: false });
    expect(renderPlan(2001)).toEqual({ renderer: 'webgl', layoutQuality: 'draft', large: true });
  });
});

describe('capping', () => {
  const nodes = Array.from({ length: 100 }, (_, i) => ({ id: `n${i}` }));
  const edges = Array.from({ length: 99 }, (_, i) => ({ id: `e${i}`, source: 'n0', target: `n${i + 1}` }));
  it('keeps everything under the cap', () => {
    const r = capElements(nodes, edges, 1000);
    expect([r.nodes.length, r.edges.length, r.omittedNodes, r.omittedEdges]).toEqual([100, 99, 0, 0]);
  });
  it('keeps hubs and the kept set, only edges between kept nodes, and counts the rest', () => {
    const r = capElements(nodes, edges, 50, new Set(['n99']));
    expect(r.nodes.length + r.edges.length).toBeLessThanOrEqual(50);
    const ids = new Set(r.nodes.map((n) => n.id));
    expect(ids.has('n0')).toBe(true);
    expect(ids.has('n99')).toBe(true);
    expect(r.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(r.omittedNodes).toBe(100 - r.nodes.length);
    expect(r.omittedEdges).toBe(99 - r.edges.length);
  });
  it('keeps input order among kept nodes', () => {
    const r = capElements(nodes, edges, 20);
    const idx = r.nodes.map((n) => Number(n.id.slice(1)));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });
});
