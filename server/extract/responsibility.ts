/*
 * Responsibility lists: the bracketed "who does it" lists at the end of plan items, e.g.
 * (责任单位:市大数据委、市直各有关单位), 〔牵头单位:…;配合单位:…〕, (牵头单位:…,参与单位:…).
 * Names may contain brackets themselves (各县(市)区政府), so lists are delimited by bracket depth,
 * not by the first closing bracket. Spans index the normalised text.
 */

export type Role = 'lead' | 'support' | 'responsible';

export interface UnitMention { name: string; start: number; end: number }
export interface ListedUnit extends UnitMention { role: Role; rank: number }
export interface ResponsibilityList { start: number; end: number; units: ListedUnit[] }

const LABEL = '(?:责任|牵头|配合|参与|协办|协助|协同|主办|主责|承办|实施|参加)(?:单位|部门)';
const OPENER = new RegExp(`[(〔【\\[]\\s*${LABEL}\\s*:`, 'g');
const LABEL_INSIDE = new RegExp(`${LABEL}\\s*:`, 'g');
const CLOSERS: Record<string, string> = { '(': ')', '〔': '〕', '【': '】', '[': ']' };
const SEPARATORS = new Set(['、', ',', ';', '，', '；']);
const MAX_LIST = 600;

function roleOf(label: string): Role {
  if (/^(牵头|主办|主责)/.test(label)) return 'lead';
  if (/^(配合|参与|协办|协助|协同|承办|参加)/.test(label)) return 'support';
  return 'responsible';
}

/** Splits [start, end) of text into unit names at depth-0 separators. */
export function splitUnits(text: string, start: number, end: number): UnitMention[] {
  const pieces: UnitMention[] = [];
  let depth = 0;
  let s = start;
  const push = (a: number, b: number): void => {
    while (a < b && /[\s:]/.test(text[a]!)) a++;
    while (b > a && /[\s。.]/.test(text[b - 1]!)) b--;
    if (b > a && text[b - 1] === '等') b--;
    if (b > a) pieces.push({ name: text.slice(a, b), start: a, end: b });
  };
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0 && SEPARATORS.has(c)) { push(s, i); s = i + 1; }
  }
  push(s, end);
  // 市直各委、办、局(公司): one-character pieces belong to the name before them.
  const merged: UnitMention[] = [];
  for (const p of pieces) {
    const core = p.name.replace(/[(（][^)）]*[)）]/g, '');
    const prev = merged[merged.length - 1];
    if (prev && core.length <= 1 && text[p.start - 1] === '、') {
      prev.end = p.end;
      prev.name = text.slice(prev.start, prev.end);
    } else merged.push({ ...p });
  }
  return merged;
}

/** Finds every responsibility list in `text` between `from` and `to`. */
export function findResponsibilityLists(text: string, from = 0, to = text.length): ResponsibilityList[] {
  const lists: ResponsibilityList[] = [];
  OPENER.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = OPENER.exec(text)) !== null && m.index < to) {
    const open = text[m.index]!;
    const close = CLOSERS[open]!;
    let depth = 0;
    let end = -1;
    const limit = Math.min(text.length, m.index + MAX_LIST);
    for (let i = m.index + 1; i < limit; i++) {
      const c = text[i]!;
      if (c === '\n') break;
      if (c === close && depth === 0) { end = i; break; }
      if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
    }
    if (end < 0) continue; // unterminated: not a list we can trust
    const inner = m.index + 1;
    LABEL_INSIDE.lastIndex = inner;
    const labels: { label: string; start: number; after: number }[] = [];
    let lm: RegExpExecArray | null;
    while ((lm = LABEL_INSIDE.exec(text)) !== null && lm.index < end) {
      labels.push({ label: lm[0], start: lm.index, after: lm.index + lm[0].length });
    }
    const units: ListedUnit[] = [];
    labels.forEach((l, idx) => {
      const segEnd = labels[idx + 1]?.start ?? end;
      const role = roleOf(l.label);
      splitUnits(text, l.after, segEnd).forEach((u, k) => units.push({ ...u, role, rank: k + 1 }));
    });
    lists.push({ start: m.index, end: end + 1, units });
    OPENER.lastIndex = end + 1;
  }
  return lists;
}
