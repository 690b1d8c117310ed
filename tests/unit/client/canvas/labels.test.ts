import { describe, expect, it } from 'vitest';
import { BASE_FONT, captionBox, fontScale, keepCaptions, MAX_FONT_SCALE, MIN_FONT_PX, textEm, type LabelCandidate } from '../../../../client/src/canvas/labels.ts';

const cand = (id: string, x: number, y: number, caption: string, priority = 0): LabelCandidate => ({ id, x, y, nodeHeight: 30, caption, priority });

describe('caption size', () => {
  it('never draws a caption below the minimum on screen while zooming out, up to the cap', () => {
    for (const zoom of [2, 1, 0.75, 0.5, 0.3, 0.2]) {
      const onScreen = BASE_FONT * fontScale(zoom) * zoom;
      if (fontScale(zoom) < MAX_FONT_SCALE) expect(onScreen).toBeGreaterThanOrEqual(MIN_FONT_PX - 1e-9);
    }
    // Zoomed in, captions keep their base size.
    expect(fontScale(2)).toBe(1);
    expect(fontScale(0.01)).toBe(MAX_FONT_SCALE);
  });

  it('measures Chinese characters as one em and Latin letters as narrower', () => {
    expect(textEm('长乐区政府')).toBe(5);
    expect(textEm('ICC')).toBeCloseTo(1.8);
  });

  it('wraps a long caption with spaces at the maximum width, and keeps a Chinese one on one line as Cytoscape draws it', () => {
    const one = captionBox(cand('a', 0, 0, 'Changle'), 12, 100);
    const two = captionBox(cand('b', 0, 0, 'Fuzhou Big Data Development Committee'), 12, 100);
    expect(two.y2 - two.y1).toBeGreaterThan(one.y2 - one.y1);
    expect(two.x2 - two.x1).toBeLessThanOrEqual(100 + 8);
    const zh = captionBox(cand('c', 0, 0, '福州市加快推进数字化全面赋能工作'), 12, 100);
    expect(zh.y2 - zh.y1).toBe(one.y2 - one.y1);
    expect(zh.x2 - zh.x1).toBeCloseTo(16 * 12 + 8);
  });
});

describe('level of detail', () => {
  it('keeps the more important of two colliding captions and both when they are apart', () => {
    const keep = keepCaptions([cand('low', 0, 0, '福州市大数据委', 1), cand('high', 10, 5, '长乐区政府', 5), cand('far', 500, 500, '鼓楼区政府', 0)], 12, 110);
    expect([...keep].sort()).toEqual(['far', 'high']);
  });

  it('never keeps two captions whose boxes overlap', () => {
    const cands = Array.from({ length: 200 }, (_, i) => cand(`n${i}`, (i * 37) % 400, (i * 53) % 300, `任务${i}名称比较长的一项`, i % 7));
    const keep = keepCaptions(cands, 12, 110);
    const boxes = cands.filter((c) => keep.has(c.id)).map((c) => captionBox(c, 12, 110));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!, b = boxes[j]!;
      expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
    }
    expect(keep.size).toBeGreaterThan(5);
    expect(keep.size).toBeLessThan(200);
  });
});
