/*
 * The optional legend of an exported image: which labels the view shows, in their canvas colours and the
 * UI's language, drawn in the top-left corner of the PNG or SVG (under the title when there is one), with
 * an optional note such as how node size was chosen. Building the entries and the SVG markup is pure
 * (unit-tested); image-export.ts paints the same legend over PNGs.
 */
export interface LegendEntry { label: string; name: string; color: string; count: number }

const ROW = 22;
const PAD = 10;
const FONT = 14;

/** One entry per label drawn (labels counted from the view's nodes), most frequent first, then by name. */
export function legendEntries(labels: readonly string[], style: (label: string) => { color: string }, name: (label: string) => string): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count, name: name(label), color: style(label).color }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Estimated width of a line of text at `font` px: CJK characters are a full em, others 0.6 em. */
export function textWidth(s: string, font = FONT): number {
  return [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? font : font * 0.6), 0);
}

/** The legend box's size in CSS pixels (the text width is estimated); a note takes one more row. */
export function legendSize(entries: readonly LegendEntry[], note = ''): { width: number; height: number } {
  const widest = Math.max(0, ...entries.map((e) => 18 + textWidth(`${e.name} ${e.count}`)), note ? textWidth(note, FONT - 2) : 0);
  return { width: Math.ceil(PAD * 2 + widest), height: PAD * 2 + (entries.length + (note ? 1 : 0)) * ROW };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The legend as an SVG group at (x, y), scaled like the image. */
export function legendSvg(entries: readonly LegendEntry[], x = 12, y = 12, scale = 1, note = ''): string {
  const { width, height } = legendSize(entries, note);
  const rows = entries.map((e, i) => {
    const cy = PAD + i * ROW + ROW / 2;
    return `<circle cx="${PAD + 7}" cy="${cy}" r="7" fill="${esc(e.color)}"/>`
      + `<text x="${PAD + 20}" y="${cy + FONT * 0.35}" font-size="${FONT}" fill="#0f172a">${esc(e.name)} <tspan fill="#64748b">${e.count}</tspan></text>`;
  }).join('') + (note ? `<text class="export-legend-note" x="${PAD}" y="${PAD + entries.length * ROW + ROW / 2 + (FONT - 2) * 0.35}" font-size="${FONT - 2}" fill="#475569">${esc(note)}</text>` : '');
  return `<g class="export-legend" transform="translate(${x} ${y}) scale(${scale})" font-family="sans-serif">`
    + `<rect width="${width}" height="${height}" rx="6" fill="#ffffff" fill-opacity="0.92" stroke="#cbd5e1"/>${rows}</g>`;
}

/** An exported SVG with the legend added as its last (topmost) element. */
export function withSvgLegend(svg: string, entries: readonly LegendEntry[], scale = 1, top = 0, note = ''): string {
  if (!entries.length) return svg;
  const end = svg.lastIndexOf('</svg>');
  return end < 0 ? svg : `${svg.slice(0, end)}${legendSvg(entries, 12 * scale, (top + 12) * scale, scale, note)}${svg.slice(end)}`;
}

/** Paints the legend box with its top-left corner at (x, y) in the context's (CSS pixel) units. */
export function paintLegend(ctx: CanvasRenderingContext2D, entries: readonly LegendEntry[], x: number, y: number, note = ''): void {
  ctx.save();
  ctx.translate(x, y);
  const { width, height } = legendSize(entries, note);
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#cbd5e1';
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, 6);
  ctx.fill();
  ctx.stroke();
  ctx.font = `${FONT}px sans-serif`;
  ctx.textBaseline = 'middle';
  entries.forEach((e, i) => {
    const cy = PAD + i * ROW + ROW / 2;
    ctx.fillStyle = e.color;
    ctx.beginPath();
    ctx.arc(PAD + 7, cy, 7, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#0f172a';
    ctx.fillText(e.name, PAD + 20, cy);
    ctx.fillStyle = '#64748b';
    ctx.fillText(` ${e.count}`, PAD + 20 + ctx.measureText(e.name).width, cy);
  });
  if (note) {
    ctx.font = `${FONT - 2}px sans-serif`;
    ctx.fillStyle = '#475569';
    ctx.fillText(note, PAD, PAD + entries.length * ROW + ROW / 2);
  }
  ctx.restore();
}
