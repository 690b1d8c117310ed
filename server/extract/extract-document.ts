/*
 * One document → GraphFacts. The orchestration lives here; each rule lives in its own module
 * (structure, responsibility lists, agencies, entities, figures, plan citations). Pure: bytes in,
 * facts out, no I/O. All spans are found in the normalised text and mapped back to the original.
 */
import { createHash } from 'node:crypto';
import { emitAgency, resolveAgency } from './agencies.ts';
import { EntityRecogniser, type EntityMention } from './entities.ts';
import { FactsBuilder } from './facts-builder.ts';
import { findFigures, type Figure } from './figures.ts';
import type { Gazetteer } from './gazetteer.ts';
import { detectJurisdiction, planScope, type Jurisdiction } from './jurisdiction.ts';
import { documentNodeId, type DocumentFact, type Evidence, type GraphFacts } from './graph-facts.ts';
import { normaliseText, toOriginalSpan, type NormalisedText } from './normalise.ts';
import { citedPlanTitle, findPlanCitations, normalisePlanTitle, planNodeId, planYear } from './plan-references.ts';
import { findResponsibilityLists } from './responsibility.ts';
import { splitListUnits } from './list-units.ts';
import { SortedSpans, type Span } from './spans.ts';
import { parseStructure, type DocumentStructure } from './structure.ts';
import { attachLists } from './task-lists.ts';
import { findHeadingLeads } from './heading-leads.ts';
import { decodeDocumentBytes } from './read-docx.ts';

export interface ExtractInput {
  /** document id: the file's base name without extension */
  id: string;
  file: string;
  bytes: Uint8Array;
  gazetteer: Gazetteer;
}

export interface ExtractResult {
  document: DocumentFact;
  /** the original decoded text; every evidence span indexes it */
  text: string;
  /** the normalised text the rules ran on (for debugging and tests) */
  normalised: string;
  encoding: string;
  facts: GraphFacts;
  warnings: string[];
}

const recognisers = new WeakMap<Gazetteer, EntityRecogniser>();

function recogniserFor(gaz: Gazetteer): EntityRecogniser {
  let r = recognisers.get(gaz);
  if (!r) recognisers.set(gaz, (r = new EntityRecogniser(gaz)));
  return r;
}

/** Decodes (text or Word .docx) and extracts one document. Throws DecodeError if the bytes are neither. */
export function extractDocument(input: ExtractInput): ExtractResult {
  const decoded = decodeDocumentBytes(input.bytes, input.file);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return { ...extractText(input.id, input.file, decoded.text, sha256, input.gazetteer), encoding: decoded.encoding };
}

/** Extracts from already decoded text. */
export function extractText(id: string, file: string, original: string, sha256: string, gaz: Gazetteer): Omit<ExtractResult, 'encoding'> {
  const norm = normaliseText(original);
  const text = norm.text;
  const st = parseStructure(text, norm.frontMatter.title, norm.frontMatter.date);
  const b = new FactsBuilder();
  const warnings: string[] = [];
  const docNode = documentNodeId(id);
  const ev = (s: number, e: number): Evidence => evidence(norm, id, s, e);
  // Whose document this is: every unit is resolved in this jurisdiction (see jurisdiction.ts).
  const { jurisdiction, issuer } = detectJurisdiction({
    documentId: id, text, lines: st.lines, titles: [st.planTitle ?? '', st.documentTitle].filter((t) => t !== ''), issuer: st.issuer?.name,
    frontMatterJurisdiction: norm.frontMatter.jurisdiction,
  }, gaz);
  const lists = findResponsibilityLists(text);
  const attached = attachLists(text, st.tasks, lists, findHeadingLeads(text, st.headings));
  // A section (一、) kept for want of blocks is a task only with its list; without one it makes no plan.
  // One task makes a plan with a plan title, or with a list of its own (a page cut to its addressees and
  // one measure is still that measure's plan).
  const taskCount = st.tasks.length - attached.droppedSections;
  const isPlan = taskCount >= 2 || (taskCount >= 1 && (st.planTitle !== undefined || attached.listsOf.size > 0));
  const kind = isPlan ? 'plan' : 'news';
  const document: DocumentFact = { id, file, title: st.documentTitle || id, kind, sha256 };
  if (st.issued) document.issued = st.issued;
  if (st.inferredIssued) document.inferredIssued = { date: st.inferredIssued.date, clue: ev(st.inferredIssued.clue.start, st.inferredIssued.clue.end) };
  const documentYear = yearOf(st.issued) ?? (isPlan ? planYear(st.planTitle ?? st.documentTitle) : undefined) ?? yearOf(st.inferredIssued?.date);
  if (documentYear !== undefined) document.year = documentYear;
  document.jurisdiction = jurisdiction.name;
  document.jurisdictionLevel = jurisdiction.level;
  if (issuer) document.issuer = issuer;
  b.addDocument(document);

  const citations = findPlanCitations(text, 0, text.length);
  // Array literals, not push(...lists): a spread into a call puts every item on the stack, and a long
  // document has hundreds of thousands of lists.
  const skipped: Span[] = [...lists, ...citations];
  if (st.issuer) skipped.push(st.issuer);
  if (st.addressees) skipped.push(st.addressees);
  if (st.titleLine) skipped.push(st.titleLine);
  skipped.sort((x, y) => x.start - y.start);
  // Looked up per task by binary search: filtering every span for every task was quadratic.
  const skip = new SortedSpans(skipped);
  const citationSpans = new SortedSpans(citations);

  // A plan title that names no area is the plan of this document's area (planScope), so two cities' 2024年数字政府
  // 工作要点 stay two plans.
  const scopeOf = (title: string): string | undefined => planScope(title, jurisdiction, gaz);
  let planId: string | undefined;
  let year: number | undefined;
  if (isPlan) {
    const title = st.planTitle ?? st.documentTitle;
    planId = planNodeId(title, scopeOf(title));
    year = planYear(title) ?? (st.issued ? Number(st.issued.slice(0, 4)) : undefined);
    b.addNode(planId, 'Plan', normalisePlanTitle(title), [title], { year: year ?? null, issued: st.issued ?? null, document: id });
    const tl = st.titleLine ?? st.lines[0];
    b.addRelationship('DESCRIBES', docNode, planId, {}, tl ? [ev(tl.start, tl.end)] : []);
    emitHeader(b, st, planId, gaz, jurisdiction, ev, text);
  }

  // Tasks and their lists.
  const recogniser = recogniserFor(gaz);
  const covered: Span[] = [];
  // Tasks belong to a plan: a news text's one numbered line stays part of the report.
  for (const t of planId === undefined ? [] : attached.tasks) {
    const taskId = `task:${id}:${t.path}`;
    covered.push(t);
    b.addNode(taskId, 'Task', t.title || `${t.marker}`, [], {
      number: t.number, marker: t.marker, path: t.path, section: t.section, title: t.title, text: t.text, order: t.order, document: id,
    });
    b.addRelationship('HAS_TASK', planId!, taskId, {}, [ev(t.titleStart, t.titleEnd)]);
    for (const list of attached.listsOf.get(t) ?? []) {
      for (const u of list.units) {
        const a = resolveAgency(u.name, gaz, jurisdiction);
        const e = ev(u.start, u.end);
        emitAgency(b, a, gaz, [e.text, u.name], [e]);
        b.addRelationship('RESPONSIBLE_FOR', a.id, taskId, { role: u.role, rank: u.rank }, [e]);
      }
    }
    emitMentions(b, taskId, recogniser.find(text, t.start, t.end, skip), ev);
    for (const c of citationSpans.within(t.start, t.end)) emitCitedPlan(b, c.title, taskId, 'MENTIONS', ev(c.start, c.end), scopeOf);
    emitTargets(b, taskId, findFigures(text, t.start, t.end, gaz, year), ev);
  }

  // Text outside tasks: plan-level targets, or a news report's observations.
  const rest = gaps(isPlan ? st.bodyStart : 0, text.length, covered);
  const seenObs: SeenObservations = { ids: new Map(), perKey: new Map() };
  for (const r of rest) {
    emitMentions(b, docNode, recogniser.find(text, r.start, r.end, skip), ev);
    const figures = findFigures(text, r.start, r.end, gaz, year);
    if (isPlan) emitTargets(b, planId!, figures, ev);
    else emitObservations(b, id, figures, reportDate(st, ev), seenObs, ev);
  }
  if (isPlan && st.bodyStart > 0) emitMentions(b, docNode, recogniser.find(text, 0, st.bodyStart, skip), ev);
  const own = planId;
  for (const c of citations) {
    const citedTitle = citedPlanTitle(c.title);
    const cited = planNodeId(citedTitle, scopeOf(citedTitle));
    if (cited === own) continue;
    if (planId) emitCitedPlan(b, c.title, planId, c.implements ? 'IMPLEMENTS' : 'REFERENCES', ev(c.start, c.end), scopeOf);
    else emitCitedPlan(b, c.title, docNode, 'MENTIONS', ev(c.start, c.end), scopeOf);
  }

  const facts = b.build();
  if (text.trim().length === 0) warnings.push(`${file}: empty document`);
  else if (st.tasks.length === 0 && st.headings.length === 0 && facts.nodes.length === 0) {
    warnings.push(`${file}: no recognisable structure (no numbered items, lists, figures or named entities)`);
  }
  return { document, text: original, normalised: text, facts, warnings };
}

// Markup inside an evidence span of an HTML document (福州<b>软件园</b>): tags and character references.
const MARKUP_TAG = /<\/?[A-Za-z][^<>]*>/g;
const CHAR_REF = /&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,6}|#x[0-9A-Fa-f]{1,6});/g;
const NAMED_REFS: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/**
 * The span in the original text and its words. The text is the original slice, except that a span
 * crossing HTML markup shows the words without the tags (and with character references decoded):
 * evidence is read by people, and raw HTML is not what the document says.
 */
function evidence(norm: NormalisedText, id: string, s: number, e: number): Evidence {
  const span = toOriginalSpan(norm, s, e);
  let text = norm.original.slice(span.start, span.end);
  if (text.includes('<') || text.includes('&')) {
    text = text.replace(MARKUP_TAG, '').replace(CHAR_REF, (r) => {
      const cp = r[2] === 'x' ? parseInt(r.slice(3, -1), 16) : Number(r.slice(2, -1));
      return NAMED_REFS[r] ?? (cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : r);
    });
  }
  return { document: id, start: span.start, end: span.end, text };
}

/** The parts of [from, to) not covered by `covered` (sorted). */
function gaps(from: number, to: number, covered: Span[]): Span[] {
  const out: Span[] = [];
  let pos = from;
  for (const c of [...covered].sort((x, y) => x.start - y.start)) {
    if (c.start > pos) out.push({ start: pos, end: Math.min(c.start, to) });
    pos = Math.max(pos, c.end);
  }
  if (pos < to) out.push({ start: pos, end: to });
  return out.filter((s) => s.end > s.start);
}

type Ev = (s: number, e: number) => Evidence;

function emitHeader(b: FactsBuilder, st: DocumentStructure, planId: string, gaz: Gazetteer, jurisdiction: Jurisdiction, ev: Ev, text: string): void {
  if (st.issuer) {
    const a = resolveAgency(st.issuer.name, gaz, jurisdiction);
    const e = ev(st.issuer.start, st.issuer.end);
    emitAgency(b, a, gaz, [e.text], [e]);
    b.addRelationship('ISSUED_BY', planId, a.id, {}, [e]);
  }
  if (st.addressees) {
    // Split like a list (各县、市、区人民政府 is one group, 及 joins two addressees), not piece by piece.
    for (const u of splitListUnits(text, st.addressees.start, st.addressees.end)) {
      // 福州新区管委会(长乐区人民政府): one office, two names; both are addressed.
      const both = /^(.+?)\((.+(?:政府|管委会))\)$/.exec(u.name);
      const parts = both
        ? [{ name: both[1]!, start: u.start, end: u.start + both[1]!.length }, { name: both[2]!, start: u.start + both[1]!.length + 1, end: u.end - 1 }]
        : [u];
      for (const p of parts) {
        const a = resolveAgency(p.name, gaz, jurisdiction);
        const e = ev(p.start, p.end);
        emitAgency(b, a, gaz, [e.text, p.name], [e]);
        b.addRelationship('ADDRESSED_TO', planId, a.id, {}, [e]);
      }
    }
  }
}

function emitMentions(b: FactsBuilder, from: string, mentions: EntityMention[], ev: Ev): void {
  for (const m of mentions) {
    const e = ev(m.start, m.end);
    b.addNode(m.id, m.label, m.name, m.viaGroup ? m.aliases : [...m.aliases, e.text]);
    b.addRelationship('MENTIONS', from, m.id, {}, [e]);
    if (m.locatedIn) {
      b.addNode(m.locatedIn.id, m.locatedIn.label, m.locatedIn.name, [m.locatedIn.name]);
      // Where a park is, when only the gazetteer knows it, is not stated by the sentence that names the
      // park: the fact says where it comes from (source: 'gazetteer') and cites no text.
      if (m.locatedIn.fromGazetteer) b.addRelationship('LOCATED_IN', m.id, m.locatedIn.id, { source: 'gazetteer' }, []);
      else b.addRelationship('LOCATED_IN', m.id, m.locatedIn.id, { source: 'text' }, [e]);
    }
  }
}

/** A cited notice (《X关于印发Y的通知》) stands for the plan Y it circulates; the notice title is an alias. */
function emitCitedPlan(b: FactsBuilder, printed: string, from: string, type: 'MENTIONS' | 'IMPLEMENTS' | 'REFERENCES', e: Evidence, scopeOf: (title: string) => string | undefined): void {
  const title = citedPlanTitle(printed);
  const id = planNodeId(title, scopeOf(title));
  b.addNode(id, 'Plan', normalisePlanTitle(title), [title, printed, e.text.replace(/^《|》$/g, '')], { year: planYear(title) ?? null });
  b.addRelationship(type, from, id, {}, [e]);
}

/*
 * An indicator's aliases are the quantity's names, not the sentences that give it a value: those are the
 * evidence of the Target or Observation. (Phrases with values made every indicator collect one alias per
 * printed figure, thousands over an archive, which bloated search and every re-load of the indicator.)
 */
function emitIndicator(b: FactsBuilder, f: Figure): string {
  const id = `indicator:${f.indicatorKey}`;
  b.addNode(id, 'Indicator', f.indicatorName, [f.indicatorName, f.indicatorKey], { unit: f.unit, key: f.indicatorKey, ...measureProps(f) });
  return id;
}

/** 新增 figures are increments: their own indicator key (新增…) and a `measure` prop say so. */
function measureProps(f: Figure): { measure?: string } {
  return f.measure ? { measure: f.measure } : {};
}

function figureName(f: Figure): string {
  return `${f.indicatorName} ${f.comparator}${f.value}${f.unit}`;
}

function emitTargets(b: FactsBuilder, owner: string, figures: Figure[], ev: Ev): void {
  for (const f of figures) {
    const e = ev(f.start, f.end);
    const indicator = emitIndicator(b, f);
    const id = claimTarget(b, `target:${owner}:${f.indicatorKey}:${f.year ?? 'undated'}`, f);
    b.addNode(id, 'Target', `${figureName(f)}${f.year ? ` (${f.year})` : ''}`, [], { value: f.value, unit: f.unit, comparator: f.comparator, year: f.year ?? null, ...measureProps(f) });
    b.addRelationship('SETS_TARGET', owner, id, {}, [e]);
    b.addRelationship('OF', id, indicator, {}, [e]);
  }
}

const targetIds = new WeakMap<FactsBuilder, Map<string, Map<string, string>>>();
/**
 * A target id belongs to one value; a second, different value for the same owner, indicator and year gets
 * `<base>:2`, a third `<base>:3`. The ids given for a base are kept by value, so the next one is a lookup,
 * not a walk along base, base:2, … (which was quadratic in the figures a plan prints for one indicator).
 */
function claimTarget(b: FactsBuilder, base: string, f: Figure): string {
  let bases = targetIds.get(b);
  if (!bases) targetIds.set(b, (bases = new Map()));
  let byValue = bases.get(base);
  if (!byValue) bases.set(base, (byValue = new Map()));
  const sig = `${f.value}|${f.unit}|${f.comparator}`;
  let id = byValue.get(sig);
  if (id === undefined) {
    id = byValue.size === 0 ? base : `${base}:${byValue.size + 1}`;
    byValue.set(sig, id);
  }
  return id;
}

/**
 * Observation ids of a news item: `ids` by value signature (key|value|unit|comparator); `perKey` counts the
 * signatures seen per key, so numbering the next one is a lookup, not a scan of every signature so far.
 */
interface SeenObservations { ids: Map<string, string>; perKey: Map<string, number> }

function yearOf(date: string | undefined): number | undefined {
  const y = date ? /^(\d{4})/.exec(date)?.[1] : undefined;
  return y ? Number(y) : undefined;
}

/** The date a news item's figures are for: the printed date, else the inferred one with the clause it rests on. */
interface ReportDate { date: string; inferred: boolean; clue?: string }

function reportDate(st: DocumentStructure, ev: Ev): ReportDate | undefined {
  if (st.issued) return { date: st.issued, inferred: false };
  const inf = st.inferredIssued;
  return inf ? { date: inf.date, inferred: true, clue: ev(inf.clue.start, inf.clue.end).text } : undefined;
}

function emitObservations(b: FactsBuilder, docId: string, figures: Figure[], when: ReportDate | undefined, seen: SeenObservations, ev: Ev): number {
  const asOf = when?.date;
  let added = 0;
  for (const f of figures) {
    const e = ev(f.start, f.end);
    const indicator = emitIndicator(b, f);
    const sig = `${f.indicatorKey}|${f.value}|${f.unit}|${f.comparator}`;
    let id = seen.ids.get(sig);
    if (!id) {
      const n = (seen.perKey.get(f.indicatorKey) ?? 0) + 1;
      id = `observation:${docId}:${f.indicatorKey}:${n}`;
      seen.ids.set(sig, id);
      // Counted under every prefix of the signature that ends before a '|': exactly the signatures a
      // startsWith(`${key}|`) test finds, even for a key that itself holds a '|'.
      for (let p = sig.indexOf('|'); p >= 0; p = sig.indexOf('|', p + 1)) {
        const prefix = sig.slice(0, p);
        seen.perKey.set(prefix, (seen.perKey.get(prefix) ?? 0) + 1);
      }
      added++;
    }
    // asOfKnown: the document prints its date. A news item whose year was inferred from its text (inferred-date.ts)
    // has asOf and year set, asOfKnown false, asOfInferred true and the clause the year rests on (asOfClue); one
    // without a knowable date keeps asOf and year null rather than guessing from the figures' context.
    const year = f.year ?? (asOf ? Number(asOf.slice(0, 4)) : null);
    b.addNode(id, 'Observation', figureName(f), [], {
      value: f.value, unit: f.unit, comparator: f.comparator, asOf: asOf ?? null, asOfKnown: when !== undefined && !when.inferred, year,
      ...(when?.inferred ? { asOfInferred: true, asOfClue: when.clue ?? null } : {}), ...measureProps(f),
    });
    b.addRelationship('REPORTS', documentNodeId(docId), id, {}, [e]);
    b.addRelationship('OF', id, indicator, {}, [e]);
  }
  return added;
}
