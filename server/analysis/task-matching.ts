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
  // Per term id: its idf, and the bag's tf while the bag is weighed. Typed arrays instead of a sorted list of
  // [id, weight] pairs per bag: on two 750-task plans those pairs were most of the matching's garbage.
  const idf = new Float64Array(ids.size);
  for (const [t, id] of ids) idf[id] = Math.log((1 + n) / (1 + df.get(t)!)) + 1;
  const tf = new Float64Array(ids.size);
  return counts.map((c) => {
    const terms = new Int32Array(c.size);
    let k = 0;
    for (const [t, count] of c) {
      const id = ids.get(t)!;
      terms[k++] = id;
      tf[id] = count;
    }
    terms.sort();
    const weights = new Float64Array(terms.length);
    let norm = 0;
    for (let i = 0; i < terms.length; i++) {
      const w = (1 + Math.log(tf[terms[i]!]!)) * idf[terms[i]!]!;
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! / norm;
    return { terms, weights };
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
  // Postings of the later plan's terms as flat arrays (term → its tasks j and weights, in j order).
  const later = vectors.slice(from.length);
  let terms = 0;
  for (const v of vectors) for (const term of v.terms) terms = Math.max(terms, term + 1);
  const start = new Int32Array(terms + 1);
  for (const v of later) for (const term of v.terms) start[term + 1]!++;
  for (let t = 0; t < terms; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, terms);
  const postJ = new Int32Array(start[terms]!);
  const postW = new Float64Array(start[terms]!);
  later.forEach((v, j) => {
    v.terms.forEach((term, k) => {
      const at = fill[term]!++;
      postJ[at] = j;
      postW[at] = v.weights[k]!;
    });
  });
  return vectors.slice(0, from.length).map((v) => {
    const row = new Float64Array(to.length);
    for (let k = 0; k < v.terms.length; k++) {
      const term = v.terms[k]!;
      const w = v.weights[k]!;
      for (let at = start[term]!, end = start[term + 1]!; at < end; at++) row[postJ[at]!]! += w * postW[at]!;
    }
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

/**
 * Greedy one-to-one counterparts among the pairs whose rounded score reaches `threshold` (and is above 0): the
 * most similar remaining pair first, ties by the earlier plan's order, then the later plan's. Rather than sort
 * every scored pair (half a million for two plans of 750 tasks), each task of the earlier plan offers its best
 * free counterpart through a heap ordered that way; when that counterpart is taken, it looks again among the
 * free ones. The heap's top is then always the best remaining pair, so the choice is the same pair for pair.
 */
function greedyMatching(from: readonly MatchTask[], to: readonly MatchTask[], threshold: number): PairMatching {
  checkThreshold(threshold);
  const scores = similarityMatrix(from, to);
  const eligible = (s: number) => s > 0 && round4(s) >= threshold;
  const toTaken = new Uint8Array(to.length);
  /** The row's best free eligible column (the first of equals), or -1. */
  const bestFree = (i: number): number => {
    const row = scores[i]!;
    let k = -1;
    for (let j = 0; j < row.length; j++) if (!toTaken[j] && eligible(row[j]!) && (k < 0 || row[j]! > row[k]!)) k = j;
    return k;
  };
  // A binary max-heap of rows by (score of their offer desc, row asc, column asc).
  const offer = new Int32Array(from.length);
  const heap: number[] = [];
  const before = (a: number, b: number) => {
    const sa = scores[a]![offer[a]!]!;
    const sb = scores[b]![offer[b]!]!;
    return sa > sb || (sa === sb && (a < b || (a === b && offer[a]! < offer[b]!)));
  };
  const push = (i: number) => {
    heap.push(i);
    for (let c = heap.length - 1; c > 0;) {
      const p = (c - 1) >> 1;
      if (!before(heap[c]!, heap[p]!)) break;
      [heap[c], heap[p]] = [heap[p]!, heap[c]!];
      c = p;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let c = 0; ;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === c) break;
        [heap[c], heap[m]] = [heap[m]!, heap[c]!];
        c = m;
      }
    }
    return top;
  };
  for (let i = 0; i < from.length; i++) {
    offer[i] = bestFree(i);
    if (offer[i]! >= 0) push(i);
  }
  const fromTaken = new Map<number, TaskMatch>();
  while (heap.length > 0) {
    const i = pop();
    const j = offer[i]!;
    if (toTaken[j]) {
      offer[i] = bestFree(i);
      if (offer[i]! >= 0) push(i);
      continue;
    }
    fromTaken.set(i, { from: from[i]!.id, to: to[j]!.id, score: round4(scores[i]![j]!) });
    toTaken[j] = 1;
  }
  // Each task's nearest in the other plan: the first of the highest scores above 0.
  const nearest: Record<string, Nearest | null> = {};
  const colBest = new Int32Array(to.length).fill(-1);
  from.forEach((t, i) => {
    const row = scores[i]!;
    let k = -1;
    for (let j = 0; j < row.length; j++) {
      const v = row[j]!;
      if (v > 0 && (k < 0 || v > row[k]!)) k = j;
      if (v > 0 && (colBest[j]! < 0 || v > scores[colBest[j]!]![j]!)) colBest[j] = i;
    }
    nearest[t.id] = k < 0 ? null : { id: to[k]!.id, score: round4(row[k]!) };
  });
  to.forEach((t, j) => {
    const i = colBest[j]!;
    nearest[t.id] = i < 0 ? null : { id: from[i]!.id, score: round4(scores[i]![j]!) };
  });
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
