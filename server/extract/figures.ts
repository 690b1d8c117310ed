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
  /** 'increment' for an amount to be added (新增20项): it never compares with a total */
  measure?: 'increment';
  /** normalised span: subject through figure */
  start: number;
  end: number;
}

const UNITS = ['万人次', '人次', '亿元', '万元', '元', '个', '家', '项', '条', '次', '份', '户', '架', '件', '所', '名', '座', '台', '款',
  'PB', 'TB', 'P', '%', '倍', '公里', '亩', '吨', '辆', '套', '场', '处', '万人', '人'];
const PREFIX_CMP = '不低于|不少于|不超过|不高于|超过|突破|达到|高于|低于|多于|大于|超|逾|达|近|约';
const FIGURE = new RegExp(
  `((?<!签)(?:${PREFIX_CMP}))?(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)(万|亿|千)?(${UNITS.join('|').replace('%', '%')})(以上|左右|以下|以内|多)?`, 'g');
const PREFIX_MAP: Record<string, Comparator> = {
  不低于: '≥', 不少于: '≥', 不超过: '≤', 不高于: '≤', 超过: '>', 突破: '>', 高于: '>', 多于: '>', 大于: '>', 超: '>', 逾: '>',
  达到: '=', 达: '=', 低于: '<', 近: '≈', 约: '≈',
};
const SUFFIX_MAP: Record<string, Comparator> = { 以上: '≥', 左右: '≈', 以下: '≤', 以内: '≤', 多: '>' };
const SUBJECT_BOUNDARY = new Set([...',;。:、\n()“”《》!?和及与']);
// Words that open a clause but are not part of what is measured: time, scope, verbs, quantifier
// words (共, 已有, 拥有, 为…). 共享/有效 and the like are protected by look-aheads.
const LEADING = /^(?:[—\-]+|开工|(?:到|至|截至)?\d{4}年(?:底|末)?|(?:今年|全年|当年|年内|明年)(?:内)?|力争|争取|计划|全市|我市|本市|全省|全国|福州市|福州|累计|新增|已建成|建成|已建|已经|已实现|实现|已完成|完成|目前|已|总计|合计|打造|培育|形成|推动|推出|开展|实施了|实施|引进|扶持|归集|提供|发布|新开工|满足|拥有|具有|已有|现有|还有|每年|每月|日均|其中|将|再|全面|加快|推进|建设|约|达到|达|注册资本|先后|孵化或引入|孵化|引入|研制|开通|共(?![享建同性])|有(?![效关序线机色限力益])|为(?![主本])|一共|总共)+/;
const TRAILING = /(?:已经|已|均|达到|达|共|约|近|为|将|的|累计|总计|可|实现|总数)+$/;
const ENDS_WITH_VERB = /(吸引|建成|培育|打造|实施|引进|扶持|发布|形成|推出|建设|新增|壮大|签约|研制|引入|开展|完成|覆盖|创建|遴选|拥有|接入|落户|提供|实现)$/;
// A subject that still holds a verb after the leading words are gone is a clause, not a quantity
// (往返每人每次至少花费, 用户累计使用服务); 拥有量, 使用率… are nouns.
const VERB_IN_SUBJECT = /(?:提供|使用|花费|签约|签订|实现|开通|推动|推进|加快|引进|拥有|具有|获得|办理|参与|举办|完成|带动|吸引|促成)(?![量率额数])/;
// Ordinal and event phrases count editions or batches, not a quantity of the thing (首届峰会64个项目).
const ORDINAL = /^(?:首届|首批|首期|本届|历届|上届|第[一二三四五六七八九十\d]{1,3}[届批期]|前[一二三四五六七八九十\d]{1,2}[届批期])|届/;
// Whole subjects that name no measurable thing on their own (省级58家, 服务超过900万人次, 规模突破…).
const GENERIC_SUBJECT = /^(?:省级|市级|县级|区级|国家级|首批|事项|服务|规模|项目|企业|用户|单位|部门|领域|行业|站点|重点领域|重点行业|重点项目|总量|数量|其他|其余|共享服务|服务请求|投资|总投资)$/;
// 总投资 names no quantity on its own: it is the investment of what the sentence counted before it
// (新基建项目175个,总投资2300亿元 → 新基建项目总投资), and nothing without such a subject.
const TOTAL_OF = /^(?:总投资|计划总投资|投资总额|总投资额)$/;
// 新增20项 / 净增 / 新开工50项: an amount to be added, not the total reached. Read in the clause
// before the figure (新增A2个、B3个 adds both).
const INCREMENT = /(?:新增|净增|新开工)/;
// 到2022年 / 至2025年底: the goal year of a plan's targets, carried to the sentences after it in the
// same section (a goals paragraph states the year once, then lists what it wants).
const GOAL_YEAR = /(?:到|至)((?:19|20)\d{2})年/g;
const SECTION_HEAD = /\n[ \t\u3000]*(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|[\u3220-\u3229])/g; // ㈠ = (一)
const DEPENDENT = /^(占|年均|比增|增速|增长|同比|比重|占比)/;
const YEAR = /(\d{4})年/g;

function cleanSubject(s: string): string {
  s = s.trim();
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(LEADING, '').replace(TRAILING, '');
  }
  return s.replace(/[的“”]/g, '').replace(/\s+/g, '');
}

/** Start of the clause holding `pos`: after the last , ; or sentence end (、 joins a list, not clauses). */
function clauseStart(text: string, sent: number, pos: number): number {
  for (let i = pos - 1; i >= sent; i--) if (/[,;:]/.test(text[i]!)) return i + 1;
  return sent;
}

function sentenceStart(text: string, pos: number): number {
  const a = text.lastIndexOf('。', pos - 1);
  const b = text.lastIndexOf('\n', pos - 1);
  return Math.max(a, b) + 1;
}

// Words that make a sentence a report of the present rather than one more goal.
// 目前 inside 项目前期 (a project's preparatory phase) is not "now".
const STATUS = /(?<!项)目前(?!期)|当前|现已|现有|迄今|至今/;

/** Positions of goal years (到2022年) and of section headings in a text, for carrying a goal year. */
function goalYears(text: string): { goals: { pos: number; year: number }[]; heads: number[] } {
  const goals: { pos: number; year: number }[] = [];
  const heads: number[] = [];
  let m: RegExpExecArray | null;
  GOAL_YEAR.lastIndex = 0;
  while ((m = GOAL_YEAR.exec(text)) !== null) goals.push({ pos: m.index, year: Number(m[1]) });
  SECTION_HEAD.lastIndex = 0;
  while ((m = SECTION_HEAD.exec(text)) !== null) heads.push(m.index);
  return { goals, heads };
}

/** The last goal year stated before `pos` with no section heading in between. */
function carriedGoalYear(c: { goals: { pos: number; year: number }[]; heads: number[] }, pos: number): number | undefined {
  let goal: { pos: number; year: number } | undefined;
  for (const g of c.goals) { if (g.pos >= pos) break; goal = g; }
  if (!goal) return undefined;
  for (const h of c.heads) { if (h >= pos) break; if (h > goal.pos) return undefined; }
  return goal.year;
}

function yearBefore(text: string, from: number, pos: number): number | undefined {
  // Only the text a year starting before pos can cover (YYYY年 is five characters): the last search of
  // the whole text ran on to the next year anywhere after pos, quadratic in a long run of figures.
  const part = text.slice(from, pos + 4);
  YEAR.lastIndex = 0;
  let year: number | undefined;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(part)) !== null && m.index + from < pos) year = Number(m[1]);
  return year;
}

const FIGURE_AHEAD = new RegExp(`^[^,;。:、\\n()“”《》!?和及与]{1,16}?(?:${PREFIX_CMP})?\\d+(?:\\.\\d+)?(?:万|亿|千)?(?:${UNITS.join('|')})`);

/** True when the figure ending at `end` runs straight into a noun and another figure (…超百亿元数字企业突破6家). */
function modifiesLaterFigure(text: string, end: number): boolean {
  const c = text[end];
  if (c === undefined || SUBJECT_BOUNDARY.has(c) || /[\d\s]/.test(c)) return false;
  return FIGURE_AHEAD.test(text.slice(end, end + 40));
}

/** 比增/同比增长 → 增速; 占全省总数的 → 占全省比重, so that growth and shares read as indicator names. */
function dependentName(phrase: string): string {
  if (/^(?:比增|同比增长|同比增|增速)$/.test(phrase)) return '增速';
  if (phrase.startsWith('占') && !/(?:比重|比例|份额)$/.test(phrase)) return `${phrase.replace(/(?:总数|总量)$/, '')}比重`;
  return phrase;
}

/**
 * A subject is a measurable noun phrase: at least three characters (two-character words such as
 * 事项, 省级, 规模 are too generic unless the lexicon knows them), not a generic word, not a clause.
 */
export function isMeasurableSubject(phrase: string): boolean {
  if ([...phrase].length < 3) return false;
  if (GENERIC_SUBJECT.test(phrase)) return false;
  return !VERB_IN_SUBJECT.test(phrase);
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
  let lastSubject: { key: string; sentence: number } | undefined;
  let carried: ReturnType<typeof goalYears> | undefined;
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

    // A figure that modifies the noun of a later figure (年营业收入超百亿元数字企业突破6家) is not a quantity.
    if (!post && modifiesLaterFigure(text, m.index + whole.length)) continue;

    // The subject: the words before the figure back to a clause boundary, or after it.
    const sent = sentenceStart(text, m.index);
    let s = m.index;
    for (;;) {
      while (s > sent && !SUBJECT_BOUNDARY.has(text[s - 1]!)) s--;
      // “上云上平台”工业企业: a short quoted term glued to the noun belongs to the subject.
      const open = text[s - 1] === '”' && s < m.index ? text.lastIndexOf('“', s - 2) : -1;
      if (open < sent || s - open > 14 || /[,;。:、\n]/.test(text.slice(open, s))) break;
      s = open;
    }
    const rawBefore = text.slice(s, m.index);
    let phrase = cleanSubject(rawBefore);
    let spanStart = s;
    let spanEnd = m.index + whole.length;
    if (ORDINAL.test(phrase)) continue;
    if (TOTAL_OF.test(phrase)) {
      if (!lastSubject || lastSubject.sentence !== sent) continue;
      phrase = lastSubject.key + phrase;
    }
    const dependent = DEPENDENT.test(phrase);
    if (dependent && lastSubject && lastSubject.sentence === sent) phrase = lastSubject.key + dependentName(phrase);
    // 5G基站、人工智能、工业互联网等新基建项目175个: what is counted follows the last 等.
    const etc = phrase.lastIndexOf('等');
    // The subject follows the figure when the clause before it ends in a verb or names nothing measurable.
    let subjectAfter = phrase.length < 2 || ENDS_WITH_VERB.test(rawBefore.trim())
      || (!dependent && !gaz.indicatorByAlias.has(surfaceKey(phrase)) && !isMeasurableSubject(phrase));
    if (etc >= 0 && !dependent) {
      if (etc === phrase.length - 1) subjectAfter = true; // 工业等13个重点领域
      else phrase = phrase.slice(etc + 1);
    }
    if (subjectAfter) {
      // "培育10个以上省级工业互联网示范平台": the subject follows the figure. A share printed before its
      // noun (超90%事项“最多跑一趟”) has its predicate elsewhere: no subject.
      if (unit === '%') continue;
      let e = spanEnd;
      while (e < to && e - spanEnd < 24 && !SUBJECT_BOUNDARY.has(text[e]!)) e++;
      let after = text.slice(spanEnd, e).replace(/并.*$/, '');
      const de = after.lastIndexOf('的'); // 1个以上具有本地产业特色的人工智能标杆应用场景: the head follows 的
      if (de >= 0) after = after.slice(de + 1);
      after = cleanSubject(after.replace(/(?:落户|入驻|上线|落地)$/, ''));
      if (after.length < 2) continue;
      phrase = after;
      spanStart = numStart - (pre?.length ?? 0);
      spanEnd = e;
    }
    if (phrase.length > 30) continue;
    if (!gaz.indicatorByAlias.has(surfaceKey(phrase)) && !isMeasurableSubject(phrase)) continue;
    const increment = INCREMENT.test(text.slice(clauseStart(text, sent, m.index), m.index));
    const base = indicatorFor(phrase, gaz);
    const ind = increment ? { ...base, key: `新增${base.key}`, name: `新增${base.name}` } : base;
    if (!dependent) lastSubject = { key: ind.key, sentence: sent };
    if (ind.unit && ind.unit !== unit) {
      if (ind.unit === '亿元' && unit === '万元') { value = scale(value, 1e-4); unit = '亿元'; }
      else if (ind.unit === '万元' && unit === '亿元') { value = scale(value, 1e4); unit = '万元'; }
    }
    let year = yearBefore(text, sent, m.index);
    // A status sentence (目前全市已有…) reports the present: the goal year of the paragraph before it
    // does not carry into it.
    const status = STATUS.test(text.slice(sent, m.index));
    if (year === undefined) year = (status ? undefined : carriedGoalYear((carried ??= goalYears(text)), sent)) ?? defaultYear;
    const figure: Figure = { indicatorKey: ind.key, indicatorName: ind.name, value, unit, comparator, year, start: spanStart, end: spanEnd };
    if (increment) figure.measure = 'increment';
    out.push(figure);
  }
  return out;
}
