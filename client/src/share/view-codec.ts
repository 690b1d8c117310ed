/*
 * A view (node ids, positions, caption, zoom) as a compact URL fragment, so a colleague who opens the
 * link sees the same picture. Pure apart from CompressionStream, which browsers and Node both provide;
 * the page fetches the nodes by id, so only ids and coordinates travel in the URL.
 */

export interface SharedView {
  nodes: { id: string; x: number; y: number }[];
  caption: string;
  zoom: number | null;
  pan: { x: number; y: number } | null;
  selected: string | null;
  layout: string | null;
}

/** Above this a link is unreliable in chat tools and some browsers; offer the JSON file instead. */
export const MAX_URL_FRAGMENT_BYTES = 8 * 1024;
export const HASH_KEY = 'view';

/** Compact wire form: short keys, positions rounded to whole pixels (nobody sees sub-pixel moves). */
interface Wire {
  v: 1;
  n: [string, number, number][];
  c?: string;
  z?: number;
  p?: [number, number];
  s?: string;
  l?: string;
}

function toWire(v: SharedView): Wire {
  const w: Wire = { v: 1, n: v.nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]) };
  if (v.caption) w.c = v.caption;
  if (v.zoom !== null) w.z = Math.round(v.zoom * 1000) / 1000;
  if (v.pan) w.p = [Math.round(v.pan.x), Math.round(v.pan.y)];
  if (v.selected) w.s = v.selected;
  if (v.layout) w.l = v.layout;
  return w;
}

function fromWire(raw: unknown): SharedView {
  const w = raw as Partial<Wire> | null;
  if (!w || typeof w !== 'object' || w.v !== 1 || !Array.isArray(w.n)) throw new Error('not a shared view');
  const nodes = w.n.map((t) => {
    if (!Array.isArray(t) || typeof t[0] !== 'string' || typeof t[1] !== 'number' || typeof t[2] !== 'number') {
      throw new Error('bad node entry');
    }
    return { id: t[0], x: t[1], y: t[2] };
  });
  const pan = Array.isArray(w.p) && typeof w.p[0] === 'number' && typeof w.p[1] === 'number' ? { x: w.p[0], y: w.p[1] } : null;
  return {
    nodes,
    caption: typeof w.c === 'string' ? w.c : '',
    zoom: typeof w.z === 'number' ? w.z : null,
    pan,
    selected: typeof w.s === 'string' ? w.s : null,
    layout: typeof w.l === 'string' ? w.l : null,
  };
}

export function base64urlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
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
  const body = base64urlDecode(token.slice(1));
  let json: Uint8Array;
  if (kind === 'z') json = await pipe(body, new DecompressionStream('deflate-raw'));
  else if (kind === 'j') json = body;
  else throw new Error('unknown view encoding');
  return fromWire(JSON.parse(new TextDecoder().decode(json)));
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
