/*
 * Reads a PNG's width and height from its IHDR chunk, so tests (and the export dialog) can check that a
 * "2×" export really is twice the canvas size without decoding the image.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readPngSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const chunkType = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (chunkType !== 'IHDR') throw new Error('PNG without IHDR as first chunk');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height of an SVG document from its root attributes (numbers, px allowed). */
export function readSvgSize(text: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(text)?.[0];
  if (!root) return null;
  const num = (attr: string) => {
    const m = new RegExp(`\\s${attr}="([\\d.]+)(?:px)?"`).exec(root);
    return m ? Number(m[1]) : NaN;
  };
  const width = num('width');
  const height = num('height');
  return Number.isFinite(width) && Number.isFinite(height) ? { width, height } : null;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG chunks use it (over the chunk type and data). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Adds an iTXt chunk (UTF-8 text, so Chinese titles survive; tEXt is Latin-1 only) right after IHDR:
 * the keyword `Title` is the PNG specification's own, shown by image viewers.
 */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  readPngSize(png);
  const enc = new TextEncoder();
  // keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, text.
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}

/** The iTXt texts of a PNG by keyword, each checked against its CRC (a damaged chunk is left out). */
export function readPngTexts(png: Uint8Array): Record<string, string> {
  readPngSize(png);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  const out: Record<string, string> = {};
  for (let at = 8; at + 12 <= png.length;) {
    const len = view.getUint32(at);
    const type = dec.decode(png.subarray(at + 4, at + 8));
    if (at + 12 + len > png.length) break;
    if (type === 'iTXt' && crc32(png.subarray(at + 4, at + 8 + len)) === view.getUint32(at + 8 + len)) {
      const data = png.subarray(at + 8, at + 8 + len);
      const k = data.indexOf(0);
      // Skip the compression flag and method, then the language tag and translated keyword (each \0-ended).
      let p = k + 3;
      p = data.indexOf(0, p) + 1;
      p = data.indexOf(0, p) + 1;
      if (k > 0 && p > 0 && data[k + 1] === 0) out[dec.decode(data.subarray(0, k))] = dec.decode(data.subarray(p));
    }
    if (type === 'IEND') break;
    at += 12 + len;
  }
  return out;
}
