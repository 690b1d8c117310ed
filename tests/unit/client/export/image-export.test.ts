/*
 * Exported images (issue 15): the graph framed centred below the title and clear of the legend's column,
 * long titles shortened, and the title stored in the PNG itself (an iTXt chunk, UTF-8) where viewers and
 * tests read it back; the title offered is the view's caption or scene name.
 */
import { describe, expect, it } from 'vitest';
import { exportFrame, fitTitle, titleBand } from '../../../../client/src/export/image-export.ts';
import { textWidth } from '../../../../client/src/export/legend-overlay.ts';
import { crc32, readPngSize, readPngTexts, withPngText } from '../../../../client/src/export/png-info.ts';
import { defaultExportTitle } from '../../../../client/src/export/export-title.ts';
import type { Scene } from '../../../../client/src/scenes/scene-model.ts';

// A real 1×1 PNG (IHDR, IDAT, IEND).
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));

describe('the frame of an exported image', () => {
  const opts = { top: 48, side: 150, padding: 24, maxZoom: 1.5 };
  const box = { x1: 100, y1: -200, w: 800, h: 400 };

  it('centres the graph horizontally and in the band below the title', () => {
    const f = exportFrame(box, 1366, 700, opts)!;
    const left = box.x1 * f.zoom + f.pan.x;
    const right = (box.x1 + box.w) * f.zoom + f.pan.x;
    expect(left + right).toBeCloseTo(1366, 6);
    const top = box.y1 * f.zoom + f.pan.y;
    const bottom = (box.y1 + box.h) * f.zoom + f.pan.y;
    expect(top).toBeGreaterThanOrEqual(48 + 24 - 1e-9);
    expect(bottom).toBeLessThanOrEqual(700 - 24 + 1e-9);
    expect((top + bottom) / 2).toBeCloseTo(48 + (700 - 48) / 2, 6);
  });

  it('keeps the graph out of the legend\'s column on both sides and under the zoom cap', () => {
    const wide = exportFrame({ x1: 0, y1: 0, w: 4000, h: 100 }, 1366, 700, opts)!;
    expect(0 * wide.zoom + wide.pan.x).toBeCloseTo(150, 6);
    expect(4000 * wide.zoom + wide.pan.x).toBeCloseTo(1366 - 150, 6);
    expect(exportFrame({ x1: 0, y1: 0, w: 40, h: 40 }, 1366, 700, opts)!.zoom).toBe(1.5);
  });

  it('has no frame for an empty graph or an image too small for its bands', () => {
    expect(exportFrame({ x1: 0, y1: 0, w: 0, h: 0 }, 800, 600, opts)).toBeNull();
    expect(exportFrame(box, 250, 600, opts)).toBeNull();
  });

  it('gives the title a band only when there is a title, and shortens one wider than the image', () => {
    expect(titleBand('')).toBe(0);
    expect(titleBand('  ')).toBe(0);
    expect(titleBand('长乐区政府的 11 项任务', 20)).toBe(44);
    expect(fitTitle('长乐区政府的 11 项任务', 1000, 22)).toBe('长乐区政府的 11 项任务');
    const short = fitTitle('长乐区政府负责的任务'.repeat(10), 300, 22);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short, 22)).toBeLessThanOrEqual(300);
  });
});

describe('the title inside the PNG', () => {
  it('is an iTXt chunk after IHDR that reads back in UTF-8 and leaves the image as it was', () => {
    const out = withPngText(PNG, 'Title', '长乐区政府的 11 项任务');
    expect(readPngSize(out)).toEqual(readPngSize(PNG));
    expect(String.fromCharCode(...out.subarray(37, 41))).toBe('iTXt');
    expect(readPngTexts(out)).toEqual({ Title: '长乐区政府的 11 项任务' });
    expect(readPngTexts(PNG)).toEqual({});
  });

  it('is left out when its checksum does not match (a damaged chunk)', () => {
    const out = withPngText(PNG, 'Title', 'abc');
    out[out.indexOf(0x61)] = 0x62;
    expect(readPngTexts(out)).toEqual({});
  });

  it('uses the PNG CRC-32', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('the title an export offers', () => {
  const scenes = (caption: string, current: string | null) => ({
    scenes: { caption, current, list: [{ id: 's1', name: '长乐区任务' }] as unknown as Scene[] },
  });

  it('is the view\'s caption, else the name of the scene on the canvas, else nothing', () => {
    expect(defaultExportTitle(scenes('长乐区政府的 11 项任务', 's1'))).toBe('长乐区政府的 11 项任务');
    expect(defaultExportTitle(scenes('  ', 's1'))).toBe('长乐区任务');
    expect(defaultExportTitle(scenes('', null))).toBe('');
  });
});
