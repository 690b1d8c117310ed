/*
 * Presentation polish (issue 15): a slide is fitted into the band between its overlays, so the caption at
 * the bottom and the help / evidence at the top never cover a node; the evidence names the document by title.
 */
import { describe, expect, it } from 'vitest';
import { documentName } from '../../../client/src/modes/present/present-actions.ts';
import { fitViewport } from '../../../client/src/scenes/scene-canvas.ts';

const positions = [{ x: -400, y: -300 }, { x: 400, y: 300 }, { x: 0, y: 0 }];
/** Rendered y of a model y under a viewport. */
const screenY = (vp: { zoom: number; pan: { y: number } }, y: number) => y * vp.zoom + vp.pan.y;

describe('fitting a slide between its overlays', () => {
  it('keeps every node (with its margin) out of a caption band at the bottom and a help band at the top', () => {
    const insets = { top: 60, bottom: 140 };
    const vp = fitViewport(positions, 1366, 768, 110, 2, insets)!;
    const ys = positions.map((p) => screenY(vp, p.y));
    expect(Math.min(...ys) - 50 * vp.zoom).toBeGreaterThanOrEqual(insets.top);
    expect(Math.max(...ys) + 50 * vp.zoom).toBeLessThanOrEqual(768 - insets.bottom);
  });

  it('centres the graph in the band, and in the whole canvas when nothing covers it', () => {
    const band = fitViewport(positions, 1366, 768, 110, 2, { top: 60, bottom: 140 })!;
    expect(screenY(band, 0)).toBeCloseTo(60 + (768 - 200) / 2);
    const whole = fitViewport(positions, 1366, 768, 110)!;
    expect(screenY(whole, 0)).toBeCloseTo(384);
  });
});

describe('the evidence of a slide', () => {
  it("names the document by its node's title when the document is on the canvas, else by what it was given", () => {
    const nodes = { 'document:fz-2019-plan': { name: '2019年数字福州工作要点' } };
    expect(documentName(nodes, 'fz-2019-plan')).toBe('2019年数字福州工作要点');
    expect(documentName(nodes, 'document:fz-2019-plan')).toBe('2019年数字福州工作要点');
    expect(documentName(nodes, 'other')).toBe('other');
  });
});
