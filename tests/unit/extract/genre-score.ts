/*
 * Scorer of the genre corpus (tests/fixtures/gold/genre/, format in brief gold-format.md): compares the
 * responsibility pairs the extractor gives for a document with the hand-written gold table and counts
 * precision, recall, F1, role errors and jurisdiction errors. Pure (no I/O), so the corpus test, the
 * scorer's own test and the score-genre script all judge with the same rules.
 */
import { z } from 'zod';
import type { GraphFacts } from '../../../server/extract/graph-facts.ts';
import { normaliseText } from '../../../server/extract/normalise.ts';

export const ROLES = ['lead', 'support', 'responsible'] as const;
export type Role = (typeof ROLES)[number];

export const GoldPair = z.object({
  task: z.string().min(1),
  unit: z.string().min(1),
  role: z.enum(ROLES),
  jurisdiction: z.string().min(1),
});
export type GoldPair = z.infer<typeof GoldPair>;

export const GoldDocument = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.txt$/, 'file must be <ascii slug>.txt'),
  source: z.url(),
  issuer: z.string().min(1),
  jurisdiction: z.object({ level: z.enum(['national', 'province', 'city', 'district']), name: z.string().min(1) }),
  negative: z.boolean(),
  note: z.string().optional(),
  pairs: z.array(GoldPair),
}).refine((d) => !d.negative || d.pairs.length === 0, { message: 'a negative control must have pairs: []', path: ['pairs'] });
export type GoldDocument = z.infer<typeof GoldDocument>;

/** Parses one gold file's JSON; the error names the file and the field that is wrong. */
export function parseGold(name: string, json: string): GoldDocument {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${name}: not JSON (${(e as Error).message})`);
  }
  const r = GoldDocument.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new Error(`${name}: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return r.data;
}

/** One printed occurrence of a unit in a list, as the extractor reports it. */
export interface ExtractedPair {
  task: string;
  unit: string;
  role: string;
  /** props.jurisdiction of the Agency node; undefined when the extractor gives none */
  jurisdiction: string | undefined;
}

/**
 * Both sides are compared in the project's normalised form: script and width folded (foldString,
 * to-simplified), and pinyin annotations of a copied page (發(fā)) dropped, so a unit written as printed
 * in a traditional or annotated copy equals the extractor's evidence of it. Surrounding spaces never count.
 */
export function norm(s: string): string {
  return normaliseText(s.trim()).text.trim();
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** (task title, evidence text, role, agency jurisdiction) for every RESPONSIBLE_FOR evidence. */
export function extractedPairs(facts: GraphFacts): ExtractedPair[] {
  const byId = new Map(facts.nodes.map((n) => [n.id, n]));
  const out: ExtractedPair[] = [];
  for (const r of facts.relationships) {
    if (r.type !== 'RESPONSIBLE_FOR') continue;
    const task = asString(byId.get(r.to)?.props.title) ?? '';
    const jurisdiction = asString(byId.get(r.from)?.props.jurisdiction);
    for (const e of r.evidence) out.push({ task, unit: e.text, role: String(r.props.role), jurisdiction });
  }
  return out;
}

export interface RoleError { gold: GoldPair; extractedRole: string }
export interface JurisdictionError { gold: GoldPair; extractedJurisdiction: string | undefined }

export interface DocumentScore {
  slug: string;
  negative: boolean;
  gold: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  roleErrors: RoleError[];
  jurisdictionErrors: JurisdictionError[];
  missed: GoldPair[];
  spurious: ExtractedPair[];
}

export interface Totals {
  documents: number;
  gold: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  roleErrors: number;
  jurisdictionErrors: number;
  /** pairs extracted from negative controls (must be 0) */
  negativePairs: number;
}

function prf(gold: number, extracted: number, matched: number): { precision: number; recall: number; f1: number } {
  const precision = extracted === 0 ? 1 : matched / extracted;
  const recall = gold === 0 ? 1 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const samePlace = (g: GoldPair, e: ExtractedPair): boolean => norm(e.unit) === norm(g.unit) && norm(e.task).startsWith(norm(g.task));

/**
 * Matches gold pairs to extracted pairs one to one (a maximum matching, so a gold pair never takes
 * an extracted pair another gold pair needed), then counts what is left over.
 */
export function scoreDocument(slug: string, gold: GoldDocument, extracted: ExtractedPair[]): DocumentScore {
  const pairs = gold.pairs;
  const fits = pairs.map((g) => extracted.flatMap((e, j) => (samePlace(g, e) && e.role === g.role ? [j] : [])));
  const owner = new Array<number>(extracted.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of fits[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] === -1 || tryAssign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < pairs.length; i++) tryAssign(i, new Array<boolean>(extracted.length).fill(false));

  const matchOf = new Array<number>(pairs.length).fill(-1);
  owner.forEach((i, j) => { if (i >= 0) matchOf[i] = j; });
  const used = new Set(owner.flatMap((i, j) => (i >= 0 ? [j] : [])));

  const roleErrors: RoleError[] = [];
  const jurisdictionErrors: JurisdictionError[] = [];
  const missed: GoldPair[] = [];
  pairs.forEach((g, i) => {
    const j = matchOf[i]!;
    if (j >= 0) {
      const got = extracted[j]!.jurisdiction;
      if (got === undefined || norm(got) !== norm(g.jurisdiction)) jurisdictionErrors.push({ gold: g, extractedJurisdiction: got });
      return;
    }
    missed.push(g);
    const other = extracted.find((e, k) => !used.has(k) && samePlace(g, e));
    if (other) roleErrors.push({ gold: g, extractedRole: other.role });
  });
  const spurious = extracted.filter((_, j) => !used.has(j));
  const matched = used.size;
  return {
    slug, negative: gold.negative, gold: pairs.length, extracted: extracted.length, matched,
    ...prf(pairs.length, extracted.length, matched), roleErrors, jurisdictionErrors, missed, spurious,
  };
}

/** Micro-averaged totals over all documents. */
export function totals(scores: DocumentScore[]): Totals {
  const sum = (f: (s: DocumentScore) => number): number => scores.reduce((a, s) => a + f(s), 0);
  const gold = sum((s) => s.gold);
  const extracted = sum((s) => s.extracted);
  const matched = sum((s) => s.matched);
  return {
    documents: scores.length, gold, extracted, matched, ...prf(gold, extracted, matched),
    roleErrors: sum((s) => s.roleErrors.length),
    jurisdictionErrors: sum((s) => s.jurisdictionErrors.length),
    negativePairs: sum((s) => (s.negative ? s.extracted : 0)),
  };
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);
const fmt = (x: number): string => x.toFixed(2);

/** A fixed-width table, one row per document and the overall row; with details, what was missed or extra. */
export function formatTable(scores: DocumentScore[], details = false): string {
  const width = Math.max(8, ...scores.map((s) => s.slug.length + (s.negative ? 4 : 0)));
  const head = `${'document'.padEnd(width)} ${pad('gold', 5)} ${pad('got', 5)} ${pad('match', 5)} ${pad('P', 5)} ${pad('R', 5)} ${pad('F1', 5)} ${pad('role', 5)} ${pad('juris', 5)}`;
  const row = (name: string, g: number, x: number, m: number, p: number, r: number, f: number, re: number, je: number): string =>
    `${name.padEnd(width)} ${pad(g, 5)} ${pad(x, 5)} ${pad(m, 5)} ${pad(fmt(p), 5)} ${pad(fmt(r), 5)} ${pad(fmt(f), 5)} ${pad(re, 5)} ${pad(je, 5)}`;
  const lines = [head, '-'.repeat(head.length)];
  for (const s of scores) {
    lines.push(row(s.negative ? `${s.slug} (-)` : s.slug, s.gold, s.extracted, s.matched, s.precision, s.recall, s.f1, s.roleErrors.length, s.jurisdictionErrors.length));
  }
  const t = totals(scores);
  lines.push('-'.repeat(head.length));
  lines.push(row(`overall (${t.documents} documents)`, t.gold, t.extracted, t.matched, t.precision, t.recall, t.f1, t.roleErrors, t.jurisdictionErrors));
  lines.push(`pairs from negative controls: ${t.negativePairs}   (-) = negative control`);
  if (details) {
    for (const s of scores) {
      if (!s.missed.length && !s.spurious.length && !s.jurisdictionErrors.length) continue;
      lines.push('', `${s.slug}:`);
      for (const g of s.missed) lines.push(`  missed   ${g.task} | ${g.unit} | ${g.role}`);
      for (const e of s.spurious) lines.push(`  extra    ${e.task.slice(0, 16)} | ${e.unit} | ${e.role}`);
      for (const j of s.jurisdictionErrors) lines.push(`  juris    ${j.gold.unit}: ${j.extractedJurisdiction ?? '(none)'} ≠ ${j.gold.jurisdiction}`);
    }
  }
  return lines.join('\n');
}
