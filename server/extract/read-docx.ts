/*
 * Word .docx → text, so a planner can add a document straight from a government archive (kept mostly as
 * .docx) instead of converting it by hand. Pure: bytes in, text out. A .docx is a zip of XML parts; only
 * word/document.xml (the body), word/numbering.xml (automatic list numbers) and word/styles.xml (numbering
 * a paragraph style carries) are read. The text is shaped for the extractor's existing rules: one line per
 * paragraph, the numbers Word draws in front of list items printed as text (the extractor finds items by
 * their printed numbers), and each table flattened one cell per line with a blank line between cells,
 * the shape list-tables.ts reads for tables exported from web pages.
 */
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { decodeBytes, DecodeError, type TextEncodingName } from './decode.ts';

/** Uncompressed size one part may have: far above any real body, low enough that a zip bomb fails fast. */
export const MAX_DOCX_PART_BYTES = 64 * 1024 * 1024;

/** What to tell a person holding a file the product cannot read but Word or WPS can convert. */
export const SAVE_AS_DOCX = 'open it in Word or WPS and save it as .docx (Word document), then add that file';

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** True when bytes start like a zip archive (PK\x03\x04), the container of every .docx. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True for an OLE compound file (D0 CF 11 E0): Word 97–2003 .doc, WPS .wps, or a password-protected .docx. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

// ---------------------------------------------------------------- zip

interface ZipEntry { name: string; flags: number; method: number; crc: number; compressed: number; size: number; offset: number }

/** The central directory: where each part is and how it is stored. Throws DecodeError for a broken archive. */
function zipEntries(bytes: Uint8Array, file?: string): Map<string, ZipEntry> {
  const corrupt = (why: string) => new DecodeError(`is not a readable .docx: the zip archive is corrupt (${why})`, file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, or further back by the length of an archive comment (at most 65535).
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('no end of central directory; the file may be cut short');
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw corrupt('a zip64 archive, larger than any document');
  if (dirOffset + dirSize > end) throw corrupt('the central directory lies outside the file');
  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== ZIP_CENTRAL) throw corrupt(`entry ${i + 1} of the central directory is damaged`);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > end) throw corrupt(`entry ${i + 1} of the central directory is damaged`);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.set(name, {
      name,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One part's bytes, inflated and checked against its CRC; refuses encryption and parts above the cap. */
function zipPart(bytes: Uint8Array, e: ZipEntry, file?: string): Uint8Array {
  const corrupt = (why: string) => new DecodeError(`is not a readable .docx: ${e.name} in the zip archive is corrupt (${why})`, file);
  if (e.flags & 0x1) throw new DecodeError(`is an encrypted zip archive (${e.name} is encrypted); ${SAVE_AS_DOCX} without a password`, file);
  if (e.size > MAX_DOCX_PART_BYTES) {
    throw new DecodeError(`${e.name} unpacks to ${e.size} bytes, above the limit of ${MAX_DOCX_PART_BYTES} for one part of a .docx`, file);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== ZIP_LOCAL) throw corrupt('its local header is missing');
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  if (start + e.compressed > bytes.length) throw corrupt('the file is cut short');
  const raw = bytes.subarray(start, start + e.compressed);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      // The cap also holds when the directory lies about the size: inflation stops at the limit.
      data = inflateRawSync(raw, { maxOutputLength: MAX_DOCX_PART_BYTES });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DecodeError(`${e.name} unpacks to more than ${MAX_DOCX_PART_BYTES} bytes, the limit for one part of a .docx`, file);
      }
      throw corrupt('its compressed data is damaged');
    }
  } else throw new DecodeError(`is not a readable .docx: ${e.name} uses zip compression method ${e.method} (only stored and deflated parts are read)`, file);
  if (data.length !== e.size || crc32(data) !== e.crc) throw corrupt('its checksum does not match');
  return data;
}

// ---------------------------------------------------------------- XML

interface XmlElement { name: string; attrs: Map<string, string>; children: XmlNode[] }
type XmlNode = XmlElement | string;

const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // Strict Open XML
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

// Sticky: matched where the parser stands, without copying the rest of the document.
const START_TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string, where: () => string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code > 0x10ffff) throw new Error(`character reference ${m} out of range ${where()}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[body];
    if (v === undefined) throw new Error(`unknown entity ${m} ${where()}`);
    return v;
  });
}

/**
 * A small non-validating XML parser: elements, attributes, text, CDATA; comments, processing instructions
 * and the doctype skipped. Element names are rewritten so that WordprocessingML's namespace reads `w:` and
 * markup compatibility's `mc:` whatever prefix the file declared. Throws Error with an offset when malformed.
 */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: new Map(), children: [] };
  const stack: { el: XmlElement; prefixes: Map<string, string> }[] = [{ el: root, prefixes: new Map() }];
  let i = 0;
  const at = (pos: number) => () => `at character ${pos}`;
  const canonical = (qname: string, prefixes: Map<string, string>): string => {
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const uri = prefixes.get(prefix);
    if (uri === undefined) return qname;
    const local = qname.slice(colon + 1);
    if (W_NAMESPACES.has(uri)) return `w:${local}`;
    if (uri === MC_NAMESPACE) return `mc:${local}`;
    return qname;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0 || lt > i) {
      const text = xml.slice(i, lt < 0 ? xml.length : lt);
      top.el.children.push(decodeEntities(text, at(i)));
      if (lt < 0) break;
    }
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      if (e < 0) throw new Error(`comment not closed at character ${i}`);
      i = e + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const e = xml.indexOf(']]>', i + 9);
      if (e < 0) throw new Error(`CDATA not closed at character ${i}`);
      top.el.children.push(xml.slice(i + 9, e));
      i = e + 3;
    } else if (xml.startsWith('<?', i)) {
      const e = xml.indexOf('?>', i + 2);
      if (e < 0) throw new Error(`processing instruction not closed at character ${i}`);
      i = e + 2;
    } else if (xml.startsWith('<!', i)) {
      const e = xml.indexOf('>', i + 2);
      if (e < 0) throw new Error(`declaration not closed at character ${i}`);
      i = e + 1;
    } else if (xml[i + 1] === '/') {
      const e = xml.indexOf('>', i);
      if (e < 0) throw new Error(`end tag not closed at character ${i}`);
      const name = canonical(xml.slice(i + 2, e).trim(), top.prefixes);
      if (stack.length === 1 || top.el.name !== name) throw new Error(`end tag </${name}> does not match <${top.el.name}> at character ${i}`);
      stack.pop();
      i = e + 1;
    } else {
      START_TAG.lastIndex = i;
      const tag = START_TAG.exec(xml);
      if (!tag) throw new Error(`malformed start tag at character ${i}`);
      const rawAttrs = new Map<string, string>();
      for (const a of tag[2]!.matchAll(ATTRIBUTE)) {
        rawAttrs.set(a[1]!, decodeEntities(a[2] ?? a[3] ?? '', at(i)));
      }
      let prefixes = top.prefixes;
      for (const [k, v] of rawAttrs) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (prefixes === top.prefixes) prefixes = new Map(prefixes);
          prefixes.set(k === 'xmlns' ? '' : k.slice(6), v);
        }
      }
      const attrs = new Map<string, string>();
      for (const [k, v] of rawAttrs) if (k.includes(':') && !k.startsWith('xmlns:')) attrs.set(canonical(k, prefixes), v);
      else if (!k.startsWith('xmlns')) attrs.set(k, v);
      const el: XmlElement = { name: canonical(tag[1]!, prefixes), attrs, children: [] };
      top.el.children.push(el);
      if (tag[3] !== '/') stack.push({ el, prefixes });
      i += tag[0].length;
    }
  }
  if (stack.length > 1) throw new Error(`<${stack[stack.length - 1]!.el.name}> is not closed at the end`);
  return root;
}

const elements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
const val = (el: XmlElement | undefined): string | undefined => el?.attrs.get('w:val');
const intVal = (el: XmlElement | undefined): number | undefined => {
  const v = val(el);
  return v === undefined || !/^-?\d+$/.test(v) ? undefined : Number(v);
};
/** An on/off property (w:vanish, w:b): present and not switched off by w:val. */
const isOn = (el: XmlElement | undefined): boolean => el !== undefined && !['0', 'false', 'off'].includes(val(el) ?? 'true');

// ---------------------------------------------------------------- numbering

interface Level {
  start: number; format: string; text: string; suffix: string; restart: number | undefined;
  /** The paragraph style this level is linked to (Word's numbered headings: 标题 1 → level 0). */
  style: string | undefined;
  /** w:isLgl: every number in the text printed as decimal (1.1 under 第一章). */
  legal: boolean;
}
interface NumberingInstance { key: string; levels: Map<number, Level> }

const COUNTING_DIGITS = '零一二三四五六七八九';
const DIGITAL_DIGITS = '〇一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1–9999 in Chinese counting words the way Word draws them: 十, 十一, 二十, 一百零五. */
function chineseCounting(n: number, digits = COUNTING_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += digits[0];
      zero = false;
      // 十一, not 一十一, when ten leads (simplified counting); the legal digits always write 壹拾.
      out += d === 1 && unit === units[1] && out === '' && digits === COUNTING_DIGITS ? unit : digits[d]! + unit;
    }
  });
  return out;
}

function letters(n: number, base: string): string {
  // Word repeats the letter: a … z, aa … zz.
  const letter = base[(n - 1) % 26]!;
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A counter value in one of Word's number formats; formats not listed print as decimal. */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'none': return '';
    case 'bullet': return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => DIGITAL_DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter': return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter': return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    default: return String(n);
  }
}

function readLevels(el: XmlElement, into: Map<number, Level>): void {
  for (const lvl of elements(el, 'w:lvl')) {
    const ilvl = Number(lvl.attrs.get('w:ilvl') ?? '0');
    const restart = intVal(child(lvl, 'w:lvlRestart'));
    into.set(ilvl, {
      start: intVal(child(lvl, 'w:start')) ?? 0,
      format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
      text: val(child(lvl, 'w:lvlText')) ?? '',
      suffix: val(child(lvl, 'w:suff')) ?? 'tab',
      restart,
      style: val(child(lvl, 'w:pStyle')),
      legal: isOn(child(lvl, 'w:isLgl')),
    });
  }
}

/** w:num id → its levels (the abstract list's, with the instance's overrides) and the key its counters go by. */
function readNumbering(root: XmlElement | undefined): Map<string, NumberingInstance> {
  const out = new Map<string, NumberingInstance>();
  const numbering = root && child(root, 'w:numbering');
  if (!numbering) return out;
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of elements(numbering, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    readLevels(a, levels);
    abstract.set(a.attrs.get('w:abstractNumId') ?? '', levels);
  }
  for (const num of elements(numbering, 'w:num')) {
    const id = num.attrs.get('w:numId') ?? '';
    const abstractId = val(child(num, 'w:abstractNumId')) ?? '';
    const levels = new Map(abstract.get(abstractId) ?? []);
    const overrides = elements(num, 'w:lvlOverride');
    for (const o of overrides) {
      const ilvl = Number(o.attrs.get('w:ilvl') ?? '0');
      const replaced = new Map<number, Level>();
      readLevels(o, replaced);
      const base = replaced.get(ilvl) ?? levels.get(ilvl);
      const start = intVal(child(o, 'w:startOverride'));
      if (base) levels.set(ilvl, start === undefined ? base : { ...base, start });
    }
    // Instances of one abstract list share their counters (Word continues the numbering) unless one
    // overrides a level, which starts a list of its own.
    out.set(id, { key: overrides.length > 0 ? `num:${id}` : `abstract:${abstractId}`, levels });
  }
  return out;
}

/** Paragraph style id → the numbering it carries (itself or through w:basedOn). */
function readStyleNumbering(root: XmlElement | undefined): Map<string, { numId?: string; ilvl?: number }> {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  const styles = root && child(root, 'w:styles');
  for (const s of styles ? elements(styles, 'w:style') : []) {
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const numId = val(child(numPr, 'w:numId'));
    const ilvl = intVal(child(numPr, 'w:ilvl'));
    own.set(s.attrs.get('w:styleId') ?? '', {
      ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}), basedOn: val(child(s, 'w:basedOn')),
    });
  }
  const out = new Map<string, { numId?: string; ilvl?: number }>();
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    // The nearest style up the w:basedOn chain that says decides; a loop in the chain ends the walk.
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = own.get(at)?.basedOn) {
      seen.add(at);
      numId ??= own.get(at)?.numId;
      ilvl ??= own.get(at)?.ilvl;
    }
    if (numId !== undefined) out.set(id, { numId, ...(ilvl !== undefined ? { ilvl } : {}) });
  }
  return out;
}

/** Counts list items as Word does and renders each one's number prefix. */
class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  constructor(private readonly instances: Map<string, NumberingInstance>) {}

  /** The level a list links to a paragraph style, for a style that names the list but not its level. */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    for (const [l, level] of this.instances.get(numId)?.levels ?? []) if (level.style === styleId) return l;
    return undefined;
  }

  prefix(numId: string, ilvl: number): string {
    const inst = this.instances.get(numId);
    const level = inst?.levels.get(ilvl);
    if (!inst || !level) return '';
    const counts = this.counters.get(inst.key) ?? [];
    this.counters.set(inst.key, counts);
    const startOf = (l: number) => inst.levels.get(l)?.start ?? 0;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    // A deeper level starts again after this one, unless its w:lvlRestart names a level above this one.
    for (let l = ilvl + 1; l < 9; l++) {
      const restart = inst.levels.get(l)?.restart;
      if (restart === undefined || (restart !== 0 && restart - 1 <= ilvl)) counts[l] = undefined;
    }
    if (level.format === 'bullet') return ''; // a bullet is a symbol, not a number the extractor reads
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lvl = inst.levels.get(l);
      return formatListNumber(counts[l] ?? startOf(l), level.legal ? 'decimal' : l === ilvl ? level.format : lvl?.format ?? 'decimal');
    });
    if (text === '') return '';
    // Word puts a tab after the number by default; in text a space stands for it after a bare number or
    // letter (`1 任务`), and nothing after punctuation (`1.任务`, `一、任务`), as such lists are printed.
    const gap = level.suffix === 'nothing' ? '' : level.suffix === 'space' || /[0-9A-Za-z]$/.test(text) ? ' ' : '';
    return text + gap;
  }
}

// ---------------------------------------------------------------- body

interface Context { lists: ListCounter; styleNumbering: Map<string, { numId?: string; ilvl?: number }> }

/** Text of a run or anything inside a paragraph, leaving out deleted and hidden text and field codes. */
function inlineText(el: XmlElement, out: string[], ctx: Context, blocks: string[]): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 'w:t':
        for (const t of c.children) if (typeof t === 'string') out.push(t);
        break;
      case 'w:tab':
      case 'w:ptab':
        out.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        out.push('\n');
        break;
      case 'w:noBreakHyphen':
        out.push('-');
        break;
      case 'w:r':
        if (!isOn(child(child(c, 'w:rPr'), 'w:vanish'))) inlineText(c, out, ctx, blocks);
        break;
      // Tracked deletions and moves away, field instructions, properties: not part of the text shown.
      case 'w:del':
      case 'w:moveFrom':
      case 'w:delText':
      case 'w:instrText':
      case 'w:rPr':
      case 'w:pPr':
        break;
      // Alternative renderings of one drawing: read the first only, or a text box prints twice.
      case 'mc:AlternateContent': {
        const first = elements(c).find((e) => e.name === 'mc:Choice' || e.name === 'mc:Fallback');
        if (first) inlineText(first, out, ctx, blocks);
        break;
      }
      // A text box's paragraphs stand on lines of their own after the paragraph that anchors them.
      case 'w:txbxContent':
        blockText(c, blocks, ctx);
        break;
      default:
        inlineText(c, out, ctx, blocks);
    }
  }
}

function paragraphText(p: XmlElement, ctx: Context): { text: string; after: string[] } {
  const pPr = child(p, 'w:pPr');
  const numPr = child(pPr, 'w:numPr');
  const style = val(child(pPr, 'w:pStyle'));
  const fromStyle = style === undefined ? undefined : ctx.styleNumbering.get(style);
  const numId = val(child(numPr, 'w:numId')) ?? fromStyle?.numId;
  const linked = numId !== undefined && style !== undefined ? ctx.lists.levelOfStyle(numId, style) : undefined;
  const ilvl = intVal(child(numPr, 'w:ilvl')) ?? fromStyle?.ilvl ?? linked ?? 0;
  const out: string[] = [];
  const after: string[] = [];
  inlineText(p, out, ctx, after);
  const body = out.join('');
  // numId 0 switches numbering off; an empty paragraph draws no number and counts none.
  const prefix = numId !== undefined && numId !== '0' && body.trim() !== '' ? ctx.lists.prefix(numId, ilvl) : '';
  return { text: prefix + body, after };
}

/**
 * What an empty cell prints as. The table rules read a table flattened one cell per line by counting
 * lines, and blank lines do not count: a row with an empty cell would end a line early and every row
 * after it would take the next row's units. `/` is how printed Chinese tables mark an empty cell, and it
 * does not read as a unit.
 */
const EMPTY_CELL = '/';

/**
 * A table: rows in order, header row first, each cell's paragraphs as its lines, a blank line between
 * cells. A cell merged across columns (w:gridSpan) is one cell, written once. A cell merged down rows
 * (w:vMerge) is written in every row it covers: each of those rows has that value (a 牵头单位 merged over
 * two tasks leads both), and a row missing a cell would shift the counting of every row after it.
 */
function tableText(tbl: XmlElement, lines: string[], ctx: Context): void {
  const cells: string[] = [];
  // The text of the cell a vertical merge started in, by grid column.
  const merged = new Map<number, string>();
  for (const tr of elements(tbl, 'w:tr')) {
    let column = intVal(child(child(tr, 'w:trPr'), 'w:gridBefore')) ?? 0;
    for (const tc of elements(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const vMerge = child(tcPr, 'w:vMerge');
      let text: string;
      if (vMerge && (val(vMerge) ?? 'continue') === 'continue') text = merged.get(column) ?? EMPTY_CELL;
      else {
        const inner: string[] = [];
        blockText(tc, inner, ctx);
        text = inner.join('\n').replace(/^\s+|\s+$/g, '').replace(/\n\s*\n/g, '\n') || EMPTY_CELL;
        if (vMerge) merged.set(column, text);
      }
      cells.push(text);
      column += intVal(child(tcPr, 'w:gridSpan')) ?? 1;
    }
  }
  if (cells.length > 0) lines.push(cells.join('\n\n'));
}

/** Paragraphs and tables of a body, cell or text box, in order, as lines. */
function blockText(el: XmlElement, lines: string[], ctx: Context): void {
  for (const c of elements(el)) {
    if (c.name === 'w:p') {
      const { text, after } = paragraphText(c, ctx);
      lines.push(text);
      for (const a of after) lines.push(a);
    } else if (c.name === 'w:tbl') {
      // A blank line before and after keeps the table's cells apart from the prose around it.
      if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
      tableText(c, lines, ctx);
      lines.push('');
    } else if (c.name === 'w:del' || c.name === 'w:moveFrom' || c.name === 'w:sectPr' || c.name === 'w:tblPr' || c.name === 'w:tcPr') continue;
    else if (c.name === 'mc:AlternateContent') {
      const first = elements(c).find((e) => e.name === 'mc:Choice' || e.name === 'mc:Fallback');
      if (first) blockText(first, lines, ctx);
    } else blockText(c, lines, ctx); // w:body, w:sdt, w:sdtContent, w:ins, w:customXml …
  }
}

function readXmlPart(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string, file?: string): XmlElement | undefined {
  const e = entries.get(name);
  if (!e) return undefined;
  const data = zipPart(bytes, e, file);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new DecodeError(`is not a readable .docx: ${name} is not valid UTF-8`, file);
  }
  try {
    return parseXml(xml);
  } catch (err) {
    throw new DecodeError(`is not a readable .docx: ${name} is not well-formed XML (${(err as Error).message})`, file);
  }
}

/** The text of a .docx: paragraphs as lines, list numbers printed, tables one cell per line. Throws DecodeError. */
export function readDocx(bytes: Uint8Array, file?: string): string {
  if (!isZip(bytes)) throw new DecodeError('is not a .docx: it does not start like a zip archive (PK)', file);
  const entries = zipEntries(bytes, file);
  const document = readXmlPart(bytes, entries, 'word/document.xml', file);
  if (!document) {
    throw new DecodeError('is a zip archive without word/document.xml, so not a Word .docx document', file);
  }
  const ctx: Context = {
    lists: new ListCounter(readNumbering(readXmlPart(bytes, entries, 'word/numbering.xml', file))),
    styleNumbering: readStyleNumbering(readXmlPart(bytes, entries, 'word/styles.xml', file)),
  };
  const body = child(child(document, 'w:document'), 'w:body');
  if (!body) throw new DecodeError('is not a readable .docx: word/document.xml has no w:body', file);
  const lines: string[] = [];
  blockText(body, lines, ctx);
  return lines.join('\n').replace(/^\n+/, '').replace(/\s+$/, '') + '\n';
}

/** Extensions of office files the reader cannot open but Word or WPS can save as .docx. */
export const CONVERT_TO_DOCX = new Set(['.doc', '.wps', '.dot', '.wpt', '.docm', '.dotx', '.odt', '.rtf']);

/**
 * Bytes of any document file → text: a .docx (zip signature and the .docx extension) through readDocx,
 * anything else through decodeBytes. An OLE compound file is refused by its signature whatever its name,
 * so a .doc renamed .txt does not reach the text decoder as a pile of control characters.
 */
export function decodeDocumentBytes(bytes: Uint8Array, file: string): { text: string; encoding: TextEncodingName | 'docx' } {
  if (isCompoundFile(bytes)) {
    throw new DecodeError(`is a Word 97–2003 (.doc) or WPS (.wps) file, or a password-protected Word document, which are not read; ${SAVE_AS_DOCX}`, file);
  }
  if (path.extname(file).toLowerCase() === '.docx') return { text: readDocx(bytes, file), encoding: 'docx' };
  if (isZip(bytes)) throw new DecodeError('is a zip archive, not text; a Word document is read under the .docx extension only', file);
  return decodeBytes(bytes, file);
}

