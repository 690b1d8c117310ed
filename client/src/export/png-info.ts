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
