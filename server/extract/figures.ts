/*
 * Quantities in text: "建成5G基站3000个以上", "数字经济规模已经达到4600亿元", "占GDP比重达55%以上".
 * Each figure gets a value (万/亿 and Chinese numerals resolved; 亿元/万元 kept as money units),
 * a unit, a comparator, a year, and an indicator key so that the same quantity printed in
 * different documents lands on the same Indicator. Plans turn figures into Targets, news into
 * Observations; that choice is made by the caller.
 */
import { magnitude, parseNumeral, scale } from './chinese-number.ts';
import type { Gazetteer } from './gazetteer.ts';
import { surfaceKey } from './gazetteer.ts';

export type Comparator = '≥' | '>' | '=' | '≈' | '≤' | '<';

export interface Figure {
  indicatorKey: string;
  indicatorName: string;
  value: number;
  unit: string;
  comparator: Comparator;
  year?: number;
  /** normalised span: subject through figure */
  start: number;
  end: number;
}

const UNITS = ['万人次', '人次', '亿元', '万元', '元', '个', '家', '项', '条', '次', '份', '户', '架', '件', '所', '名', '座', '台', '款',
  'PB', 'TB', 'P', '%', '倍', '公里', '亩', '吨', '辆', '套', '场', '处', '万人', '人'];
const PREFIX_CMP = '不低于|不少于|不超过|不高于|超过|突破|达到|高于|低于|多于|大于|超|逾|达|近|约';
const FIGURE = new RegExp(
  `(${PREFIX_CMP})?(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)(万|亿|千)?(${UNITS.join('|').replace('%', '%')})(以上|左右|以下|以内|多)?`, 'g');
const PREFIX_MAP: Record<string, Comparator> = {
  不低于: '≥', 不少于: '≥', 不超过: '≤', 不高于: '≤', 超过: '>', 突破: '>', 高于: '>', 多于: '>', 大于: '>', 超: '>', 逾: '>',
  达到: '=', 达: '=', 低于: '<', 近: '≈', 约: '≈',
};
const SUFFIX_MAP: Record<string, Comparator> = { 以上: '≥', 左右: '≈', 以下: '≤', 以内: '≤', 多: '>' };
const SUBJECT_BOUNDARY = new Set([...',;。:、\n()“”《》!?和及与']);
const LEADING = /^(?:(?:到|至|截至)?\d{4}年(?:底|末)?|力争|争取|计划|全市|我市|本市|全省|全国|福州市|福州|累计|新增|建成|已建|已经|实现|完成|目前|已|总计|合计|打造|培育|形成|推动|推出|开展|实施|引进|扶持|归集|提供|发布|新开工|满足|拥有|每年|每月|日均|其中|将|再|全面|加快|推进|建设|约|达到|达|实施了|注册资本|先后)+/;
const TRAILING = /(?:已经|已|均|达到|达|共|约|近|为|将|的|累计|总计|可|实现|总数)+$/;
const ENDS_WITH_VERB = /(建成|培育|打造|实施|引进|扶持|发布|形成|推出|建设|新增|壮大|签约|研制|引入|开展|完成|覆盖|创建|遴选|拥有|接入|落户|提供|实现)$/;
const DEPENDENT = /^(占|年均|比增|增速|增长|同比|比重|占比)/;
const YEAR = /(\d{4})年/g;

function cleanSubject(s: string): string {
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(LEADING, '').replace(TRAILING, '');
  }
  return s.replace(/的/g, '').replace(/\s+/g, '');
}

function sentenceStart(text: string, pos: number): number {
  const a = text.lastIndexOf('。', pos - 1);
  const b = text.lastIndexOf('\n', pos - 1);
  return Math.max(a, b) + 1;
}

function yearBefore(text: string, from: number, pos: number): number | undefined {
  YEAR.lastIndex = from;
  let year: number | undefined;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(text)) !== null && m.index < pos) year = Number(m[1]);
  return year;
}

export function indicatorFor(phrase: string, gaz: Gazetteer): { key: string; name: string; unit?: string } {
  const key = surfaceKey(phrase);
  const known = gaz.indicatorByAlias.get(key) ?? gaz.indicatorByAlias.get(key.replace(/(数量|数)$/, ''));
  if (known) return { key: known.key, name: known.name, unit: known.unit };
  const generic = key.replace(/数量$/, '');
  return { key: generic, name: generic };
}

/** Finds figures in text[from, to). `defaultYear` is the plan's own year. */
export function findFigures(fullText: string, from: number, to: number, gaz: Gazetteer, defaultYear?: number): Figure[] {
  // Work on the slice so that the global regex never scans past `to`.
  const text = fullText.slice(from, to);
  return scanFigures(text, gaz, defaultYear).map((f) => ({ ...f, start: f.start + from, end: f.end + from }));
}

function scanFigures(text: string, gaz: Gazetteer, defaultYear?: number): Figure[] {
  const from = 0;
  const to = text.length;
  const out: Figure[] = [];
  let lastSubject: { phrase: string; sentence: number } | undefined;
  FIGURE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text)) !== null && m.index < to) {
    const [whole, pre, num, mult, unitRaw, post] = m;
    const numStart = m.index + (pre?.length ?? 0);
    const before = text[m.index - 1] ?? '';
    if (/[A-Za-z0-9.\-—~第]/.test(before)) continue;
    const chinese = !/^\d/.test(num!);
    if (chinese && !pre && !mult && unitRaw !== '亿元' && unitRaw !== '万元') continue;
    let value = parseNumeral(num!);
    if (Number.isNaN(value)) continue;
    let unit = unitRaw!;
    if (mult && (unit === '元') && (mult === '亿' || mult === '万')) unit = `${mult}元`;
    else value = scale(value, magnitude(mult));
    let comparator: Comparator = '=';
    if (pre) comparator = PREFIX_MAP[pre] ?? '=';
    if (post && (comparator === '=' || !pre)) comparator = SUFFIX_MAP[post] ?? comparator;

    // The subject: the words before the figure back to a clause boundary, or after it.
    const sent = sentenceStart(text, m.index);
    let s = m.index;
    while (s > sent && !SUBJECT_BOUNDARY.has(text[s - 1]!)) s--;
    const rawBefore = text.slice(s, m.index);
    let phrase = cleanSubject(rawBefore);
    let spanStart = s;
    let spanEnd = m.index + whole.length;
    const dependent = DEPENDENT.test(phrase);
    if (dependent && lastSubject && lastSubject.sentence === sent) phrase = lastSubject.phrase + phrase;
    if (phrase.length < 2 || ENDS_WITH_VERB.test(rawBefore)) {
      // "培育10个以上省级工业互联网示范平台": the subject follows the figure.
      let e = spanEnd;
      while (e < to && e - spanEnd < 16 && !SUBJECT_BOUNDARY.has(text[e]!)) e++;
      const after = cleanSubject(text.slice(spanEnd, e).replace(/(建设|的).*$/, ''));
      if (after.length >= 2) {
        phrase = after;
        spanStart = numStart - (pre?.length ?? 0);
        spanEnd = e;
      }
    }
    if (phrase.length < 2 || phrase.length > 30) continue;
    const ind = indicatorFor(phrase, gaz);
    if (!dependent) lastSubject = { phrase, sentence: sent };
    if (ind.unit && ind.unit !== unit) {
      if (ind.unit === '亿元' && unit === '万元') { value = scale(value, 1e-4); unit = '亿元'; }
      else if (ind.unit === '万元' && unit === '亿元') { value = scale(value, 1e4); unit = '万元'; }
    }
    const year = yearBefore(text, sent, m.index) ?? defaultYear;
    out.push({ indicatorKey: ind.key, indicatorName: ind.name, value, unit, comparator, year, start: spanStart, end: spanEnd });
  }
  return out;
}
