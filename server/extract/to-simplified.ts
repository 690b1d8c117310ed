/*
 * Traditional → simplified conversion, character by character. OpenCC's phrase tables may change
 * the length of a string, which would break the offset map back into the original text, so we
 * ask OpenCC about single characters only and cache the answers in a flat table: after the first
 * few documents almost every character is already known and conversion is a table lookup.
 */
import * as OpenCC from 'opencc-js/t2cn';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });
const table = new Uint16Array(65536); // 0 = not asked yet; otherwise the simplified code unit
const CJK_START = 0x3400;
const CJK_END = 0x9fff;

function learn(chars: number[]): void {
  if (chars.length === 0) return;
  // A separator that OpenCC leaves alone keeps each character out of phrase matches.
  const joined = chars.map((c) => String.fromCharCode(c)).join('\n');
  const out = convert(joined).split('\n');
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const s = out.length === chars.length ? out[i]! : String.fromCharCode(c);
    table[c] = s.length === 1 ? s.charCodeAt(0) : c;
  }
}

/** Makes sure every CJK code unit in `text` has an entry in the conversion table. */
export function prepareSimplified(text: string): void {
  const missing: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= CJK_START && c <= CJK_END && table[c] === 0) {
      table[c] = c; // provisional, avoids duplicates in `missing`
      missing.push(c);
    }
  }
  learn(missing);
}

/** Simplified form of one code unit (identity outside the CJK blocks). Call prepareSimplified first. */
export function simplifiedCode(c: number): number {
  if (c < CJK_START || c > CJK_END) return c;
  const s = table[c]!;
  return s === 0 ? c : s;
}

/** Converts a short string (names, titles) to simplified Chinese. */
export function toSimplified(s: string): string {
  prepareSimplified(s);
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(simplifiedCode(s.charCodeAt(i)));
  return out;
}
