import { describe, expect, it } from 'vitest';
import { clampSize, maxPanelSize, parseSplit } from '../../../client/src/panels/split.ts';

describe('the split between a panel and the canvas', () => {
  it('leaves the canvas half of the window: the panel gets what remains after the other rows', () => {
    // 716 px column (768 window − top bar), toolbar and handles 62 px: 716 − 62 − 384 = 270.
    expect(maxPanelSize(716, 768, 62)).toBe(270);
    expect(maxPanelSize(300, 768, 62)).toBe(0);
  });

  it('keeps a chosen size between a usable minimum and the maximum', () => {
    expect(clampSize(500, 270)).toBe(270);
    expect(clampSize(10, 270)).toBe(48);
    expect(clampSize(120.6, 270)).toBe(121);
  });

  it('reads a remembered size, and ignores one that is not a size', () => {
    expect(parseSplit('{"size":180,"collapsed":false}')).toEqual({ size: 180, collapsed: false });
    expect(parseSplit('{"size":-3,"collapsed":true}')).toEqual({ size: null, collapsed: true });
    expect(parseSplit('not json')).toEqual({ size: null, collapsed: false });
    expect(parseSplit(null)).toEqual({ size: null, collapsed: false });
  });
});
