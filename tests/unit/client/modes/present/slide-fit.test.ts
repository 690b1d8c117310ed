import { describe, expect, it } from 'vitest';
import { boxCorners, type Reach } from '../../../../../client/src/modes/present/slide-fit.ts';
import { fitViewport } from '../../../../../client/src/scenes/scene-canvas.ts';

const positions = new Map([['agency', { x: 0, y: 0 }], ['task', { x: 800, y: 0 }]]);
/** A task caption 300 units wide under its node, as the slide show's 22-unit type draws a long title. */
const reach = new Map<string, Reach>([['agency', { left: 60, right: 60, top: 20, bottom: 50 }], ['task', { left: 150, right: 150, top: 20, bottom: 50 }]]);

describe('the corners a slide is fitted to', () => {
  it('reach as far as each node reaches at its place in the scene, caption included', () => {
    expect(boxCorners(positions, reach)).toEqual([{ x: -60, y: -20 }, { x: 60, y: 50 }, { x: 650, y: -20 }, { x: 950, y: 50 }]);
  });

  it('give a node not on the canvas the reach of a body without a caption', () => {
    expect(boxCorners(new Map([['new', { x: 10, y: 10 }]]), new Map())).toEqual([{ x: -10, y: -10 }, { x: 30, y: 30 }]);
  });

  it('keep a long caption at the edge on a 1366-pixel canvas, which a fit of positions alone cuts', () => {
    const right = (vp: { zoom: number; pan: { x: number } }) => 950 * vp.zoom + vp.pan.x;
    expect(right(fitViewport(boxCorners(positions, reach), 1366, 768, 40)!)).toBeLessThanOrEqual(1366);
    expect(right(fitViewport(positions.values(), 1366, 768, 40)!)).toBeGreaterThan(1366);
  });
});
