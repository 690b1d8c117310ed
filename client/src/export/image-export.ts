/*
 * Exported images of the view (issue 15: "exports centred on the graph, with an optional legend and
 * title"). The image keeps the canvas's size × scale, but the graph is framed for it: centred horizontally,
 * below the title's band, clear of the legend's column on both sides (so it stays centred), never zoomed in
 * past a cap. The frame is pure (unit-tested); drawing borrows the canvas for one synchronous render and
 * puts the user's viewport back before the browser paints.
 */
import type { Core } from 'cytoscape';
import { FONT } from '../canvas/style.ts';
import { labelColour } from '../canvas/view-style.ts';
import { labelName, translate } from '../i18n/index.ts';
import { settings } from '../settings.ts';
import type { State } from '../state/store.ts';
import { pngBlob, svgText } from './export-canvas.ts';
import { legendEntries, legendSize, paintLegend, textWidth, withSvgLegend, type LegendEntry } from './legend-overlay.ts';
import { withPngText } from './png-info.ts';

export interface ImageOptions {
  /** Drawn above the graph, centred; empty = no title. */
  title: string;
  legend: boolean;
}

interface Box { x1: number; y1: number; w: number; h: number }
export interface Frame { zoom: number; pan: { x: number; y: number } }

/** Height of the title's band in CSS pixels (none without a title). */
export function titleBand(title: string, font = settings.style.exportTitleFont): number {
  return title.trim() ? Math.round(font * 2.2) : 0;
}

/**
 * Zoom and pan that put the graph's box (model units, captions included) in a w × h image: centred
 * horizontally, centred vertically below `top`, kept `side` px from both edges (the legend's column),
 * `padding` px clear of every edge, zoom at most `maxZoom`.
 */
export function exportFrame(box: Box, w: number, h: number, opts: { top: number; side: number; padding: number; maxZoom: number }): Frame | null {
  const availW = w - 2 * Math.max(opts.side, opts.padding);
  const availH = h - opts.top - 2 * opts.padding;
  if (box.w <= 0 && box.h <= 0) return null;
  if (availW <= 0 || availH <= 0) return null;
  const zoom = Math.min(opts.maxZoom, box.w > 0 ? availW / box.w : Infinity, box.h > 0 ? availH / box.h : Infinity);
  const cx = box.x1 + box.w / 2;
  const cy = box.y1 + box.h / 2;
  return { zoom, pan: { x: w / 2 - cx * zoom, y: opts.top + opts.padding + availH / 2 - cy * zoom } };
}

/** The legend of the labels drawn, in the view's colours and the UI's language, with how size was chosen. */
export function viewLegend(cy: Core, s: State): { entries: LegendEntry[]; note: string } {
  const labels = cy.nodes().map((n) => s.graph.nodes[n.id()]?.label ?? String(n.data('label') ?? '')).filter(Boolean);
  const entries = legendEntries(labels, (l) => ({ color: labelColour(s.style, settings, l) }), (l) => labelName(s.lang, l));
  return { entries, note: s.style.sizeMode === 'degree' ? translate(s.lang, 'exSizeByDegree') : '' };
}

/** Shortens a title to fit `max` px at `font` px, with an ellipsis. */
export function fitTitle(title: string, max: number, font: number): string {
  const t = title.trim();
  if (textWidth(t, font) <= max) return t;
  const chars = [...t];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, font) > max) chars.pop();
  return `${chars.join('')}…`;
}

interface Layout { frame: Frame | null; top: number; legend: { entries: LegendEntry[]; note: string }; title: string }

function layoutFor(cy: Core, s: State, o: ImageOptions): Layout {
  const legend = o.legend ? viewLegend(cy, s) : { entries: [], note: '' };
  const top = titleBand(o.title);
  const st = settings.style;
  const side = legend.entries.length ? legendSize(legend.entries, legend.note).width + 24 : 0;
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const frame = exportFrame({ x1: bb.x1, y1: bb.y1, w: bb.w, h: bb.h }, cy.width(), cy.height(), { top, side, padding: st.exportPadding, maxZoom: st.exportMaxZoom });
  return { frame, top, legend, title: fitTitle(o.title, cy.width() - 2 * st.exportPadding, st.exportTitleFont) };
}

/** Runs `draw` with the canvas framed for the image, then puts the user's viewport back. */
function framed<T>(cy: Core, frame: Frame | null, draw: () => T): T {
  if (!frame) return draw();
  const saved = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  cy.viewport(frame);
  try {
    return draw();
  } finally {
    cy.viewport(saved);
  }
}

/** The view as a PNG at `scale` × the canvas size: graph centred, title above it, legend in its column. */
export async function viewPng(cy: Core, s: State, o: ImageOptions & { scale: number }): Promise<Blob> {
  const l = layoutFor(cy, s, o);
  const raw = await framed(cy, l.frame, () => pngBlob(cy, o.scale));
  if (!l.title && !l.legend.entries.length) return raw;
  const image = await createImageBitmap(raw);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(image, 0, 0);
  ctx.scale(o.scale, o.scale);
  if (l.title) {
    ctx.font = `600 ${settings.style.exportTitleFont}px ${FONT}`;
    ctx.fillStyle = '#0f172a';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(l.title, cy.width() / 2, l.top / 2);
    ctx.textAlign = 'start';
  }
  if (l.legend.entries.length) paintLegend(ctx, l.legend.entries, 12, l.top + 12, l.legend.note);
  const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  // The title also travels as the PNG's own Title text (iTXt), which image viewers and search show.
  return l.title ? new Blob([withPngText(new Uint8Array(await png.arrayBuffer()), 'Title', l.title) as BlobPart], { type: 'image/png' }) : png;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The view as SVG (canvas size): graph centred, title as a text element above it, legend in its column. */
export function viewSvg(cy: Core, s: State, o: ImageOptions): string {
  const l = layoutFor(cy, s, o);
  let svg = framed(cy, l.frame, () => svgText(cy));
  if (l.title) {
    const end = svg.lastIndexOf('</svg>');
    const text = `<text class="export-title" x="${cy.width() / 2}" y="${l.top / 2}" text-anchor="middle" dominant-baseline="central" font-family="sans-serif" font-weight="600" font-size="${settings.style.exportTitleFont}" fill="#0f172a">${esc(l.title)}</text>`;
    if (end >= 0) svg = `${svg.slice(0, end)}${text}${svg.slice(end)}`;
  }
  return withSvgLegend(svg, l.legend.entries, 1, l.top, l.legend.note);
}
