/*
 * A view as a compact URL fragment, so a colleague who opens the link sees the same picture: node ids and
 * positions (and pins), the relationships drawn (stored ones by id, derived ones such as responsibility
 * through a group in full, since the server does not store them), caption, zoom and pan, layout, mode
 * and selection, the user's node colours and sizes, and in Analysis mode the open tab with its filters.
 * Pure apart from CompressionStream, which browsers and Node both provide; the page fetches the nodes by
 * id. A damaged link fails with a ViewLinkError whose reason the UI words for people.
 */
import { z } from 'zod';
import { defaultViewStyle, isDefaultViewStyle, SIZE_MODES, viewStyleSchema, type SizeMode, type ViewStyle } from '../canvas/view-style.ts';
import { settings } from '../settings.ts';
import { parseAnalysis, type AnalysisShared } from '../modes/analysis/analysis-state.ts';

export type ViewMode = 'explore' | 'query' | 'present' | 'library' | 'analysis';
const MODES = ['explore', 'query', 'present', 'library', 'analysis'] as const;

export interface SharedEdge { id: string; source: string; target: string; type: string }
export interface SharedDerivedEdge extends SharedEdge { properties: Record<string, string | number | boolean | null> }

export interface SharedView {
  nodes: { id: string; x: number; y: number; pinned?: boolean }[];
  /** Stored relationships on the canvas; absent (links made before they travelled) = all among the nodes. */
  edges?: SharedEdge[];
  /** Relationships the client inferred (never stored), rebuilt exactly. */
  derived?: SharedDerivedEdge[];
  caption: string;
  zoom: number | null;
  pan: { x: number; y: number } | null;
  selected: string | null;
  layout: string | null;
  mode?: ViewMode;
  /** The user's node colours and sizes; absent (default style, or links made before it travelled) = default. */
  style?: ViewStyle;
  /** Analysis mode's open tab and its filters (links made in Analysis; absent otherwise). */
  analysis?: AnalysisShared;
}

/** Why a link could not be read; the UI has a sentence for each. */
export type ViewLinkReason = 'encoding' | 'characters' | 'damaged' | 'json' | 'shape' | 'analysis';

export class ViewLinkError extends Error {
  constructor(readonly reason: ViewLinkReason, message: string, readonly detail = '') {
    super(message);
    this.name = 'ViewLinkError';
  }
}

/** Above this a link is unreliable in chat tools and some browsers; offer the JSON file instead. */
export const MAX_URL_FRAGMENT_BYTES = 8 * 1024;
export const HASH_KEY = 'view';

/**
 * Compact wire form: short keys, positions rounded to whole pixels (nobody sees sub-pixel moves), edge
 * ends as indexes into the node list. Version 1 links (nodes only) still open.
 */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const WireSchema = z.object({
  v: z.union([z.literal(1), z.literal(2)]),
  n: z.array(z.union([
    z.tuple([z.string().min(1), z.number(), z.number()]),
    z.tuple([z.string().min(1), z.number(), z.number(), z.literal(1)]),
  ])),
  e: z.array(z.tuple([z.string().min(1), z.number().int().nonnegative(), z.number().int().nonnegative(), z.string()])).optional(),
  d: z.array(z.tuple([z.string().min(1), z.number().int().nonnegative(), z.number().int().nonnegative(), z.string(), z.record(z.string(), scalar)])).optional(),
  c: z.string().optional(),
  z: z.number().positive().optional(),
  p: z.tuple([z.number(), z.number()]).optional(),
  s: z.string().optional(),
  l: z.string().optional(),
  m: z.enum(MODES).optional(),
  // Node style, only what differs from the default: colours, per-label sizes, size mode, uniform size, degree range.
  y: z.object({
    c: z.record(z.string(), z.string()).optional(),
    z: z.record(z.string(), z.number()).optional(),
    m: z.enum(SIZE_MODES as [SizeMode, ...SizeMode[]]).optional(),
    u: z.number().optional(),
    d: z.tuple([z.number(), z.number()]).optional(),
  }).optional(),
  // Checked by parseAnalysis (analysis-state.ts), so a bad one gets its own message.
  a: z.unknown().optional(),
});
type Wire = z.infer<typeof WireSchema>;

function toWire(v: SharedView): Wire {
  const index = new Map(v.nodes.map((n, i) => [n.id, i]));
  const w: Wire = { v: 2, n: v.nodes.map((n) => (n.pinned ? [n.id, Math.round(n.x), Math.round(n.y), 1] : [n.id, Math.round(n.x), Math.round(n.y)])) };
  const ends = (e: SharedEdge): [number, number] | null => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    return s === undefined || t === undefined ? null : [s, t];
  };
  if (v.edges) w.e = v.edges.flatMap((e) => { const st = ends(e); return st ? [[e.id, st[0], st[1], e.type] as [string, number, number, string]] : []; });
  if (v.derived?.length) w.d = v.derived.flatMap((e) => { const st = ends(e); return st ? [[e.id, st[0], st[1], e.type, e.properties] as [string, number, number, string, SharedDerivedEdge['properties']]] : []; });
  if (v.caption) w.c = v.caption;
  if (v.zoom !== null) w.z = Math.round(v.zoom * 1000) / 1000;
  if (v.pan) w.p = [Math.round(v.pan.x), Math.round(v.pan.y)];
  if (v.selected) w.s = v.selected;
  if (v.layout) w.l = v.layout;
  if (v.mode) w.m = v.mode;
  if (v.style && !isDefaultViewStyle(v.style, settings)) w.y = styleToWire(v.style);
  if (v.analysis) w.a = v.analysis;
  return w;
}

function fromWire(raw: unknown): SharedView {
  if (!raw || typeof raw !== 'object' || !('v' in raw) || !('n' in raw)) throw new ViewLinkError('shape', 'not a shared view', 'v, n');
  const parsed = WireSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(view)';
    throw new ViewLinkError('shape', `not a shared view: ${where}: ${issue?.message ?? 'invalid'}`, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  const w = parsed.data;
  const nodes = w.n.map((t) => ({ id: t[0], x: t[1], y: t[2], ...(t[3] === 1 ? { pinned: true } : {}) }));
  const idAt = (i: number, where: string): string => {
    const n = nodes[i];
    if (!n) throw new ViewLinkError('shape', `not a shared view: ${where} points at node ${i} of ${nodes.length}`, `${where}: node ${i} of ${nodes.length}`);
    return n.id;
  };
  const view: SharedView = {
    nodes,
    caption: w.c ?? '',
    zoom: w.z ?? null,
    pan: w.p ? { x: w.p[0], y: w.p[1] } : null,
    selected: w.s ?? null,
    layout: w.l ?? null,
  };
  if (w.e) view.edges = w.e.map(([id, s, t, type], i) => ({ id, source: idAt(s, `e.${i}`), target: idAt(t, `e.${i}`), type }));
  if (w.d) view.derived = w.d.map(([id, s, t, type, properties], i) => ({ id, source: idAt(s, `d.${i}`), target: idAt(t, `d.${i}`), type, properties }));
  if (w.m) view.mode = w.m;
  if (w.y) view.style = styleFromWire(w.y);
  if (w.a !== undefined) {
    const a = parseAnalysis(w.a);
    if (!a.ok) throw new ViewLinkError('analysis', `not a shared view: a.${a.where}: ${a.message}`, `${a.where}: ${a.message}`);
    view.analysis = a.value;
  }
  return view;
}

function styleToWire(v: ViewStyle): NonNullable<Wire['y']> {
  const d = defaultViewStyle(settings);
  const y: NonNullable<Wire['y']> = {};
  if (Object.keys(v.colors).length) y.c = v.colors;
  if (Object.keys(v.sizes).length) y.z = v.sizes;
  if (v.sizeMode !== d.sizeMode) y.m = v.sizeMode;
  if (v.uniformSize !== d.uniformSize) y.u = v.uniformSize;
  if (v.degreeMin !== d.degreeMin || v.degreeMax !== d.degreeMax) y.d = [v.degreeMin, v.degreeMax];
  return y;
}

/** The style of a link, held to the same rules as the legend's choices (a hand-edited colour may be unreadable). */
function styleFromWire(y: NonNullable<Wire['y']>): ViewStyle {
  const parsed = viewStyleSchema(settings).safeParse({
    colors: y.c, sizes: y.z, sizeMode: y.m, uniformSize: y.u, degreeMin: y.d?.[0], degreeMax: y.d?.[1],
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = `y.${issue?.path.join('.') ?? ''}`;
  throw new ViewLinkError('shape', `not a shared view: ${where}: ${issue?.message ?? 'invalid'}`, `${where}: ${issue?.message ?? 'invalid'}`);
}

export function base64urlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new ViewLinkError('characters', 'not base64url');
  // One character past a multiple of four can only be a cut-off link.
  if (s.length % 4 === 1) throw new ViewLinkError('damaged', 'truncated base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const blob = new Blob([bytes as BlobPart]);
  const out = await new Response(blob.stream().pipeThrough(stream)).arrayBuffer();
  return new Uint8Array(out);
}

const canCompress = (): boolean => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/**
 * Encodes to `z<base64url(deflate-raw(json))>` or, when compression is unavailable or does not help,
 * `j<base64url(json)>`; the prefix lets the decoder tell them apart.
 */
export async function encodeView(v: SharedView): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toWire(v)));
  const plain = `j${base64urlEncode(json)}`;
  if (!canCompress()) return plain;
  const packed = `z${base64urlEncode(await pipe(json, new CompressionStream('deflate-raw')))}`;
  return packed.length < plain.length ? packed : plain;
}

export async function decodeView(token: string): Promise<SharedView> {
  const kind = token[0];
  if (kind !== 'z' && kind !== 'j') throw new ViewLinkError('encoding', 'unknown view encoding');
  const body = base64urlDecode(token.slice(1));
  let json: Uint8Array;
  if (kind === 'z') {
    try {
      json = await pipe(body, new DecompressionStream('deflate-raw'));
    } catch (e) {
      // The browser only says "Failed to fetch" here; the real cause is a cut-off or altered link.
      throw new ViewLinkError('damaged', `compressed view data is damaged (${e instanceof Error ? e.message : String(e)})`);
    }
  } else json = body;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (e) {
    throw new ViewLinkError('json', `view data is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return fromWire(raw);
}

export type ShareLink = { ok: true; url: string; bytes: number } | { ok: false; bytes: number; limit: number };

/** Builds `base#view=…`; refuses (with the size) when the fragment would exceed the limit. */
export async function shareLink(base: string, v: SharedView, limit = MAX_URL_FRAGMENT_BYTES): Promise<ShareLink> {
  const token = await encodeView(v);
  const fragment = `${HASH_KEY}=${token}`;
  if (fragment.length > limit) return { ok: false, bytes: fragment.length, limit };
  return { ok: true, url: `${base.split('#')[0]}#${fragment}`, bytes: fragment.length };
}

/** The token of a `#view=…` hash, or null when the hash holds something else. */
export function viewTokenFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of h.split('&')) {
    const [k, ...rest] = part.split('=');
    if (k === HASH_KEY && rest.length) return rest.join('=');
  }
  return null;
}
