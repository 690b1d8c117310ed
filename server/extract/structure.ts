/*
 * Document structure: title, issuer, issue date, addressees, the heading hierarchy and the
 * numbered tasks. Works on the normalised text (half-width, simplified) and returns spans in it.
 * Numbering styles: 一、 (level 1), (一) (level 2), 1、 / 1. / 1． (level 3). A level-3 item is a
 * task; a (一) block is a task only when it has no numbered items below it; 一、 is always a heading.
 */
import { inferDatelineDate, type InferredDate } from './inferred-date.ts';
import { findNumberedBlocks, H1, H2, ITEM } from './numbered-blocks.ts';

export interface Line { start: number; end: number; text: string }

export interface Heading { level: 1 | 2; ordinal: number; marker: string; title: string; line: Line }

export interface TaskBlock {
  level: 1 | 2 | 3 | 4;
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
  /** a task only if it carries a responsibility list: a (1) sub-item, a section (一、) with no block below, or a block of principles or goals */
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
  /** when no date is printed but a dateline gives month and day: the year inferred from the text (inferred-date.ts) */
  inferredIssued?: InferredDate;
  addressees?: { start: number; end: number };
  headings: Heading[];
  tasks: TaskBlock[];
}

const PLAN_SUFFIX = /(方案|要点|计划|规划|意见|办法|纲要|措施|细则|通知|决定|条例|规定)$/;
const ISSUE_NOTICE = /^(.{2,40}?)关于印发(.+?)的通知$/;
// 现将《Y》印发: the 印发 must follow Y itself — in 根据《A》(…)、《B关于印发…》 it is B's, a cited title.
const CIRCULATE = /《([^《》]+)》[^。\n《]{0,30}印发/;
const WHOLE_TITLE = /^《([^《》]+)》$/;
const ISSUER_LINE = /^[\u4e00-\u9fff()]{2,30}(人民政府|办公厅|办公室|委员会|管委会|局)$/;
const DATE_CN = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

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

// A title printed over two lines (福州市加快推进数字化全面赋能经济社会 / 高质量发展实施方案): a line of
// name characters only, not a heading, date, document number or bracketed note, that runs into a
// line ending like a title. Only two lines are joined: a third line above is the issuer or a note —
// unless that line ends in 关于 (内蒙古自治区人民政府关于 / 推动呼包鄂乌一体化发展 / 若干举措的通知): no issuer
// or note ends so, it is the first third of a title broken over three lines, and it names the issuer.
const TITLE_FRAGMENT = /^[^(\s][\u4e00-\u9fffA-Za-z0-9()“”《》〈〉\-—]{3,39}$/;

function isTitleFragment(l: Line): boolean {
  return TITLE_FRAGMENT.test(l.text) && !PLAN_SUFFIX.test(l.text) && !H1.test(l.text) && !H2.test(l.text)
    && !ITEM.test(l.text) && !/^\d{4}年/.test(l.text) && !/[号日]$/.test(l.text) && !META_LINE.test(l.text);
}

/** head[i], or head[i-1] + head[i] (head[i-2] too when it ends in 关于) as one line when a title runs over them. */
export function titleAt(head: Line[], i: number): Line {
  const l = head[i]!;
  const prev = head[i - 1];
  if (!prev || !PLAN_SUFFIX.test(l.text) || /[。:,;]/.test(l.text) || !isTitleFragment(prev)) return l;
  if (prev.text.length + l.text.length > 80) return l;
  const first = head[i - 2];
  if (first && !prev.text.endsWith('关于') && first.text.endsWith('关于') && isTitleFragment(first)
    && first.text.length + prev.text.length + l.text.length <= 80) {
    return { start: first.start, end: l.end, text: first.text + prev.text + l.text };
  }
  return { start: prev.start, end: l.end, text: prev.text + l.text };
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

// A full date in any of the printed forms: 2021年3月23日, 2021-03-23, 2021/3/23, 2021.03.23.
const FULL_DATE = /((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)/;
// 发布时间: 2021-03-23 10:20 / 来源: 福州日报 2021年3月23日: metadata that dates the page.
const DATE_META = /^(?:发布时间|发布日期|时间|日期|更新时间|来源|稿源|信息来源)\s*[:：]/;
// 作者:  来源: 莲都区人民政府办公室  发布时间: 2023-04-17 08:50:33: a page's metadata fields on one line, the date
// field not first.
const DATE_FIELD = /(?:发布时间|发布日期|成文日期|更新时间|日期)\s*[:：]\s*((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)/;
const DATE_ONLY = /^((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
// 新华社福州2021年3月23日电 / (2021年3月23日): a dateline that prints the year.
const DATELINE_FULL = /^[^,。;!?]{0,20}?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:电|消息|讯|[)])/;

function validDate(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? isoDate(y, m, d) : undefined;
}

/**
 * The date of a text without a signed date: a metadata line (发布时间/来源/日期…) with a full date,
 * a line that is only a date, or a dateline that prints the year. Undefined when none of these
 * says it: a dateline without a year (福州3月23日消息) leaves the date unknown rather than guessed.
 */
export function publicationDate(head: Line[]): string | undefined {
  for (const l of head) {
    const m = DATE_META.test(l.text) ? FULL_DATE.exec(l.text) : META_LINE.test(l.text) ? DATE_FIELD.exec(l.text) : DATE_ONLY.exec(l.text);
    const date = m ? validDate(m[1]!, m[2]!, m[3]!) : undefined;
    if (date) return date;
  }
  for (const l of head) {
    const m = DATELINE_FULL.exec(l.text);
    const date = m ? validDate(m[1]!, m[2]!, m[3]!) : undefined;
    if (date) return date;
  }
  return undefined;
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
/** The addressee line of a notice: bodies, ending in `:` (各区人民政府,市政府各部门:). */
function isAddresseeLine(text: string): boolean {
  return text.endsWith(':') && text.length < 200 && /(政府|管委会|单位|局|院校|委)/.test(text) && !/^(时间|来源|附件)/.test(text);
}

export function headlessTitle(lines: Line[]): string {
  // A page that starts at the addressees has no headline there either.
  const line = lines.find((l) => !CAPTION.test(l.text) && !META_LINE.test(l.text) && !isAddresseeLine(l.text) && /[\u4e00-\u9fffA-Za-z]/.test(l.text));
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

/** The titles quoted one after another (、/和/及 between) that end where the circulating sentence says 印发. */
function circulatedTitles(upToIssue: string): string | undefined {
  // Only what joins the titles to the verb may stand between: 已经…研究通过, 经…同意, 现, 予以 — not more of a
  // title (现将2023年《政府工作报告》重点任务分解落实方案印发 circulates a 方案, not the 报告).
  const quoted = /(?:《[^《》]+》(?:[、和及]|\s)*)+(?=(?:(?:已经?|经)[^《》。,，]{0,26}(?:通过|同意|批准)[,，]?)?(?:现|特|一并)?(?:予以)?印发$)/.exec(upToIssue);
  if (!quoted) return undefined;
  const titles = [...quoted[0].matchAll(/《([^《》]+)》/g)].map((t) => t[1]!.trim());
  return titles.length > 0 ? titles.join('、') : undefined;
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
    const l = titleAt(head, i);
    const whole = WHOLE_TITLE.exec(l.text);
    const notice = ISSUE_NOTICE.exec(l.text);
    if (whole) {
      // 《浙江省人民政府办公厅关于印发X的通知》 as the heading: the plan is X, like a notice line's.
      planTitle = ISSUE_NOTICE.exec(whole[1]!)?.[2]!.replace(/^《|》$/g, '') ?? whole[1]!;
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
  // A notice printed without its title line (it opens at the addressees): 现将《A》《B》印发给你们 / 《A》已经…研究
  // 通过,现印发给你们. The circulated plans' names are the best title it has; its first sentence is not one.
  let circulated: string | undefined;
  if (!planTitle) {
    for (let i = 0; i < head.length; i++) {
      const m = CIRCULATE.exec(head[i]!.text);
      if (m) {
        planTitle = m[1]!;
        titleLine = head[i];
        bodyLine = i + 1;
        circulated = circulatedTitles(head[i]!.text.slice(0, m.index + m[0].length));
        break;
      }
    }
  }
  for (let i = 0; i < head.length; i++) {
    const raw = head[i]!;
    if (H1.test(raw.text) || H2.test(raw.text)) break; // the headings have begun: no title below
    const l = titleAt(head, i);
    if (l.text.length <= 80 && !/[。:,;]/.test(l.text) && PLAN_SUFFIX.test(l.text) && !ITEM.test(l.text)) {
      // The notice that circulates the plan (福州市人民政府关于印发…的通知) was read above; the plan's own
      // title printed again below it is where the plan's text starts.
      if (titleLine !== undefined && l.start <= titleLine.start) continue;
      if (!documentTitle) documentTitle = l.text;
      if (!planTitle) { planTitle = l.text; titleLine = l; }
      bodyLine = Math.max(bodyLine, i + 1);
      break;
    }
  }
  if (!documentTitle) documentTitle = circulated ?? headlessTitle(lines.slice(0, 40));

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
    if (!addressees && isAddresseeLine(l.text)) {
      addressees = { start: l.start, end: l.end - 1 };
    }
  }
  if (!issuer && titleLine) {
    const m = ISSUE_NOTICE.exec(titleLine.text);
    if (m) issuer = { name: m[1]!, start: titleLine.start, end: titleLine.start + m[1]!.length };
  }
  if (!issued) issued = publicationDate(head);
  const inferredIssued = issued ? undefined : inferDatelineDate(text, head);

  // --- numbered blocks (numbered-blocks.ts) ---
  const { headings, tasks } = findNumberedBlocks(text, lines, bodyLine);
  return { lines, documentTitle, titleLine, planTitle, bodyStart: lines[bodyLine]?.start ?? text.length, issuer, issued, ...(inferredIssued ? { inferredIssued } : {}), addressees, headings, tasks };
}
