/*
 * Plans over time: which task of one year's plan is carried into the next year's plan, which is dropped and
 * which is new, and how each agency's responsibilities moved with them. Pure functions (no I/O), so the
 * method is unit-tested on hand-made task lists and the API only feeds it the tasks it read from Neo4j.
 *
 * The method (docs/api.md, "Plans over time", says why):
 *   - each task becomes a bag of character bigrams of its title and text (runs of Han characters, as
 *     Lucene's CJKAnalyzer does for Chinese without a word segmenter; a lone character stays a unigram;
 *     Latin words such as 5G or IPv6 stay whole; bare numbers, the item marker and the printed
 *     responsibility list are left out, because targets and agencies change every year while the topic stays);
 *   - bigrams are weighted by TF-IDF over the tasks of the two plans being compared (sublinear tf, smoothed
 *     idf, as scikit-learn's TfidfVectorizer(sublinear_tf=True)), so the genre's stock words (推进, 建设, 数字)
 *     count for little and a task's own subject (区块链, 12345, 城市大脑) for much;
 *   - the score of a pair is the cosine of their vectors (0…1);
 *   - counterparts are chosen one-to-one, greedily by score: the most similar remaining pair first, ties by
 *     printed order. This is the stable matching of the two lists (no two tasks both prefer each other to
 *     the counterparts they got), and it is monotone in the threshold: raising the threshold only removes the
 *     weakest matches and never re-pairs other tasks, so moving the slider never makes a match jump.
 */
import { LABEL } from '../extract/list-labels.ts';

export interface MatchTask {
  id: string;
  title: string;
  text: string;
}

export interface TaskMatch {
  from: string;
  to: string;
  /** Cosine similarity, rounded to 4 decimals. */
  score: number;
}

export interface Nearest {
  id: string;
  score: number;
}

export interface MatchResult {
  threshold: number;
  /** One-to-one counterparts with score ≥ threshold, in the printed order of the earlier plan. */
  matches: TaskMatch[];
  /** Tasks of the earlier plan without a counterpart, in printed order. */
  dropped: string[];
  /** Tasks of the later plan without a counterpart, in printed order. */
  added: string[];
  /** For every task (both plans), the most similar task of the other plan whatever the threshold; null when nothing is shared. */
  nearest: Record<string, Nearest | null>;
}

// A bracket whose content opens with a responsibility label: (责任单位:…) 〔牵头单位:…;配合单位:…〕.
const LABEL_START = new RegExp(`^\\s*(?:${LABEL.source})`);
const BRACKETS = /[(（〔【\[]([^()（）〔〕【】[\]]*)[)）〕】\]]/g;
// The item's own marker as printed: 1、 12. (三) 二、 ⑴ …
const MARKER = /^\s*(?:[(（]\s*[0-9一二三四五六七八九十百]+\s*[)）]|[0-9一二三四五六七八九十百]+\s*[、.．]|[⑴-⒇①-⑳])\s*/u;
const HAN_RUN = /\p{Script=Han}+|[A-Za-z0-9]+(?:[.+-][A-Za-z0-9]+)*/gu;

/** The words that carry a task's subject: title and text without marker and printed responsibility lists. */
export function taskContent(task: Pick<MatchTask, 'title' | 'text'>): string {
  const body = task.text.replace(MARKER, '').replace(BRACKETS, (whole, inner: string) => (LABEL_START.test(inner) ? ' ' : whole));
  const title = task.title.trim();
  return body.trimStart().startsWith(title) ? body : `${title}。${body}`;
}

/** Character bigrams of each Han run (a lone character as itself) and whole Latin words with a letter. */
export function contentTokens(content: string): string[] {
  const out: string[] = [];
  for (const [run] of content.matchAll(HAN_RUN)) {
    if (/^[A-Za-z0-9]/.test(run)) {
      if (/[A-Za-z]/.test(run)) out.push(run.toLowerCase());
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** A TF-IDF vector: term ids in increasing order and their weights, L2-normalised. */
export interface SparseVector { terms: Int32Array; weights: Float64Array }

/**
 * L2-normalised TF-IDF vectors (sublinear tf, smoothed idf) of token bags, the bags being the corpus. Term ids
 * follow the tokens' sorted order, so the same bags give the same ids whatever order they come in.
 */
export function tfidfVectors(bags: readonly string[][]): SparseVector[] {
  const counts = bags.map((bag) => {
    const c = new Map<string, number>();
    for (const t of bag) c.set(t, (c.get(t) ?? 0) + 1);
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const ids = new Map([...df.keys()].sort().map((t, i) => [t, i]));
  const n = bags.length;
  return counts.map((c) => {
    const entries = [...c.entries()].map(([t, tf]) => [ids.get(t)!, (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + df.get(t)!)) + 1)] as const)
      .sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, w] of entries) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    return { terms: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1] / norm) };
  });
}

/** Cosine of two L2-normalised vectors: their dot product, summed in term order. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length;) {
    const d = a.terms[i]! - b.terms[j]!;
    if (d === 0) dot += a.weights[i++]! * b.weights[j++]!;
    else if (d < 0) i++;
    else j++;
  }
  return Math.min(1, dot);
}

/**
 * Score of every pair: rows are the earlier plan's tasks, columns the later plan's, TF-IDF over both lists.
 * Through an inverted index of the later plan's terms, so only pairs that share a term cost anything (two plans
 * of 700 tasks each are 490,000 pairs); each sum still runs in term order, so it equals cosine() to the bit.
 */
export function similarityMatrix(from: readonly MatchTask[], to: readonly MatchTask[]): Float64Array[] {
  const vectors = tfidfVectors([...from, ...to].map((t) => contentTokens(taskContent(t))));
  const postings = new Map<number, { j: number; w: number }[]>();
  vectors.slice(from.length).forEach((v, j) => {
    v.terms.forEach((term, k) => {
      const list = postings.get(term) ?? [];
      list.push({ j, w: v.weights[k]! });
      postings.set(term, list);
    });
  });
  return vectors.slice(0, from.length).map((v) => {
    const row = new Float64Array(to.length);
    v.terms.forEach((term, k) => {
      const w = v.weights[k]!;
      for (const p of postings.get(term) ?? []) row[p.j]! += w * p.w;
    });
    for (let j = 0; j < row.length; j++) row[j] = Math.min(1, row[j]!);
    return row;
  });
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * A year pair's matching before any threshold: the one-to-one counterparts chosen greedily among every pair
 * that shares a word (score > 0), with their scores, and each task's nearest. Since the greedy choice is
 * monotone in the threshold, the matching at any threshold is this one with the weaker matches cut off
 * (atThreshold), so it is computed once per year pair and the slider only filters (docs/api.md, "Cost").
 */
export interface PairMatching {
  /** The task ids of the earlier and the later plan, in printed order. */
  from: string[];
  to: string[];
  /** Counterparts with score > 0, in the printed order of the earlier plan. */
  matches: TaskMatch[];
  nearest: Record<string, Nearest | null>;
}

function checkThreshold(threshold: number): void {
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be between 0 and 1, got ${threshold}`);
}

/** Greedy one-to-one counterparts among the pairs whose rounded score reaches `threshold` (and is above 0). */
function greedyMatching(from: readonly MatchTask[], to: readonly MatchTask[], threshold: number): PairMatching {
  checkThreshold(threshold);
  const scores = similarityMatrix(from, to);
  const pairs: { i: number; j: number; s: number }[] = [];
  scores.forEach((row, i) => row.forEach((s, j) => { if (s > 0 && round4(s) >= threshold) pairs.push({ i, j, s }); }));
  pairs.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  const fromTaken = new Map<number, TaskMatch>();
  const toTaken = new Set<number>();
  for (const p of pairs) {
    if (fromTaken.has(p.i) || toTaken.has(p.j)) continue;
    fromTaken.set(p.i, { from: from[p.i]!.id, to: to[p.j]!.id, score: round4(p.s) });
    toTaken.add(p.j);
  }
  const nearest: Record<string, Nearest | null> = {};
  const best = (values: ArrayLike<number>, others: readonly MatchTask[]): Nearest | null => {
    let k = -1;
    for (let idx = 0; idx < values.length; idx++) if (values[idx]! > 0 && (k < 0 || values[idx]! > values[k]!)) k = idx;
    return k < 0 ? null : { id: others[k]!.id, score: round4(values[k]!) };
  };
  from.forEach((t, i) => { nearest[t.id] = best(scores[i]!, to); });
  to.forEach((t, j) => { nearest[t.id] = best(scores.map((row) => row[j]!), from); });
  return {
    from: from.map((t) => t.id),
    to: to.map((t) => t.id),
    matches: [...fromTaken.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m),
    nearest,
  };
}

/** The threshold-free matching of two task lists: every counterpart the greedy choice makes at the floor, 0. */
export function matchAllPairs(from: readonly MatchTask[], to: readonly MatchTask[]): PairMatching {
  return greedyMatching(from, to, 0);
}

/** A matching's answer at `threshold` given the counterparts kept: the tasks left over are dropped or new. */
function resultWith(matching: PairMatching, matches: TaskMatch[], threshold: number): MatchResult {
  const fromKept = new Set(matches.map((m) => m.from));
  const toKept = new Set(matches.map((m) => m.to));
  return {
    threshold,
    matches,
    dropped: matching.from.filter((id) => !fromKept.has(id)),
    added: matching.to.filter((id) => !toKept.has(id)),
    nearest: matching.nearest,
  };
}

/** The matching at `threshold` from the threshold-free one: the counterparts whose score reaches it. */
export function atThreshold(matching: PairMatching, threshold: number): MatchResult {
  checkThreshold(threshold);
  return resultWith(matching, matching.matches.filter((m) => m.score >= threshold), threshold);
}

/** One-to-one counterparts of two task lists, greedily by score, kept when the score reaches `threshold`. */
export function matchTasks(from: readonly MatchTask[], to: readonly MatchTask[], threshold: number): MatchResult {
  const matching = greedyMatching(from, to, threshold);
  return resultWith(matching, matching.matches, threshold);
}

export interface Responsibility {
  task: string;
  agency: string;
  name: string;
  role: string;
}

/** How one agency's tasks moved from one plan to the next. */
export interface AgencyMovement {
  agency: string;
  name: string;
  /** The agency is named on a task and on its counterpart: [earlier task, later task]. */
  continued: { from: string; to: string }[];
  /** Earlier tasks of the agency that were dropped, or carried on without it (`handedOver`). */
  dropped: { task: string; handedOver: boolean }[];
  /** Later tasks of the agency that are new, or continued tasks it was not named on before (`takenOver`). */
  added: { task: string; takenOver: boolean }[];
}

/**
 * Each agency's responsibilities across one year pair, given the pair's matching. Agencies named in either
 * plan are listed, the most tasks first (then by name, then id, so the order is stable).
 */
export function agencyMovements(result: Pick<MatchResult, 'matches'>, fromResp: readonly Responsibility[], toResp: readonly Responsibility[]): AgencyMovement[] {
  const next = new Map(result.matches.map((m) => [m.from, m.to]));
  const prev = new Map(result.matches.map((m) => [m.to, m.from]));
  const tasksOf = (resp: readonly Responsibility[]) => {
    const m = new Map<string, { name: string; tasks: string[] }>();
    for (const r of resp) {
      const e = m.get(r.agency) ?? { name: r.name, tasks: [] };
      if (!e.tasks.includes(r.task)) e.tasks.push(r.task);
      m.set(r.agency, e);
    }
    return m;
  };
  const before = tasksOf(fromResp);
  const after = tasksOf(toResp);
  const out: AgencyMovement[] = [];
  for (const agency of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(agency)?.tasks ?? [];
    const is = after.get(agency)?.tasks ?? [];
    const isSet = new Set(is);
    const wasSet = new Set(was);
    const move: AgencyMovement = { agency, name: before.get(agency)?.name ?? after.get(agency)!.name, continued: [], dropped: [], added: [] };
    for (const t of was) {
      const to = next.get(t);
      if (to !== undefined && isSet.has(to)) move.continued.push({ from: t, to });
      else move.dropped.push({ task: t, handedOver: to !== undefined });
    }
    for (const t of is) {
      const from = prev.get(t);
      if (from === undefined || !wasSet.has(from)) move.added.push({ task: t, takenOver: from !== undefined });
    }
    out.push(move);
  }
  const size = (m: AgencyMovement) => m.continued.length + m.dropped.length + m.added.length;
  return out.sort((a, b) => size(b) - size(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.agency < b.agency ? -1 : 1));
}
