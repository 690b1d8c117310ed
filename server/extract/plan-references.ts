/*
 * Plans named in text: every 《…》 title is a Plan, whether or not we hold its text. A plan that
 * says it implements (实施/落实/贯彻…) another plan gets IMPLEMENTS, any other citation REFERENCES.
 * A cited notice that circulates a plan (《X关于印发Y的通知》) names plan Y; a plan title printed
 * without 《》 after an implementing verb (认真落实福建省…总体方案) is a citation too when it reads as a
 * title: an issuer at its start and a plan word at its end.
 */
import { surfaceKey } from './gazetteer.ts';
import { SortedSpans } from './spans.ts';

export interface PlanCitation {
  title: string;
  /** normalised span of the title including the brackets */
  start: number;
  end: number;
  implements: boolean;
  /** true when the title was printed without 《》 */
  unquoted?: boolean;
}

const CITED = /《([^《》\n]{2,120})》/g;
const IMPLEMENTING = /(实施|落实|贯彻|贯彻落实|根据|依据|按照|执行)[^,;。]{0,6}$/;
// 《A》(发改高技〔2019〕1616号)、《B》: a citation listed after an implemented one is implemented too.
const LISTED_AFTER = /^(?:\s*(?:[(][^()《》]{0,30}[)]|〔[^〕]{0,20}〕))*\s*(?:、|和|及|以及|与)\s*$/;
// 《福建省人民政府关于印发国家数字经济创新发展试验区(福建)工作方案的通知》 → the plan it circulates.
const CIRCULATING_NOTICE = /^(.{2,60}?)关于(?:印发|转发|印送)[<〈《]?(.+?)[>〉》]?的通知$/;
const ISSUER_START = '(?:国务院|中共中央|党中央|国家|省委|省政府|市委|市政府|[\u4e00-\u9fff]{2,6}?(?:省|市|自治区|自治州|县|区))';
const PLAN_WORD = '(?:方案|规划|意见|要点|计划|纲要|办法|细则|决定|条例)';
// 认真落实福建省加快推进…总体方案的工作要求: verb, issuer-like start, at least four name characters,
// a plan word, then what follows a title (的, 精神, 要求, punctuation). No 《》, so only this shape counts.
const UNQUOTED = new RegExp(
  `(?:贯彻落实|贯彻|落实|根据|依据|按照|执行)(?:好|到)?(${ISSUER_START}[\u4e00-\u9fff()“”0-9\-—]{4,48}?${PLAN_WORD})(?=的|精神|要求|部署|[,;。、和及]|$)`, 'g');

/** A plan's id: its title, after the area that scopes it or before the document it is kept to (jurisdiction.ts, planScope). */
export function planNodeId(title: string, scope?: string): string {
  const t = normalisePlanTitle(title);
  if (scope === undefined) return `plan:${t}`;
  return scope.startsWith('@') ? `plan:${t}${scope}` : `plan:${scope}${t}`;
}

export function normalisePlanTitle(title: string): string {
  return surfaceKey(title.replace(/^《|》$/g, '')).replace(/<|>/g, (c) => (c === '<' ? '〈' : '〉'));
}

/** The plan a cited title names: the circulated plan of a notice, else the title itself. */
export function citedPlanTitle(title: string): string {
  const m = CIRCULATING_NOTICE.exec(title.trim());
  return m ? m[2]!.replace(/^[<〈《]|[>〉》]$/g, '').trim() : title.trim();
}

export function findPlanCitations(text: string, from: number, to: number): PlanCitation[] {
  const out: PlanCitation[] = [];
  CITED.lastIndex = from;
  let m: RegExpExecArray | null;
  let prev: PlanCitation | undefined;
  while ((m = CITED.exec(text)) !== null && m.index < to) {
    const lead = text.slice(Math.max(from, m.index - 12), m.index);
    const listed = prev !== undefined && prev.implements && LISTED_AFTER.test(text.slice(prev.end, m.index));
    prev = { title: m[1]!.trim(), start: m.index, end: m.index + m[0].length, implements: listed || IMPLEMENTING.test(lead) };
    out.push(prev);
  }
  // Unquoted titles: the text is sliced so that the global regex never scans past `to`. They never
  // overlap one another (each lies inside its own match), only the quoted ones, looked up by binary search.
  const quoted = new SortedSpans([...out]);
  const slice = text.slice(from, to);
  UNQUOTED.lastIndex = 0;
  while ((m = UNQUOTED.exec(slice)) !== null) {
    const start = from + m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (quoted.overlaps(start, end)) continue;
    out.push({ title: m[1]!, start, end, implements: true, unquoted: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Year a plan is about: the first year printed with 年 in its title (2019年数字福州工作要点; the end
 * of a range, 2018-2020年), else a bare year (…行动计划2021), else undefined. Only 1900-2099 counts
 * (坚持“3820”战略工程 is not a year).
 */
export function planYear(title: string): number | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})年/.exec(title) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(title);
  return m ? Number(m[1]) : undefined;
}
