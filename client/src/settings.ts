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
    Company: { color: '#ca8a04', shape: 'tag', size: 32 },
    Institution: { color: '#9333ea', shape: 'octagon', size: 32 },
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
};

export function resolveSettings(partial: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    labelStyles: { ...DEFAULT_SETTINGS.labelStyles, ...(partial.labelStyles ?? {}) },
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
}

export function styleForLabel(s: Settings, label: string): LabelStyle {
  return s.labelStyles[label] ?? s.fallbackStyle;
}

export const settings: Settings = resolveSettings();
validateSettings(settings);
