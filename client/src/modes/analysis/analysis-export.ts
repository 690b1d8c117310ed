/*
 * PNG and SVG export of an analysis view's picture (a chart or the collaboration network) with a caption
 * band above it: the view's title and its filters, in the UI's language, so an image pasted into a report
 * still says what it shows. The caption text and the SVG wrapping are pure (unit-tested); the PNG is the
 * picture painted under the band on a canvas.
 */
import type { Core } from 'cytoscape';
import { download, stamp } from '../../export/export-canvas.ts';
import { tf } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/index.ts';
import { h } from '../../panels/dom.ts';

const BAND = 34;
const FONT = 15;

/** "Workload · Plan: All plans · Year: 2019": the title, then each filter as label: value. */
export function captionText(title: string, filters: readonly (readonly [string, string])[]): string {
  return [title, ...filters.map(([label, value]) => `${label}: ${value}`)].join(' · ');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The picture's SVG under a white band holding the caption; the picture keeps its own size. */
export function withSvgCaption(svg: string, caption: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  const num = (attr: string) => Number(new RegExp(`\\b${attr}="([\\d.]+)`).exec(open?.[0] ?? '')?.[1] ?? NaN);
  const width = num('width');
  const height = num('height');
  if (!open || !Number.isFinite(width) || !Number.isFinite(height)) return svg;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + BAND}" viewBox="0 0 ${width} ${height + BAND}">`
    + `<rect width="${width}" height="${height + BAND}" fill="#ffffff"/>`
    + `<text class="export-caption" x="12" y="${BAND / 2 + FONT * 0.35}" font-family="sans-serif" font-size="${FONT}" fill="#0f172a">${esc(caption)}</text>`
    + `<g transform="translate(0 ${BAND})">${svg.slice(svg.indexOf(open[0]))}</g></svg>`;
}

/** The picture's PNG with the caption band painted above it, `scale` × CSS pixels like the picture. */
export async function withPngCaption(png: Blob, caption: string, scale: number): Promise<Blob> {
  const image = await createImageBitmap(png);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + Math.round(BAND * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, Math.round(BAND * scale));
  ctx.scale(scale, scale);
  ctx.font = `${FONT}px sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#0f172a';
  ctx.fillText(caption, 12, BAND / 2, image.width / scale - 24);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export interface Picture {
  /** The picture at `scale` × its CSS size, or null while there is nothing drawn. */
  png(scale: number): Promise<Blob> | null;
  svg(): string | null;
  caption(): string;
}

/** A view's own Cytoscape drawing (the network, the lineage) as a picture: the whole drawing on white. */
export function cyPicture(cy: () => Core | null, caption: () => string): Picture {
  return {
    png: (scale) => {
      const c = cy();
      return c?.nodes().nonempty() ? c.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale }) as unknown as Promise<Blob> : null;
    },
    svg: () => {
      const c = cy();
      return c?.nodes().nonempty() ? (c as Core & { svg(o: object): string }).svg({ full: true, bg: '#ffffff' }) : null;
    },
    caption,
  };
}

/**
 * The two export buttons of a view. `name` starts the file names (`workload-20261130-081500.png`); a click
 * with nothing drawn says so through `notify` instead of saving an empty image.
 */
export function exportButtons(lang: Lang, prefix: string, name: string, picture: Picture, notify: (text: string) => void): HTMLElement {
  const t = (key: Parameters<typeof tf>[1]) => tf(lang, key);
  const png = async () => {
    const blob = picture.png(2);
    if (!blob) return notify(t('anExportEmpty'));
    download(await withPngCaption(await blob, picture.caption(), 2), `${name}-${stamp()}.png`);
  };
  const svg = () => {
    const text = picture.svg();
    if (!text) return notify(t('anExportEmpty'));
    download(new Blob([withSvgCaption(text, picture.caption())], { type: 'image/svg+xml' }), `${name}-${stamp()}.svg`);
  };
  return h('span', { class: 'an-export', title: t('anExportTitle') },
    h('button', { class: 'btn small', id: `${prefix}-export-png`, onclick: () => void png() }, t('anExportPng')),
    h('button', { class: 'btn small', id: `${prefix}-export-svg`, onclick: svg }, t('anExportSvg')));
}
