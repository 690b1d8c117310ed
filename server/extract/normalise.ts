/*
 * Normalisation with an offset map. Extraction rules see one clean, simplified, half-width text;
 * evidence must point into the ORIGINAL decoded text. Every normalised code unit therefore records
 * the original span it came from (two Int32Arrays), and spans are mapped back through them.
 * Handled here: YAML front matter (kept as metadata), HTML tags and entities, pinyin annotations
 * after characters (發(fā)), traditional → simplified, full-width ASCII and ideographic space, and the
 * compatibility forms of punctuation (small, vertical and half-width forms: 1﹒ is 1.) that Unicode
 * NFKC maps to one ordinary character.
 */
import { parse as parseYaml } from 'yaml';
import { prepareSimplified, simplifiedCode } from './to-simplified.ts';

export interface FrontMatter {
  title?: string;
  date?: string;
  /** the area the document is from (全国, 福建省, 广州市…), when its author states it */
  jurisdiction?: string;
}

export interface NormalisedText {
  original: string;
  text: string;
  /** origStart[i] / origEnd[i]: the original span that normalised code unit i came from. */
  origStart: Int32Array;
  origEnd: Int32Array;
  frontMatter: FrontMatter;
}

const FRONT_MATTER = /^\uFEFF?\s*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const LOOKS_LIKE_HTML = /<\/?(?:p|div|br|span|img|a|h[1-6]|li|ul|ol|table|tr|td|strong|em|b|section|article)\b[^>]*>/i;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/y;
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article', 'blockquote']);
const ENTITY = /&(#\d{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});/y;
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”',
  lsquo: '‘', rsquo: '’', middot: '·', hellip: '…', mdash: '—', ndash: '–', emsp: ' ', ensp: ' ',
};
// A pinyin syllable in parentheses directly after a Han character: 發(fā), 現(xiàn).
const PINYIN = /[(（]((?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{0,5})[)）]/y;

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function readFrontMatter(yamlText: string): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object') return {};
  const rec = data as Record<string, unknown>;
  const out: FrontMatter = {};
  if (typeof rec.title === 'string' && rec.title.trim()) out.title = rec.title.trim();
  if (typeof rec.jurisdiction === 'string' && rec.jurisdiction.trim()) out.jurisdiction = rec.jurisdiction.trim();
  const date = rec.date instanceof Date ? rec.date.toISOString() : rec.date;
  if (typeof date === 'string' || typeof date === 'number') {
    const d = new Date(typeof date === 'number' ? date : date.trim());
    if (!Number.isNaN(d.getTime())) out.date = d.toISOString().slice(0, 10);
  }
  return out;
}

/** Normalises `original` and keeps the map back into it. Deterministic and linear in the input size. */
export function normaliseText(original: string): NormalisedText {
  const n = original.length;
  const out = new Uint16Array(n + 16);
  const origStart = new Int32Array(n + 16);
  const origEnd = new Int32Array(n + 16);
  let k = 0;
  let i = 0;
  let frontMatter: FrontMatter = {};

  const fm = FRONT_MATTER.exec(original);
  if (fm) {
    frontMatter = readFrontMatter(fm[1] ?? '');
    i = fm[0].length;
  }
  const html = LOOKS_LIKE_HTML.test(original);
  prepareSimplified(original);

  const emit = (code: number, s: number, e: number): void => {
    out[k] = code;
    origStart[k] = s;
    origEnd[k] = e;
    k++;
  };

  while (i < n) {
    const c = original.charCodeAt(i);
    if (html && c === 0x3c /* < */) {
      TAG.lastIndex = i;
      const m = TAG.exec(original);
      if (m) {
        const tag = (m[1] ?? '').toLowerCase();
        const end = i + m[0].length;
        if (tag === 'script' || tag === 'style') {
          const close = original.toLowerCase().indexOf(`</${tag}`, end);
          const gt = close < 0 ? -1 : original.indexOf('>', close);
          i = gt < 0 ? n : gt + 1;
          continue;
        }
        if (BLOCK_TAGS.has(tag)) emit(0x0a, i, end);
        i = end;
        continue;
      }
    }
    if (html && c === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(original);
      if (m) {
        const body = m[1] ?? '';
        let ch: string | undefined;
        if (body.startsWith('#x')) ch = String.fromCodePoint(parseInt(body.slice(2), 16));
        else if (body.startsWith('#')) ch = String.fromCodePoint(parseInt(body.slice(1), 10));
        else ch = NAMED_ENTITIES[body.toLowerCase()];
        if (ch !== undefined) {
          const end = i + m[0].length;
          for (let j = 0; j < ch.length; j++) emit(foldCode(ch.charCodeAt(j)), i, end);
          i = end;
          continue;
        }
      }
    }
    if ((c === 0x28 || c === 0xff08) && k > 0 && isHan(original.charCodeAt(i - 1))) {
      PINYIN.lastIndex = i;
      const m = PINYIN.exec(original);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (c === 0x0d) {
      // CR LF → LF; a lone CR is a line break too.
      if (original.charCodeAt(i + 1) !== 0x0a) emit(0x0a, i, i + 1);
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      emit(c, i, i + 2);
      emit(original.charCodeAt(i + 1), i, i + 2);
      i += 2;
      continue;
    }
    emit(foldCode(simplifiedCode(c)), i, i + 1);
    i++;
  }
  const text = new TextDecoder('utf-16le').decode(out.subarray(0, k));
  return { original, text, origStart: origStart.subarray(0, k), origEnd: origEnd.subarray(0, k), frontMatter };
}

/*
 * Compatibility punctuation: vertical forms U+FE10–FE19, CJK compatibility forms U+FE30–FE4F, small form
 * variants U+FE50–FE6B, half-width CJK punctuation U+FF61–FF65 and the one dot leader U+2024 fold to the
 * character NFKC gives them (﹒ → . ﹑ → 、 ﹙﹚ → () ﹝﹞ → 〔〕 ︵︶ → () ︻︼ → 【】 ︽︾ → 《》 ｡ → 。 ․ → .),
 * so that 1﹒全省… is numbered like 1.全省…. Only where NFKC gives exactly one code unit: the text keeps
 * its length, one normalised unit per original unit (︙ → ... and ﹉ → " ̅" are left as printed).
 */
const COMPAT_RANGES: readonly (readonly [number, number])[] = [[0xfe10, 0xfe19], [0xfe30, 0xfe4f], [0xfe50, 0xfe6b], [0xff61, 0xff65], [0x2024, 0x2024]];
const COMPAT = new Map<number, number>();
for (const [from, to] of COMPAT_RANGES) {
  for (let c = from; c <= to; c++) {
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    if (nfkc.length === 1 && nfkc.charCodeAt(0) !== c) COMPAT.set(c, nfkc.charCodeAt(0));
  }
}

/**
 * Full-width ASCII → ASCII, ideographic and no-break spaces → space, compatibility punctuation → its
 * ordinary form (above); 〔〕 stay (they mark lists).
 */
export function foldCode(c: number): number {
  if (c >= 0xfe10 || c === 0x2024) c = COMPAT.get(c) ?? c;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0x00a0) return 0x20;
  return c;
}

export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

/** Maps a normalised span [start, end) to the original span. */
export function toOriginalSpan(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const s = start < norm.origStart.length ? norm.origStart[start]! : norm.original.length;
    return { start: s, end: s };
  }
  return { start: norm.origStart[start]!, end: norm.origEnd[end - 1]! };
}
