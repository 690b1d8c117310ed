/*
 * The user's node styling (issue 15, "colour and size by label or by degree"): a label's colour, and node
 * size uniform, per label or by degree on the canvas. It is part of the view, so scenes and share links
 * carry it and exports and Present mode draw it. Pure: the rules (readable fill, readable caption on the
 * fill, labels told apart), their checks and the per-node look are unit-tested without a browser.
 */
import { z } from 'zod';
import type { GEdge, GNode } from '../state/graph.ts';
import { colourDistance, contrastRatio, styleForLabel, type Settings } from '../settings.ts';

export type SizeMode = 'label' | 'uniform' | 'degree';
export const SIZE_MODES: readonly SizeMode[] = ['label', 'uniform', 'degree'];

export interface ViewStyle {
  /** Colours the user chose, by label (#rrggbb); other labels keep the settings' colour. */
  colors: Record<string, string>;
  /** Sizes the user chose, by label; used when sizeMode is 'label'. */
  sizes: Record<string, number>;
  sizeMode: SizeMode;
  uniformSize: number;
  /** Size by degree: relationships drawn on the canvas (derived ones included), least → min, most → max. */
  degreeMin: number;
  degreeMax: number;
}

export function defaultViewStyle(s: Settings): ViewStyle {
  return { colors: {}, sizes: {}, sizeMode: 'label', uniformSize: s.style.uniformSize, degreeMin: s.style.degreeMinSize, degreeMax: s.style.degreeMaxSize };
}

export function isDefaultViewStyle(v: ViewStyle, s: Settings): boolean {
  const d = defaultViewStyle(s);
  return !Object.keys(v.colors).length && !Object.keys(v.sizes).length && v.sizeMode === d.sizeMode
    && v.uniformSize === d.uniformSize && v.degreeMin === d.degreeMin && v.degreeMax === d.degreeMax;
}

export function labelColour(v: ViewStyle, s: Settings, label: string): string {
  return v.colors[label] ?? styleForLabel(s, label).color;
}

export function labelSize(v: ViewStyle, s: Settings, label: string): number {
  return v.sizes[label] ?? styleForLabel(s, label).size;
}

/** The caption colour for text on `fill`: dark unless light reads better (checked against the rule by colourProblem). */
export function textColourOn(fill: string, s: Settings): string {
  return contrastRatio(s.style.darkText, fill) >= contrastRatio(s.style.lightText, fill) ? s.style.darkText : s.style.lightText;
}

/** Why a colour cannot be a label's: too faint on the canvas, its caption unreadable, or like another label's. */
export type ColourProblem =
  | { kind: 'format' }
  | { kind: 'contrast'; ratio: number; min: number }
  | { kind: 'text'; ratio: number; min: number }
  | { kind: 'close'; other: string; distance: number };

/** The first rule `colour` breaks as `label`'s colour among the labels `others` (their current colours), or null. */
export function colourProblem(v: ViewStyle, s: Settings, label: string, colour: string, others: readonly string[]): ColourProblem | null {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return { kind: 'format' };
  const fill = contrastRatio(colour, s.style.canvasBackground);
  if (fill < s.style.minFillContrast) return { kind: 'contrast', ratio: fill, min: s.style.minFillContrast };
  const text = contrastRatio(textColourOn(colour, s), colour);
  if (text < s.style.minTextContrast) return { kind: 'text', ratio: text, min: s.style.minTextContrast };
  for (const other of others) {
    if (other === label) continue;
    const d = colourDistance(colour, labelColour(v, s, other));
    if (d < s.style.minColourDistance) return { kind: 'close', other, distance: d };
  }
  return null;
}

/** Every label the rules are checked among: the settings' labels and any the user coloured. */
export function styledLabels(v: ViewStyle, s: Settings): string[] {
  return [...new Set([...Object.keys(s.labelStyles), ...Object.keys(v.colors)])];
}

const hex = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour #rrggbb');

/**
 * The schema of a stored or shared style (scenes, links): shapes and bounds, then the colour rules, so a
 * hand-edited file or link with an unreadable colour is refused with the label it concerns.
 */
export function viewStyleSchema(s: Settings) {
  const size = z.number().min(s.style.minNodeSize).max(s.style.maxNodeSize);
  return z.object({
    colors: z.record(z.string(), hex).default({}),
    sizes: z.record(z.string(), size).default({}),
    sizeMode: z.enum(SIZE_MODES as [SizeMode, ...SizeMode[]]).default('label'),
    uniformSize: size.default(s.style.uniformSize),
    degreeMin: size.default(s.style.degreeMinSize),
    degreeMax: size.default(s.style.degreeMaxSize),
  }).superRefine((v, ctx) => {
    if (v.degreeMin > v.degreeMax) ctx.addIssue({ code: 'custom', path: ['degreeMin'], message: `must not exceed degreeMax (${v.degreeMax})` });
    const labels = styledLabels(v, s);
    for (const [label, colour] of Object.entries(v.colors)) {
      const p = colourProblem(v, s, label, colour, labels);
      if (p) ctx.addIssue({ code: 'custom', path: ['colors', label], message: describeProblem(colour, p) });
    }
  });
}

/** The problem in words for files and links (the legend words it in the UI's language). */
export function describeProblem(colour: string, p: ColourProblem): string {
  if (p.kind === 'format') return `${colour} must be a colour #rrggbb`;
  if (p.kind === 'contrast') return `${colour} is too faint on the canvas (${p.ratio.toFixed(1)}:1, needs ${p.min}:1)`;
  if (p.kind === 'text') return `text on ${colour} is unreadable (${p.ratio.toFixed(1)}:1, needs ${p.min}:1)`;
  return `${colour} is too like ${p.other}'s colour (ΔE ${p.distance.toFixed(1)})`;
}

export interface NodeLook { color: string; size: number; textColor: string }

/** How many relationships each node has among those drawn (both ends drawn; a self-loop counts once). */
export function viewDegrees(nodes: readonly GNode[], edges: readonly GEdge[]): Map<string, number> {
  const deg = new Map(nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    if (!deg.has(e.source) || !deg.has(e.target)) continue;
    deg.set(e.source, deg.get(e.source)! + 1);
    if (e.target !== e.source) deg.set(e.target, deg.get(e.target)! + 1);
  }
  return deg;
}

/** Size for degree `d` when the most connected node has `max`: the area grows with the degree. */
export function degreeSize(d: number, max: number, v: Pick<ViewStyle, 'degreeMin' | 'degreeMax'>): number {
  if (max <= 0) return v.degreeMin;
  return Math.round(v.degreeMin + (v.degreeMax - v.degreeMin) * Math.sqrt(Math.min(d, max) / max));
}

/** Colour, size and caption colour of every node drawn. */
export function nodeLooks(v: ViewStyle, s: Settings, nodes: readonly GNode[], edges: readonly GEdge[]): Map<string, NodeLook> {
  const deg = v.sizeMode === 'degree' ? viewDegrees(nodes, edges) : null;
  const maxDeg = deg ? Math.max(0, ...deg.values()) : 0;
  const out = new Map<string, NodeLook>();
  const text = new Map<string, string>();
  for (const n of nodes) {
    const color = labelColour(v, s, n.label);
    if (!text.has(color)) text.set(color, textColourOn(color, s));
    const size = deg ? degreeSize(deg.get(n.id) ?? 0, maxDeg, v) : v.sizeMode === 'uniform' ? v.uniformSize : labelSize(v, s, n.label);
    out.set(n.id, { color, size, textColor: text.get(color)! });
  }
  return out;
}

/** A size typed by the user, clamped to the settings' bounds (whole pixels). */
export function clampSize(n: number, s: Settings): number {
  return Math.round(Math.min(s.style.maxNodeSize, Math.max(s.style.minNodeSize, Number.isFinite(n) ? n : s.style.uniformSize)));
}
