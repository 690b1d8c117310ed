import { describe, expect, it } from 'vitest';
import { FIRST_RING, RING_GAP, ringAround, seedPositions, type Point } from '../../../../client/src/canvas/placement.ts';

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('placing new nodes around what is placed', () => {
  it('puts a few new nodes on one ring round their anchor, facing away from the graph, a ring gap apart', () => {
    const ring = ringAround({ x: 0, y: 0 }, 3, 0);
    for (const p of ring) expect(dist(p, { x: 0, y: 0 })).toBeCloseTo(FIRST_RING);
    // Facing angle 0 = to the right: every node is on the right half.
    expect(ring.every((p) => p.x > 0)).toBe(true);
    for (let i = 1; i < ring.length; i++) expect(dist(ring[i]!, ring[i - 1]!)).toBeGreaterThanOrEqual(RING_GAP * 0.95);
  });

  it('opens further rings when one is full, and no two nodes share a spot', () => {
    const ring = ringAround({ x: 10, y: 20 }, 60, Math.PI / 2);
    expect(ring).toHaveLength(60);
    const radii = new Set(ring.map((p) => Math.round(dist(p, { x: 10, y: 20 }))));
    expect(radii.size).toBeGreaterThan(1);
    for (let i = 0; i < ring.length; i++) for (let j = i + 1; j < ring.length; j++) expect(dist(ring[i]!, ring[j]!)).toBeGreaterThan(RING_GAP * 0.5);
  });

  it('seeds new nodes round the placed neighbour they hang off, away from the centre, and never moves a placed node', () => {
    const placed = new Map<string, Point>([['a', { x: 0, y: 0 }], ['b', { x: 400, y: 0 }]]);
    const seeds = seedPositions(['n1', 'n2', 'n3'], () => 'b', placed);
    expect(seeds.has('a')).toBe(false);
    expect(seeds.has('b')).toBe(false);
    for (const p of seeds.values()) {
      expect(dist(p, placed.get('b')!)).toBeCloseTo(FIRST_RING);
      // b is right of the centre (200, 0): its new neighbours go further right.
      expect(p.x).toBeGreaterThan(400);
    }
  });

  it('lays nodes with no placed neighbour in rows to the right of the drawing', () => {
    const placed = new Map<string, Point>([['a', { x: 0, y: 0 }], ['b', { x: 300, y: 100 }]]);
    const seeds = seedPositions(['x', 'y', 'z', 'w'], () => null, placed);
    for (const p of seeds.values()) expect(p.x).toBeGreaterThan(300);
    expect(new Set([...seeds.values()].map((p) => `${p.x},${p.y}`)).size).toBe(4);
  });

  it('starts an empty canvas at the origin', () => {
    const seeds = seedPositions(['x'], () => null, new Map());
    expect(seeds.get('x')).toEqual({ x: 0, y: 0 });
  });
});
