/*
 * Readable captions at any zoom (issue 15). Two rules:
 *  - a minimum on-screen size: the caption's font grows in model units as the view zooms out, so it is
 *    never drawn smaller than MIN_FONT_PX on screen (Cytoscape would otherwise draw 16 px × 0.5 = 8 px);
 *  - level of detail instead of overlap: where captions would collide, the more important node keeps its
 *    caption (selected, pinned, more connections, hubs) and the others are hidden until the user zooms in
 *    or hovers (the full name is then drawn and set as the canvas's tooltip).
 * The collision pass estimates each caption's box from its text (pure, unit-tested); large graphs keep
 * Cytoscape's own cut-off (min-zoomed-font-size) so panning 5,000 nodes stays cheap.
 */

export const BASE_FONT = 16;
export const MIN_FONT_PX = 12;
export const TEXT_MAX_WIDTH = 110;
/** The largest factor captions grow by (beyond it the view is an overview and LOD hides most of them anyway). */
export const MAX_FONT_SCALE = 4;

/** Model-unit font scale at `zoom` so captions are at least MIN_FONT_PX on screen. */
export function fontScale(zoom: number): number {
  const want = MIN_FONT_PX / (BASE_FONT * zoom);
  return Math.min(MAX_FONT_SCALE, Math.max(1, want));
}

export interface LabelCandidate {
  id: string;
  /** Rendered (screen) position of the node centre and its rendered height. */
  x: number;
  y: number;
  nodeHeight: number;
  caption: string;
  /** Higher keeps its caption first. */
  priority: number;
}

export interface Box { x1: number; y1: number; x2: number; y2: number }

const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/** Width of a caption in em: CJK and full-width characters are 1 em, others about 0.6. */
export function textEm(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 1 : 0.6;
  return w;
}

/** Screen box of a caption drawn under its node (text-valign bottom; text with spaces wraps at the max width). */
export function captionBox(c: LabelCandidate, fontPx: number, maxWidthPx: number): Box {
  const full = textEm(c.caption) * fontPx;
  // Cytoscape wraps only at spaces: a Chinese caption stays on one line however long it is.
  const lines = /\s/.test(c.caption.trim()) ? Math.max(1, Math.ceil(full / maxWidthPx)) : 1;
  // Cytoscape's text background adds 2 px a side; a little more keeps neighbouring captions apart.
  const w = (lines > 1 ? Math.min(full, maxWidthPx) : full) + 8;
  const h = lines * fontPx * 1.3 + 6;
  const top = c.y + c.nodeHeight / 2 + 4 * (fontPx / BASE_FONT);
  return { x1: c.x - w / 2, y1: top, x2: c.x + w / 2, y2: top + h };
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Ids whose captions are shown: greedily by priority, a caption is kept if it overlaps no caption kept
 * before it. A grid of cells makes each test look only at nearby captions.
 */
export function keepCaptions(cands: readonly LabelCandidate[], fontPx: number, maxWidthPx: number): Set<string> {
  const cell = Math.max(40, maxWidthPx);
  const grid = new Map<string, Box[]>();
  const keep = new Set<string>();
  const sorted = [...cands].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const c of sorted) {
    if (!c.caption) continue;
    const b = captionBox(c, fontPx, maxWidthPx);
    const cx1 = Math.floor(b.x1 / cell), cx2 = Math.floor(b.x2 / cell), cy1 = Math.floor(b.y1 / cell), cy2 = Math.floor(b.y2 / cell);
    let free = true;
    for (let gx = cx1; gx <= cx2 && free; gx++) {
      for (let gy = cy1; gy <= cy2 && free; gy++) {
        for (const o of grid.get(`${gx},${gy}`) ?? []) if (overlaps(b, o)) { free = false; break; }
      }
    }
    if (!free) continue;
    keep.add(c.id);
    for (let gx = cx1; gx <= cx2; gx++) for (let gy = cy1; gy <= cy2; gy++) {
      const k = `${gx},${gy}`;
      const list = grid.get(k);
      if (list) list.push(b); else grid.set(k, [b]);
    }
  }
  return keep;
}
