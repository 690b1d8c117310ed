/*
 * Responsibility lists: who does a task, as plans print it. The forms (docs/extraction.md lists them):
 *   labelled brackets      (责任单位:X、Y) 〔牵头单位:X;配合单位:Y〕 (负责部门:X、Y;适用范围:…)
 *   unlabelled brackets    (X、Y负责) (X牵头,Y、Z按职责分工负责) (X、Y等按职责分工负责)
 *   bare brackets          (X、Y、Z) — closing a numbered item's last sentence (1.…。(厦门海关)); elsewhere only
 *                          after the first-position convention or a 不再列出 remark, or, for 〔〕, in a document
 *                          that prints a list with a label or verb in 〔〕
 *   label lines            牵头单位:X / 责任单位:Y、Z on their own lines (flattened task tables), or after a
 *                          sentence of the line, or as 【牵头单位】X、Y
 *   tables                 a header row of label cells over rows of the same shape (list-tables.ts)
 * and the conventions that give roles to each later list without explicit ones: 列第一位者为牵头单位 (the
 * first unit leads, the others support) and 逗号前为牵头单位 (the units before the first comma lead). Brackets that only state a rule, explain, abbreviate,
 * date or give examples are not lists: every piece of an unlabelled list must read as a unit.
 * Spans index the normalised text.
 */
import { BRACKETED_LABEL, closingVerb, COMMA_CONVENTION, CONVENTION, isRuleClause, LABEL, LINE_LABEL, NOT_LISTED_AGAIN, REMARK, roleOfLabel, TIME_FIELD, type VerbRole } from './list-labels.ts';
import { readTables } from './list-tables.ts';
import { endsLikeUnit, looksLikeBareUnit, looksLikeUnit, namesNoUnit, splitListUnits, topLevel, type UnitMention } from './list-units.ts';

export type Role = 'lead' | 'support' | 'responsible';
export { splitUnits, type UnitMention } from './list-units.ts';

export interface ListedUnit extends UnitMention { role: Role; rank: number }
export interface ResponsibilityList {
  start: number;
  end: number;
  units: ListedUnit[];
  /** some role was printed (a 牵头/配合 label or verb); the first-position convention leaves such lists alone */
  explicit: boolean;
}

const OPENERS = /[(〔【[]/g;
const CLOSERS: Record<string, string> = { '(': ')', '〔': '〕', '【': '】', '[': ']' };
const MAX_LIST = 600;
const CLAUSE_SEPARATORS = new Set([',', ';', '，', '；']);
const ANY_VERB = /负责|牵头|主办|配合|参与|协助|协同|协办|落实/;
// A label in brackets right after a word of its kind glosses that word in prose (各责任事项牵头单位(责任单位)对照…:
// "the lead unit, or the responsible one"); it does not open a list as 【牵头单位】X、Y does.
const GLOSSED_WORD = /(?:单位|部门|主体|机构|处室|科室)$/;

/** Finds every responsibility list whose start lies in [from, to). */
export function findResponsibilityLists(text: string, from = 0, to = text.length): ResponsibilityList[] {
  const convention = CONVENTION.exec(text);
  const comma = COMMA_CONVENTION.exec(text);
  // Whichever convention the document states first holds from there; the other from where it is stated.
  const firstAt = convention ? convention.index : Infinity;
  const commaAt = comma ? comma.index : Infinity;
  const conventionAt = Math.min(firstAt, commaAt);
  // Bare brackets are lists once the document says its items carry lists: a convention, or a remark that
  // the later lists leave a body out (…落实,不再列出). Only a convention gives them roles other than responsible.
  const notListed = NOT_LISTED_AGAIN.exec(text);
  const bareAt = Math.min(conventionAt, notListed ? notListed.index : Infinity);
  // A document that prints a list in 〔〕 at an item's end (〔规划司牵头〕) uses 〔〕 as its items' list place, as
  // a ministry's work points do: its bare 〔〕 brackets of units are lists too (〔新能源司、电力司〕), before that
  // list and after it. 〔〕 is not a bracket of explanations; round ones elsewhere need the evidence above.
  const hexListed = listsInHexBrackets(text);
  const lists: ResponsibilityList[] = [];
  OPENERS.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = OPENERS.exec(text)) !== null && m.index < to) {
    const close = matchingClose(text, m.index);
    if (close < 0) continue;
    const label = close - m.index <= 12 && !GLOSSED_WORD.test(text.slice(Math.max(0, m.index - 2), m.index))
      ? BRACKETED_LABEL.exec(text.slice(m.index + 1, close).trim()) : null;
    const bare = close > bareAt || (hexListed && text[m.index] === '〔') || closesItemLine(text, m.index, close);
    const list = label ? readAfterLabel(text, m.index, close, label[0]) : readBracket(text, m.index, close, bare);
    if (list) {
      lists.push(list);
      OPENERS.lastIndex = Math.max(close + 1, list.end);
    }
  }
  // Loops, not push(...more): a long document has more lists than a call's arguments may hold.
  for (const l of readLabelLines(text, from, to)) lists.push(l);
  if (from === 0 && to === text.length) for (const l of readTables(text, (a, b, role) => readCell(text, a, b, role))) lists.push(l);
  lists.sort((a, b) => a.start - b.start);
  for (let i = lists.length - 1; i >= 0; i--) if (isSiteCredit(text, lists[i]!)) lists.splice(i, 1);
  for (const l of lists) {
    if (l.explicit || l.end <= conventionAt) continue;
    // The convention stated last before the list's end is the one it follows.
    if (l.end > commaAt && (commaAt > firstAt || l.end <= firstAt)) {
      const comma = firstComma(text, l);
      for (const u of l.units) u.role = u.start < comma ? 'lead' : 'support';
    } else l.units.forEach((u, i) => { u.role = i === 0 ? 'lead' : 'support'; });
  }
  return lists;
}

// A web page's own lines: its footer names who runs the site (主办单位:X 承办单位:Y) beside its registration
// numbers and links, and a page copied as text keeps them after the document's last item.
const SITE_CHROME = /网站标识码|ICP备|公网安备|版权所有|Copyright|©|技术支持[:：]|网站地图|联系我们|网站声明|建议使用.{0,12}浏览器|分辨率/i;
const SITE_LABEL = /^[(\[【〔]?(?:主办|承办|协办|运维|维护)(?:单位)?[:：]/;

/** Whether a list is a web page's credit line (主办单位:X) among the page's footer lines (two lines either side). */
function isSiteCredit(text: string, list: ResponsibilityList): boolean {
  if (!SITE_LABEL.test(text.slice(list.start, list.end))) return false;
  let a = list.start;
  for (let n = 0; n < 3 && a > 0; n++) a = Math.max(0, text.lastIndexOf('\n', a - 1));
  let b = list.end;
  for (let n = 0; n < 3 && b < text.length; n++) {
    const next = text.indexOf('\n', b + 1);
    b = next < 0 ? text.length : next;
  }
  return SITE_CHROME.test(text.slice(a, b));
}

/** Whether some 〔〕 bracket of the text standing at a sentence or line end reads as a list with a label or a verb. */
function listsInHexBrackets(text: string): boolean {
  for (let open = text.indexOf('〔'); open >= 0; open = text.indexOf('〔', open + 1)) {
    const close = matchingClose(text, open);
    if (close > 0 && standsAlone(text, open, close) && readBracket(text, open, close, false)) return true;
  }
  return false;
}

// A numbered item's marker at a line start: 1. 1、 (一)
const ITEM_LINE = /^\s*(?:\d{1,3}(?:[.、](?!\d))|\([一二三四五六七八九十]{1,3}\))/;

/**
 * Whether the bracket closes a numbered item's line right after its last sentence (1.…。(廈門海關)): there a plan
 * that prints no label puts the item's list column, so the bracket names who does the item. A bracket inside a
 * sentence, or on a line that is no item, still needs the document's evidence (a convention, a remark, 〔〕).
 */
function closesItemLine(text: string, open: number, close: number): boolean {
  if (text[open - 1] !== '。') return false;
  const after = text[close + 1];
  if (!(after === undefined || after === '\n' || after === '\r')) return false;
  const lineStart = text.lastIndexOf('\n', open) + 1;
  return ITEM_LINE.test(text.slice(lineStart, lineStart + 8));
}

/** Where the first comma between a list's units stands (outside brackets); past its end if none. */
function firstComma(text: string, l: ResponsibilityList): number {
  const first = l.units[0];
  const last = l.units[l.units.length - 1];
  if (!first || !last) return l.end;
  let depth = 0;
  for (let i = first.start; i < last.start; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === '，')) return i;
  }
  return l.end;
}

/** The bracket that closes the one at `open`, counting nested round brackets; -1 past a line end or MAX_LIST. */
function matchingClose(text: string, open: number): number {
  const opener = text[open]!;
  const closer = CLOSERS[opener]!;
  const limit = Math.min(text.length, open + MAX_LIST);
  let depth = 0;
  for (let i = open + 1; i < limit; i++) {
    const c = text[i]!;
    if (c === '\n') return -1;
    if (c === closer && depth === 0) return i;
    if (c === '(' || (c === opener && opener !== '(')) depth++;
    else if ((c === ')' || c === closer) && depth > 0) depth--;
  }
  return -1;
}

function readBracket(text: string, open: number, close: number, barePermitted: boolean): ResponsibilityList | null {
  const inner = open + 1;
  if (hasColon(text, inner, close)) {
    const units = readLabelled(text, inner, close);
    if (units) return { start: open, end: close + 1, ...units };
  }
  const bareAllowed = barePermitted && standsAlone(text, open, close);
  const units = readUnlabelled(text, inner, close, bareAllowed);
  return units ? { start: open, end: close + 1, ...units } : null;
}

/** One table cell under a label column, read as a labelled run. */
function readCell(text: string, start: number, end: number, role: Role): ListedUnit[] {
  return rolesOf(readClauses(text, start, end, true), role);
}

/** The units of a run's clauses with their roles (see clauseRoles) and ranks. */
function rolesOf(clauses: Clause[], labelRole: Role): ListedUnit[] {
  const roles = clauseRoles(clauses, labelRole);
  // Units marked (牵头) lead; beside them the others of a list without printed roles support.
  const anyMarked = clauses.some((c) => c.marked.size > 0);
  const units: ListedUnit[] = [];
  let rank = 0;
  clauses.forEach((c, i) => {
    for (const u of c.units) {
      const role: Role = c.marked.has(u) ? 'lead' : anyMarked && roles[i] === 'responsible' ? 'support' : roles[i]!;
      units.push({ name: u.name, start: u.start, end: u.end, role, rank: ++rank }); // fields, not a spread: a hot path
    }
  });
  return units;
}

/** 【牵头单位】X、Y: the units after a label in brackets of its own, up to the next bracket or the line end. */
function readAfterLabel(text: string, open: number, close: number, label: string): ResponsibilityList | null {
  const role = roleOfLabel(label);
  if (role === null) return null;
  let end = close + 1;
  let depth = 0;
  for (; end < text.length && text[end] !== '\n'; end++) {
    const c = text[end]!;
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === '【' || c === '[' || c === '〔' || c === '(')) break;
  }
  const units = readCell(text, close + 1, end, role);
  if (units.length === 0) return null;
  return { start: open, end: units[units.length - 1]!.end, units, explicit: units.some((u) => u.role !== 'responsible') };
}

/** A ':' in [a, b) (indexOf would run on to the next colon of the document). */
function hasColon(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 58) return true;
  return false;
}

/** A bracket at the end of a sentence or line (not an alias glued to a name: 市工信局(市大数据局)负责…). */
function standsAlone(text: string, open: number, close: number): boolean {
  let b = open;
  while (b > 0 && text[b - 1] === ' ') b--;
  const before = text[b - 1];
  if (before === undefined || before === '\n' || before === '。' || before === ';' || before === '!' || before === '?') return true;
  const after = text[close + 1];
  if (!(after === undefined || after === '\n' || after === '。' || after === ';' || after === '\r')) return false;
  // 报送市政府办公室(市督查室)。: a bracket glued to a unit's name is its other name, not a list.
  return !endsLikeUnit(text.slice(Math.max(0, b - 12), b));
}

interface ReadUnits { units: ListedUnit[]; explicit: boolean }

/** Labels at depth 0 in [a, b), each at the start or after a separator. */
function labelsIn(text: string, a: number, b: number): { role: Role | null; start: number; after: number }[] {
  const out: { role: Role | null; start: number; after: number }[] = [];
  // On the slice: a search over the whole text would run on to the next label of the document.
  const slice = text.slice(a, b);
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL.exec(slice)) !== null) {
    const at = a + m.index;
    if (m.index === 0 || /[\s,;，；、。(〔【[]/.test(text[at - 1]!)) out.push({ role: roleOfLabel(m[0]), start: at, after: at + m[0].length });
  }
  return out;
}

function readLabelled(text: string, a: number, b: number): ReadUnits | null {
  const labels = labelsIn(text, a, b);
  if (labels.length === 0) return null;
  const units: ListedUnit[] = [];
  let explicit = false;
  labels.forEach((l, k) => {
    if (l.role === null) return;
    const own = readCell(text, l.after, labels[k + 1]?.start ?? b, l.role);
    units.push(...own);
    if (l.role !== 'responsible' || own.some((u) => u.role !== 'responsible')) explicit = true;
  });
  return units.length > 0 ? { units, explicit } : null;
}

function readUnlabelled(text: string, a: number, b: number, bareAllowed: boolean): ReadUnits | null {
  // Cheap rejection first: most brackets are not lists.
  if (!bareAllowed && !ANY_VERB.test(text.slice(a, b))) return null;
  const clauses = readClauses(text, a, b, false);
  if (clauses.length === 0) return null;
  if (clauses[clauses.length - 1]!.verb === null && !bareAllowed) return null;
  // With no verb anywhere only the units' own words say it is a list: each must end in a body's word (looksLikeBareUnit).
  const fits = clauses.every((c) => c.verb === null) ? looksLikeBareUnit : looksLikeUnit;
  if (!clauses.every((c) => c.units.length > 0 && c.units.every((u) => fits(u.name)))) return null;
  const units = rolesOf(clauses, 'responsible');
  return { units, explicit: units.some((u) => u.role !== 'responsible') };
}

/**
 * The role of each clause. 牵头 → lead, 配合/参与 → support; 负责 (and 按职责分工负责) is support beside a
 * 牵头 clause, lead beside a 配合 clause, else the label's role. A clause without a verb shares the verb
 * of the next clause that has one (X,Y负责), except a support verb when no clause leads (X,Y参与: X is the
 * label's role); after a 牵头 clause it is support (X牵头,Y、Z).
 */
function clauseRoles(clauses: Clause[], labelRole: Role): Role[] {
  const hasLead = clauses.some((c) => c.verb === 'lead');
  const hasSupport = clauses.some((c) => c.verb === 'support');
  const ofVerb = (v: VerbRole): Role => (v !== 'duty' ? v : hasLead ? 'support' : hasSupport ? 'lead' : labelRole);
  return clauses.map((c, i) => {
    if (c.verb !== null) return ofVerb(c.verb);
    const next = clauses.slice(i + 1).find((d) => d.verb !== null);
    // (规划司、核电司,核电中心,局内各单位参与): before a support clause, with no lead printed, the units without a
    // verb are the ones the others support — a list is not all support.
    if (next) return next.verb === 'support' && !hasLead ? labelRole : ofVerb(next.verb!);
    return clauses.slice(0, i).some((d) => d.verb === 'lead') ? 'support' : labelRole;
  });
}

interface Clause {
  units: UnitMention[];
  verb: VerbRole | null;
  /** units printed with a lead mark: 市发改委(牵头) */
  marked: Set<UnitMention>;
}

// A post held by a person (分管副省长, 协管副秘书长, 常务副市长): not a body.
const POST = /^[\u4e00-\u9fff]{0,6}(?:省长|市长|区长|县长|州长|旗长|秘书长|书记|主席)$/;

// 市发改委(牵头), 市财政局(牵头单位): a lead marked on the unit itself.
const LEAD_MARK = /\((?:牵头|主责|主办)(?:单位|部门)?\)$/;

/**
 * Clauses of a list run, split at depth-0 , ; — each a run of units, maybe closed by a verb. Rule clauses
 * (下同, 列第一位者为牵头单位) are skipped; a sentence end (。), another field (适用范围:…) or a date
 * (年内持续推进) ends the run.
 */
function readClauses(text: string, a: number, b: number, labelled: boolean): Clause[] {
  const clauses: Clause[] = [];
  let depth = 0;
  let s = a;
  for (let i = a; i <= b; i++) {
    const c = i < b ? text[i]! : ',';
    if (c === '(') { depth++; continue; }
    if (c === ')' && depth > 0) { depth--; continue; }
    if (depth > 0 || !(CLAUSE_SEPARATORS.has(c) || c === '。' || (c === '、' && closesClause(text, s, i)))) continue;
    let ca = s;
    let cb = i;
    s = i + 1;
    while (ca < cb && /\s/.test(text[ca]!)) ca++;
    while (cb > ca && /[\s。.]/.test(text[cb - 1]!)) cb--;
    if (cb > ca) {
      const clause = text.slice(ca, cb);
      if (isRuleClause(clause)) { if (c === '。') break; continue; }
      // A remark after the units ends the run, in a bracket without a label too (市人社局,此项及以下任务均需…).
      if (REMARK.test(clause) && (labelled || clauses.length > 0)) break;
      const verb = closingVerb(clause);
      if (clause.includes(':') || (TIME_FIELD.test(clause) && !verb)) break;
      if (verb) cb -= verb.verb.length;
      if (text[ca] === '由') ca++;
      // X会同Y负责: X leads, working with Y — two clauses, the first closed by a lead (in a 配合 clause both
      // support).
      const jointly = jointlyAt(text, ca, cb);
      if (jointly > 0) clauses.push({ ...unitsOf(text, ca, jointly), verb: verb?.role === 'support' ? 'support' : 'lead' });
      // X配合Y落实 (省人事厅配合省委有关部门落实): X supports; Y, closed by the clause's verb, leads beside it.
      const assisting = jointly > 0 ? -1 : assistingAt(text, ca, cb);
      if (assisting > 0) clauses.push({ ...unitsOf(text, ca, assisting), verb: 'support' });
      const of = unitsOf(text, jointly > 0 ? jointly + 2 : assisting > 0 ? assisting + 2 : ca, cb);
      const marked = of.marked;
      // Under a label, a placeholder cell (同上, 待定) or a clause (各县区要高度重视) is left out; without one, the
      // unit guard of the caller refuses the whole bracket instead.
      const units = labelled ? of.units.filter((u) => !namesNoUnit(u.name)) : of.units;
      // (分管副省长、协管副秘书长负责,省发展改革委牵头,…): a clause of posts names people, as a 领导 label does.
      if (units.length > 0 && units.every((u) => POST.test(u.name))) continue;
      if (!labelled && verb && units.length === 0) return [];
      clauses.push({ units, verb: verb?.role ?? null, marked });
    }
    if (c === '。') break;
  }
  return clauses;
}

/**
 * Whether [a, b) before a 、 is a clause closed by its verb after a body's name: 省政务服务和数字化建设管理局牵头、
 * 中省直有关部门配合 joins two clauses with 、 where lists of the genre mostly use a comma. A 、 after a unit
 * with no verb (市发改委、市财政局负责) still parts two units of one clause.
 */
function closesClause(text: string, a: number, b: number): boolean {
  const clause = text.slice(a, b).trim();
  const verb = closingVerb(clause);
  return verb !== null && endsLikeUnit(clause.slice(0, clause.length - verb.verb.length));
}

/** The units of [a, b) of a clause, a lead marked on a unit (市发改委(牵头)) taken off its name. */
function unitsOf(text: string, a: number, b: number): { units: UnitMention[]; marked: Set<UnitMention> } {
  const marked = new Set<UnitMention>();
  const units = (b > a ? splitListUnits(text, a, b) : []).map((u) => {
    const mark = u.name.endsWith(')') ? LEAD_MARK.exec(u.name) : null;
    if (!mark) return u;
    const unit = { name: u.name.slice(0, mark.index), start: u.start, end: u.start + mark.index };
    marked.add(unit);
    return unit;
  });
  return { units, marked };
}

// 会同 ends a body's name and starts the bodies it works with (商务部会同有关部门负责). Not where 会 closes a
// name of its own (市旅游协会同…, 管委会同…) or where 会同 is a county's name (会同县).
const JOINTLY_AFTER_NAME = /(?:协|学|商|委员|工|联合|基金|理事|管委|总|分|议|大|社)$/;

/** The first position of [a, end) outside brackets where `at` holds, or -1. */
function firstTopLevel(text: string, a: number, end: number, at: (i: number) => boolean): number {
  for (const i of topLevel(text, a, end)) if (at(i)) return i;
  return -1;
}

/** Where a depth-0 会同 joins two runs of units in [a, b), or -1. */
function jointlyAt(text: string, a: number, b: number): number {
  return firstTopLevel(text, a, b - 2, (i) => text[i] === '会' && text[i + 1] === '同' && i > a && !/[、,;]/.test(text[i - 1]!)
    && text[i + 2] !== '县' && !JOINTLY_AFTER_NAME.test(text.slice(a, i)));
}

/**
 * Where 配合 or 协助 joins two bodies in one clause (省人事厅配合省委有关部门): right after a body's last
 * character or word, at bracket depth 0, with more of a name after it; -1 if it does not.
 */
function assistingAt(text: string, a: number, b: number): number {
  return firstTopLevel(text, a, b - 3, (i) => (text.startsWith('配合', i) || text.startsWith('协助', i)) && ASSISTING_AFTER.test(text.slice(a, i))
    && /^[\u4e00-\u9fff]{2}/.test(text.slice(i + 2, b)));
}
const ASSISTING_AFTER = /(?:[局委厅办府部院署室组]|部门|单位|中心)$/;

/**
 * A label that opens a field after a sentence of the same line, outside brackets (…推进试点。责任单位:X、Y),
 * as pages that lost their table layout print it; `end` if there is none.
 */
function labelAfterSentence(text: string, start: number, end: number): number {
  if (!hasColon(text, start, end)) return end;
  for (const l of labelsIn(text, start, end)) {
    const before = text[l.start - 1]!;
    if (!/[。;\s]/.test(before)) continue;
    let depth = 0;
    for (let i = start; i < l.start; i++) {
      const c = text[i]!;
      if (c === '(' || c === '〔' || c === '【' || c === '[') depth++;
      else if ((c === ')' || c === '〕' || c === '】' || c === ']') && depth > 0) depth--;
    }
    if (depth === 0) return l.start;
  }
  return end;
}

// The next block printed on the same line after a space (`…县农业农村局 2.落实…`, `…县财政局 二、…`), as a
// page that lost its line breaks runs a list line into the next item or heading.
const NEXT_BLOCK = /^\s+(?:\d{1,3}[.、](?!\d)|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)])/;

/** The first 。 (or a space before the next block) at or after `from` outside brackets, else `end`: where a field after a sentence ends. */
function sentenceEnd(text: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text[i]!;
    if (c === '(' || c === '〔' || c === '【' || c === '[') depth++;
    else if ((c === ')' || c === '〕' || c === '】' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === '。' || (/\s/.test(c) && NEXT_BLOCK.test(text.slice(i, Math.min(end, i + 8)))))) return i;
  }
  return end;
}

/**
 * Lines that start with a label (牵头单位:X, then 责任单位:Y、Z): a task-breakdown table flattened to text;
 * also a label after a sentence of the line (labelAfterSentence).
 * Consecutive label lines form one list, so a 牵头 line makes the whole list explicit.
 */
function readLabelLines(text: string, from: number, to: number): ResponsibilityList[] {
  const lists: ResponsibilityList[] = [];
  let current: ResponsibilityList | null = null;
  let pos = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  while (pos < to && pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    while (s < nl && /\s/.test(text[s]!)) s++;
    const blank = s === nl;
    const atStart = !blank && LINE_LABEL.test(text.slice(s, s + 16));
    if (!blank && !atStart) {
      // Labels after sentences of a line: a page that lost its line breaks runs items and their fields
      // together (…。责任单位:X、Y。2.对…。责任单位:Z。), each field ending at its sentence's end.
      current = null;
      for (let at = labelAfterSentence(text, s, nl); at < nl;) {
        const stop = sentenceEnd(text, at, nl);
        const run = readLabelled(text, at, stop);
        if (run) lists.push({ start: at, end: stop, ...run });
        at = stop < nl ? labelAfterSentence(text, stop + 1, nl) : nl;
      }
      pos = nl + 1;
      continue;
    }
    const labelled = s < nl ? readLabelled(text, s, nl) : null;
    if (labelled) {
      if (current) {
        current.units.push(...labelled.units);
        current.end = nl;
        current.explicit ||= labelled.explicit;
      } else {
        current = { start: s, end: nl, ...labelled };
        lists.push(current);
      }
    } else if (!blank) current = null;
    pos = nl + 1;
  }
  return lists;
}
