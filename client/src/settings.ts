/*
 * Tunables of the explorer in one typed place, in the style of sigma.js settings: DEFAULT_SETTINGS,
 * resolveSettings(partial) to fill the gaps and validateSettings() to refuse nonsense early, so a bad
 * threshold shows up at start-up instead of as a frozen page later.
 */

export interface LabelStyle {
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'star' | 'rectangle' | 'octagon' | 'vee' | 'tag' | 'barrel' | 'round-tag' | 'pentagon';
  size: number;
}

export interface Settings {
  labelStyles: Record<string, LabelStyle>;
  fallbackStyle: LabelStyle;
  /** Neighbours fetched per expand; the menu offers "show more" beyond it. */
  expandPageSize: number;
  /** Above this many elements the canvas switches to cheaper rendering and layouts. */
  largeGraphThreshold: number;
  /** Renderer of large results: 'auto' = WebGL when hardware-accelerated, else canvas. */
  largeGraphRenderer: 'auto' | 'webgl' | 'canvas';
  /** Zoom level above which edge labels are always drawn (below it only on hover). */
  edgeLabelZoom: number;
  /** Characters of a node name shown on the canvas before it is shortened. */
  nodeLabelMaxChars: number;
  searchDebounceMs: number;
  searchLimit: number;
  historyLimit: number;
  pathMaxHops: number;
  defaultLanguage: 'zh' | 'en';
  /** Rules of the user's node styling (legend) and of exported images. */
  style: StyleSettings;
}

/**
 * What a user may choose for node colours and sizes, and the readability rules every choice must pass:
 * a fill must stand out from the canvas (WCAG 1.4.11 asks 3:1 for graphics), text drawn on a fill must
 * reach 4.5:1 (WCAG 1.4.3), and two labels' colours must be told apart (CIE76 ΔE in Lab).
 */
export interface StyleSettings {
  /** Colours the legend offers, in order: each readable on the canvas and distinct from the others. */
  palette: string[];
  canvasBackground: string;
  /** Caption colours for text on a fill: the darker is used unless the lighter reads better. */
  darkText: string;
  lightText: string;
  minFillContrast: number;
  minTextContrast: number;
  minColourDistance: number;
  /** Bounds of any node size the user types (model pixels). */
  minNodeSize: number;
  maxNodeSize: number;
  uniformSize: number;
  /** Size by degree: the least connected node gets min, the most connected max (area grows with degree). */
  degreeMinSize: number;
  degreeMaxSize: number;
  /** Exported images: margin round the graph, title font, zoom cap (one node must not fill the image). */
  exportPadding: number;
  exportTitleFont: number;
  exportMaxZoom: number;
}

export const DEFAULT_SETTINGS: Settings = {
  labelStyles: {
    Document: { color: '#64748b', shape: 'rectangle', size: 34 },
    Plan: { color: '#7c3aed', shape: 'hexagon', size: 46 },
    Task: { color: '#2563eb', shape: 'round-rectangle', size: 30 },
    Agency: { color: '#dc2626', shape: 'ellipse', size: 40 },
    District: { color: '#16a34a', shape: 'pentagon', size: 36 },
    Park: { color: '#0d9488', shape: 'barrel', size: 34 },
    Platform: { color: '#ea580c', shape: 'diamond', size: 34 },
    // Company was #ca8a04 (2.9:1 on white, under the 3:1 rule) and Institution #9333ea (ΔE 7 from Plan's violet).
    Company: { color: '#a16207', shape: 'tag', size: 32 },
    Institution: { color: '#c026d3', shape: 'octagon', size: 32 },
    Event: { color: '#db2777', shape: 'star', size: 34 },
    Indicator: { color: '#0891b2', shape: 'triangle', size: 30 },
    Target: { color: '#65a30d', shape: 'vee', size: 28 },
    Observation: { color: '#4d7c0f', shape: 'round-tag', size: 28 },
  },
  fallbackStyle: { color: '#6b7280', shape: 'ellipse', size: 30 },
  expandPageSize: 50,
  largeGraphThreshold: 2000,
  largeGraphRenderer: 'auto',
  edgeLabelZoom: 1.4,
  nodeLabelMaxChars: 14,
  searchDebounceMs: 120,
  searchLimit: 20,
  historyLimit: 100,
  pathMaxHops: 4,
  defaultLanguage: 'zh',
  style: {
    palette: [
      '#dc2626', '#be123c', '#db2777', '#c026d3', '#7c3aed', '#2563eb', '#1e3a8a', '#0369a1', '#0891b2',
      '#0d9488', '#16a34a', '#65a30d', '#4d7c0f', '#a16207', '#ea580c', '#92400e', '#64748b', '#57534e',
    ],
    canvasBackground: '#ffffff',
    darkText: '#111827',
    lightText: '#ffffff',
    minFillContrast: 3,
    minTextContrast: 4.5,
    minColourDistance: 15,
    minNodeSize: 12,
    maxNodeSize: 120,
    uniformSize: 32,
    degreeMinSize: 20,
    degreeMaxSize: 72,
    exportPadding: 24,
    exportTitleFont: 22,
    exportMaxZoom: 1.5,
  },
};

export function resolveSettings(partial: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    labelStyles: { ...DEFAULT_SETTINGS.labelStyles, ...(partial.labelStyles ?? {}) },
    style: { ...DEFAULT_SETTINGS.style, ...(partial.style ?? {}) },
  };
}

export function validateSettings(s: Settings): void {
  const positive: (keyof Settings)[] = ['expandPageSize', 'largeGraphThreshold', 'edgeLabelZoom', 'nodeLabelMaxChars', 'searchLimit', 'historyLimit', 'pathMaxHops'];
  for (const key of positive) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`Settings: ${key} must be a positive number`);
  }
  if (s.searchDebounceMs < 0) throw new Error('Settings: searchDebounceMs must not be negative');
  for (const [label, st] of Object.entries(s.labelStyles)) {
    if (!/^#[0-9a-f]{6}$/i.test(st.color)) throw new Error(`Settings: colour of ${label} must be #rrggbb`);
  }
  if (!['auto', 'webgl', 'canvas'].includes(s.largeGraphRenderer)) throw new Error('Settings: largeGraphRenderer must be auto, webgl or canvas');
  if (s.defaultLanguage !== 'zh' && s.defaultLanguage !== 'en') throw new Error('Settings: defaultLanguage must be zh or en');
  validateStyleSettings(s);
}

/** The style rules must hold for the defaults themselves: every offered colour and every label's colour. */
function validateStyleSettings(s: Settings): void {
  const st = s.style;
  const hex = /^#[0-9a-f]{6}$/i;
  for (const c of [...st.palette, st.canvasBackground, st.darkText, st.lightText]) {
    if (!hex.test(c)) throw new Error(`Settings: style colour ${c} must be #rrggbb`);
  }
  if (!(st.minNodeSize > 0 && st.minNodeSize < st.maxNodeSize)) throw new Error('Settings: style.minNodeSize must be positive and below maxNodeSize');
  for (const key of ['uniformSize', 'degreeMinSize', 'degreeMaxSize'] as const) {
    if (!(st[key] >= st.minNodeSize && st[key] <= st.maxNodeSize)) throw new Error(`Settings: style.${key} must lie between minNodeSize and maxNodeSize`);
  }
  if (st.degreeMinSize > st.degreeMaxSize) throw new Error('Settings: style.degreeMinSize must not exceed degreeMaxSize');
  if (!(st.exportPadding >= 0 && st.exportTitleFont > 0 && st.exportMaxZoom > 0)) throw new Error('Settings: style export values must be positive');
  const check = (what: string, colours: readonly string[]) => {
    for (const c of colours) {
      const r = contrastRatio(c, st.canvasBackground);
      if (r < st.minFillContrast) throw new Error(`Settings: ${what} colour ${c} has ${r.toFixed(2)}:1 against the canvas, below ${st.minFillContrast}:1`);
    }
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const d = colourDistance(colours[i]!, colours[j]!);
        if (d < st.minColourDistance) throw new Error(`Settings: ${what} colours ${colours[i]!} and ${colours[j]!} are too alike (ΔE ${d.toFixed(1)} < ${st.minColourDistance})`);
      }
    }
  };
  check('palette', st.palette);
  check('label', Object.values(s.labelStyles).map((l) => l.color));
}

// Colour science used by the rules above and by canvas/view-style.ts (defined once, here, beside the rules).
const channels = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio (1–21) between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const fx = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const fy = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const fz = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference: about 2 is just noticeable, 15 and more reads as another colour at a glance. */
export function colourDistance(a: string, b: string): number {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

export function styleForLabel(s: Settings, label: string): LabelStyle {
  return s.labelStyles[label] ?? s.fallbackStyle;
}

export const settings: Settings = resolveSettings();
validateSettings(settings);
