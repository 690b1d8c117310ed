/*
 * Document structure: title, issuer, issue date, addressees, the heading hierarchy and the
 * numbered tasks. Works on the normalised text (half-width, simplified) and returns spans in it.
 * Numbering styles: 一、 (level 1), (一) (level 2), 1、 / 1. / 1． (level 3). A level-3 item is a
 * task; a (一) block is a task only when it has no numbered items below it; 一、 is always a heading.
 */
import { findNumberedBlocks, H1, H2, ITEM } from './numbered-blocks.ts';

export interface Line { start: number; end: number; text: string }

export interface Heading { level: 1 | 2; ordinal: number; marker: string; title: string; line: Line }

export interface TaskBlock {
  level: 2 | 3 | 4;
  /** the numeral as printed: "4", "一" */
  number: string;
  /** the whole marker as printed: "4、", "(一)" */
  marker: string;
  ordinal: number;
  path: string;
  section: string;
  title: string;
  titleStart: number;
  titleEnd: number;
  start: number;
  end: number;
  text: string;
  order: number;
  /** a task only if it carries a responsibility list: a (1) sub-item, or a block of principles or goals */
  needsList: boolean;
}

export interface DocumentStructure {
  lines: Line[];
  documentTitle: string;
  titleLine?: Line;
  planTitle?: string;
  /** the line where the plan's own text starts (text before it is a preface) */
  bodyStart: number;
  issuer?: { name: string; start: number; end: number };
  issued?: string;
  addressees?: { start: number; end: number };
  headings: Heading[];
  tasks: TaskBlock[];
}

const PLAN_SUFFIX = /(方案|要点|计划|规划|意见|办法|纲要|措施|细则|通知|决定|条例|规定)$/;
const ISSUE_NOTICE = /^(.{2,40}?)关于印发(.+?)的通知$/;
const CIRCULATE = /《([^《》]+)》[^。\n]{0,30}印发/;
const WHOLE_TITLE = /^《([^《》]+)》$/;
const ISSUER_LINE = /^[\u4e00-\u9fff()]{2,30}(人民政府|办公厅|办公室|委员会|管委会|局)$/;
const DATE_CN = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const DATE_ISO = /(?:时间|日期|发布时间)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) lines.push({ start: s, end: e, text: text.slice(s, e) });
    pos = nl + 1;
  }
  return lines;
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

// A photo caption (发布会现场(央广网记者 张子亚 摄), 图为…, (图片来源:…)) is never a title.
const CAPTION = /(?:摄|供图|资料图片?|图片来源[^)]*|图源[^)]*)[)]?$|^[(]?(?:图为|图片来源|图源|图片?\s*[:：])/;
const META_LINE = /^(?:来源|时间|日期|发布时间|作者|编辑|责任编辑|原标题|点击|阅读|分享)\s*[:：]/;
// 央广网福州3月23日消息(记者张子亚) / 新华社福州3月23日电 / 本报讯(记者 …): the dateline before the first sentence.
const DATELINE = /^(?:[^,。;!?]{0,20}?\d{1,2}月\d{1,2}日(?:电|消息|讯)|[^,。;!?]{0,8}?(?:本报|本台|本网|网|社|报|台)讯)(?:\s*[(][^()]{0,24}[)])?\s*/;
const QUOTED_EVENT = /“([^“”\n]{2,30})”([\u4e00-\u9fff]{0,6}?(?:发布会|峰会|大会|论坛|博览会|交易会|座谈会|推介会|会议|大赛|活动|仪式))/;
// 据悉, / 记者从市数据管理局获悉, : a lead-in that says where the news came from, not what it is.
const LEAD_IN = /^(?:据悉|据了解|据介绍|据报道|记者[^,。]{0,24}?(?:获悉|了解到|获知))[,:]\s*/;
const TITLE_LENGTH = 40;

/**
 * The title of a text without a headline (news copied without its heading): the first line that
 * is not a photo caption or metadata, if it reads as a headline (short, no sentence punctuation);
 * otherwise a quoted event name in its first sentence (“…”新闻发布会), else that sentence without
 * its dateline, trimmed to about 40 characters at a punctuation boundary.
 */
export function headlessTitle(lines: Line[]): string {
  const line = lines.find((l) => !CAPTION.test(l.text) && !META_LINE.test(l.text) && /[\u4e00-\u9fffA-Za-z]/.test(l.text));
  if (!line) return '';
  const text = line.text;
  if (text.length <= TITLE_LENGTH && !DATELINE.test(text) && !/[。,;!?]/.test(text.replace(/[。!?]$/, ''))) return text.replace(/[。.]$/, '');
  const sentence = text.replace(DATELINE, '').split(/[。!?]/)[0]!.trim();
  const event = QUOTED_EVENT.exec(sentence);
  if (event) return `“${event[1]}”${event[2]}`;
  return trimAtPunctuation(sentence.replace(LEAD_IN, ''), TITLE_LENGTH);
}

function trimAtPunctuation(s: string, max: number): string {
  if (s.length <= max) return s;
  const PUNCT = /[,;:、]/;
  for (let i = max; i >= 8; i--) if (PUNCT.test(s[i]!)) return s.slice(0, i);
  for (let i = max + 1; i < Math.min(s.length, max + 20); i++) if (PUNCT.test(s[i]!)) return s.slice(0, i);
  return s.slice(0, max);
}

export function parseStructure(text: string, frontTitle?: string, frontDate?: string): DocumentStructure {
  const lines = splitLines(text);
  const head = lines.slice(0, 40);

  // --- header: title, plan title, issuer, date, addressees ---
  let documentTitle = frontTitle ?? '';
  let titleLine: Line | undefined;
  let planTitle: string | undefined;
  let bodyLine = 0;
  for (let i = 0; i < head.length && !planTitle; i++) {
    const l = head[i]!;
    const whole = WHOLE_TITLE.exec(l.text);
    const notice = ISSUE_NOTICE.exec(l.text);
    if (whole) {
      planTitle = whole[1]!;
      titleLine = l;
      bodyLine = i + 1;
      if (!documentTitle) documentTitle = planTitle;
    } else if (notice) {
      planTitle = notice[2]!.replace(/^《|》$/g, '');
      titleLine = l;
      bodyLine = i + 1;
      if (!documentTitle) documentTitle = l.text;
    }
  }
  if (!planTitle) {
    for (let i = 0; i < head.length; i++) {
      const m = CIRCULATE.exec(head[i]!.text);
      if (m) { planTitle = m[1]!; titleLine = head[i]; bodyLine = i + 1; break; }
    }
  }
  for (let i = 0; i < head.length; i++) {
    const l = head[i]!;
    if (l.text.length <= 80 && !/[。:,;]/.test(l.text) && PLAN_SUFFIX.test(l.text) && !H1.test(l.text) && !H2.test(l.text) && !ITEM.test(l.text)) {
      if (!documentTitle) documentTitle = l.text;
      if (!planTitle) { planTitle = l.text; titleLine = l; }
      if (planTitle === l.text || titleLine === undefined || l.start > titleLine.start) bodyLine = Math.max(bodyLine, i + 1);
      break;
    }
  }
  if (!documentTitle) documentTitle = headlessTitle(lines.slice(0, 40));

  let issuer: DocumentStructure['issuer'];
  let issued: string | undefined = frontDate;
  let addressees: DocumentStructure['addressees'];
  for (let i = 0; i < head.length; i++) {
    const l = head[i]!;
    const next = head[i + 1];
    if (!issuer && ISSUER_LINE.test(l.text) && next && DATE_CN.test(next.text)) {
      issuer = { name: l.text, start: l.start, end: l.end };
      const d = DATE_CN.exec(next.text)!;
      issued = isoDate(d[1]!, d[2]!, d[3]!);
    }
    if (!addressees && l.text.endsWith(':') && l.text.length < 200 && /(政府|管委会|单位|局|院校|委)/.test(l.text) && !/^(时间|来源|附件)/.test(l.text)) {
      addressees = { start: l.start, end: l.end - 1 };
    }
  }
  if (!issuer && titleLine) {
    const m = ISSUE_NOTICE.exec(titleLine.text);
    if (m) issuer = { name: m[1]!, start: titleLine.start, end: titleLine.start + m[1]!.length };
  }
  if (!issued) {
    for (const l of head) {
      const m = DATE_ISO.exec(l.text);
      if (m) { issued = isoDate(m[1]!, m[2]!, m[3]!); break; }
    }
  }

  // --- numbered blocks (numbered-blocks.ts) ---
  const { headings, tasks } = findNumberedBlocks(text, lines, bodyLine);
  return { lines, documentTitle, titleLine, planTitle, bodyStart: lines[bodyLine]?.start ?? text.length, issuer, issued, addressees, headings, tasks };
}
