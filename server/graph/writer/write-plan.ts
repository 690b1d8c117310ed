/*
 * The parameter rows of a write transaction, built before the transaction opens. Building them (combining
 * the documents, whole property maps, Neo4j integer conversion) is a few milliseconds of CPU per document;
 * inside the transaction it ran while the transaction held the hub agencies' locks, so a second
 * transaction in flight waited for it. Only the split into new and existing elements needs the database
 * and happens inside (write-documents.ts).
 */
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../extract/graph-facts.ts';
import { toNeo4jParams } from '../neo4j-params.ts';
import { combineDocuments, newNodeProps, newRelationshipProps, sampledEvidence, type CombinedNodeRow } from './combine-documents.ts';
import { pageKey, taskKey } from './page-key.ts';
import { byCodePoint, type PreparedDocument, type RelationshipRow } from './prepare-facts.ts';

export interface NodePlan {
  id: string;
  /**
   * Row for merge-nodes.cypher and create-nodes.cypher (the node had no supporting document): [labels,
   * whole property map]. Positional, and the id only inside the map, where it is stored: it was sent twice.
   */
  create: unknown[];
  /** Row for merge-existing-nodes.cypher, built on demand: few nodes of a load exist already. */
  merge: () => Record<string, unknown>;
}

export interface RelationshipPlan {
  from: string;
  to: string;
  /**
   * Entry for create-relationships.cypher (an end is new, so the relationship cannot exist), under one of
   * its ends (createRows groups them): a positional list, [key, documents, evidenceDocs, evidenceStarts,
   * evidenceEnds, evidenceTexts, props, documentCount, evidenceCount], the evidence sampled as
   * evidence-sample.ts keeps it. Most of a load's parameter traffic is these rows, and a map would
   * carry ~11 key strings per row that the driver encodes and Neo4j decodes every time (about 45% of all
   * strings sent). `documents` and `evidenceDocs` are positions in WritePlan.docIds (a string costs the
   * driver ~1 µs to encode, a small integer next to nothing, and these are the same few document ids over
   * and over).
   */
  create: unknown[];
  /** Row for merge-relationships.cypher, built on demand: few rows of a load need it. */
  merge: () => Record<string, unknown>;
}

export interface WritePlan {
  nodes: NodePlan[];
  /** The documents' bare ids, sorted: what relationship rows' `documents` and `evidenceDocs` point into. */
  docIds: string[];
  /**
   * Rows for create-states.cypher, one per node the documents state, sorted by node id: [nodeId, entries],
   * an entry per document that states it, in document order: [document, aliases the document printed for
   * the node, outTypes, outEnds, outKeys, outSpans] — the type, other end and key of each relationship the
   * document states from that node, sorted, and its spans of them (statedOut; what GET /api/documents/:id
   * reads). Grouped by node so a hub that all 50 documents state is looked up once, not 50 times;
   * positional for the same reason as relationship rows; the document is its position in `docNodeIds`
   * and each type its position in RELATIONSHIP_TYPES (statesParams sends both lists once).
   */
  states: unknown[][];
  /** How many STATES relationships `states` creates (entries over all rows). */
  stateCount: number;
  docNodeIds: string[];
  /**
   * The nodes whose tasks-of-agency page keys (page-key.ts) this write may change: those the documents
   * label Task and the ends of their RESPONSIBLE_FOR and HAS_TASK. A RESPONSIBLE_FOR row of create-
   * relationships carries the key its task would have if the transaction created the task and its plans
   * (`pageKey` in its props); pageKeysToRecheck says which of these nodes the write must key from the graph.
   */
  pageKeyIds: string[];
  /** Per node that a HAS_TASK row ends at, the nodes those rows start from (its plans). */
  plansOf: Map<string, string[]>;
  /** Per node a HAS_TASK row starts from, the plan name the precomputed keys used: null when it is not a named Plan. */
  planNames: Map<string, string | null>;
  relationships: Map<RelationshipType, RelationshipPlan[]>;
  relationshipCount: number;
  documents: Record<string, unknown>[];
}

export function planWrite(docs: readonly PreparedDocument[]): WritePlan {
  const combined = combineDocuments(docs);
  const nodes = combined.nodes.map((n) => ({
    id: n.id,
    create: [n.labels, toNeo4jParams(newNodeProps(n))],
    merge: () => toNeo4jParams({ id: n.id, labels: n.labels, aliases: n.aliases, doc: n.docIds[0] ?? null, props: n.props }),
  }));
  const docIds = docs.map((d) => d.docId).sort(byCodePoint);
  const docAt = positions(docIds);
  const pageKeyIds = new Set(combined.nodes.filter((n) => n.labels.includes('Task')).map((n) => n.id));
  const plansOf = new Map<string, string[]>();
  for (const r of combined.relationships.get('HAS_TASK') ?? []) plansOf.set(r.to, [...(plansOf.get(r.to) ?? []), r.from]);
  const planNames = new Map<string, string | null>();
  const byId = new Map(combined.nodes.map((n) => [n.id, n]));
  for (const plans of plansOf.values()) {
    for (const p of plans) {
      const node = byId.get(p);
      planNames.set(p, node?.labels.includes('Plan') && node.props.name != null ? String(node.props.name) : null);
    }
  }
  const taskKeys = newTaskKeys(combined.nodes, plansOf, planNames);
  const relationships = new Map<RelationshipType, RelationshipPlan[]>();
  for (const [type, rows] of combined.relationships) {
    if (type === 'RESPONSIBLE_FOR' || type === 'HAS_TASK') for (const r of rows) pageKeyIds.add(r.to);
    relationships.set(type, rows.map((r) => {
      const e = sampledEvidence(r);
      return {
        from: r.from,
        to: r.to,
        create: [r.key, e.documents.map(docAt), e.evidenceDocs.map(docAt), toNeo4jParams(e.evidenceStarts), toNeo4jParams(e.evidenceEnds), e.evidenceTexts,
          toNeo4jParams(type === 'RESPONSIBLE_FOR' && taskKeys.has(r.to) ? { ...r.props, pageKey: pageKey(r.from, taskKeys.get(r.to)!) } : r.props),
          toNeo4jParams(e.documentCount), toNeo4jParams(e.evidenceCount)],
        merge: () => ({ from: r.from, to: r.to, key: r.key, props: toNeo4jParams(r.props), created: toNeo4jParams(newRelationshipProps(r)) }),
      };
    }));
  }
  const documents = docs.map((d) => ({ docNodeId: d.docNodeId, props: toNeo4jParams(d.documentProps) }));
  // Positions in a sorted list sort as the ids do.
  const docNodeIds = docs.map((d) => d.docNodeId).sort(byCodePoint);
  const docNodeAt = new Map(docNodeIds.map((id, i) => [id, i]));
  const typeAt = positions(RELATIONSHIP_TYPES);
  // Sorted by node: creating a relationship locks a sparse node, so transactions lock shared nodes in one
  // order. Documents are visited in docNodeIds order, so each node's entries come out sorted by document.
  const byNode = new Map<string, unknown[][]>();
  let stateCount = 0;
  for (const d of [...docs].sort((x, y) => byCodePoint(x.docNodeId, y.docNodeId))) {
    const outs = statedOut(d);
    const doc = toNeo4jParams(docNodeAt.get(d.docNodeId)!);
    for (const n of d.nodes) {
      const o = outs.get(n.id);
      const entry = [doc, n.aliases, (o?.types ?? []).map(typeAt), o?.ends ?? [], o?.keys ?? [], toNeo4jParams(o?.spans ?? [])];
      const entries = byNode.get(n.id);
      if (entries) entries.push(entry);
      else byNode.set(n.id, [entry]);
      stateCount++;
    }
  }
  const states = [...byNode.keys()].sort(byCodePoint).map((id) => [id, byNode.get(id)!]);
  return { nodes, docIds, states, stateCount, docNodeIds, pageKeyIds: [...pageKeyIds], plansOf, planNames, relationships, relationshipCount: combined.relationshipCount, documents };
}

/**
 * The task part of the page key of every node the documents label Task, as it is when the transaction
 * creates the task: its properties are then the combined row's (newNodeProps), and its plans are those of
 * its HAS_TASK rows, named as `planNames` says (as page-key-tasks.cypher matches (p:Plan), a plan counts
 * if the documents label it Plan).
 */
function newTaskKeys(nodes: readonly CombinedNodeRow[], plansOf: ReadonlyMap<string, string[]>, planNames: ReadonlyMap<string, string | null>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const n of nodes) {
    if (!n.labels.includes('Task')) continue;
    const names = (plansOf.get(n.id) ?? []).map((p) => planNames.get(p)).filter((p): p is string => p != null).sort(byCodePoint);
    keys.set(n.id, taskKey({ id: n.id, order: n.props.order, number: n.props.number, plan: names[0] ?? null }));
  }
  return keys;
}

/**
 * The nodes of pageKeyIds whose keys the write must read from the graph (setPageKeys): all but the tasks
 * it created (their RESPONSIBLE_FOR all went through create-relationships with their key, since an end is
 * new) whose plans are named as the keys assumed: plans it created too, or existing ones whose stored
 * name merge-nodes returned (`storedPlans`: existing Plans by id) equal to the documents' (a plan named in
 * many documents is usually there already). In a load of new documents that is none.
 */
export function pageKeysToRecheck(plan: WritePlan, created: ReadonlySet<string>, storedPlans: ReadonlyMap<string, string | null>): string[] {
  const named = (p: string) => created.has(p) || (storedPlans.get(p) ?? null) === (plan.planNames.get(p) ?? null);
  return plan.pageKeyIds.filter((id) => !created.has(id) || !(plan.plansOf.get(id) ?? []).every(named));
}

/** A look-up of each string's position in `list`, as the Neo4j integer a statement indexes the list with. */
function positions(list: readonly string[]): (s: string) => unknown {
  const at = new Map(list.map((s, i) => [s, toNeo4jParams(i)]));
  return (s) => {
    const i = at.get(s);
    if (i === undefined) throw new Error(`${s} is not among ${list.length} listed values`);
    return i;
  };
}

/**
 * create-relationships.cypher's parameters: each row is [end, entries], an entry [other end, create] per
 * relationship at that end, grouped by whichever end the rows share more (`byTo`): an agency's thousands
 * of RESPONSIBLE_FOR or a plan's HAS_TASK start from it, a task's MENTIONS and OF end at a few indicators.
 * The statement sends and seeks the shared id once per group instead of once per relationship (a seek by
 * id in a writing statement is a locking index seek). Rows come sorted by their ends; grouping by `to`
 * sorts them by `to` first (stably, so by `from` within), so transactions still lock nodes in one order.
 */
export function createRows(rows: readonly RelationshipPlan[]): { rows: unknown[][]; byTo: boolean } {
  const byTo = new Set(rows.map((r) => r.to)).size < new Set(rows.map((r) => r.from)).size;
  const ordered = byTo ? [...rows].sort((a, b) => byCodePoint(a.to, b.to)) : rows;
  const grouped: [string, unknown[][]][] = [];
  let last: [string, unknown[][]] | undefined;
  for (const r of ordered) {
    const [end, other] = byTo ? [r.to, r.from] : [r.from, r.to];
    if (last?.[0] !== end) grouped.push(last = [end, []]);
    last[1].push([other, r.create]);
  }
  return { rows: grouped, byTo };
}

/** create-states.cypher's parameters: the rows and the two lists their positions point into. */
export function statesParams(plan: WritePlan): Record<string, unknown> {
  return { rows: plan.states, docNodeIds: plan.docNodeIds, types: RELATIONSHIP_TYPES };
}

/** What one document states from one node, stored on its STATES to that node (docs/graph-storage.md). */
export interface StatedOut {
  /** Entry i is a relationship of type types[i] from the node to the node ends[i], with key keys[i]. */
  types: string[];
  ends: string[];
  keys: string[];
  /** The document's evidence spans of those relationships, flat: entry, start, end; by entry, then start. */
  spans: number[];
}

/**
 * Per start node, the distinct (type, other end, key) of the relationships one document states, sorted by
 * type, end and key, as parallel lists, and this document's evidence spans of each: stored on the
 * document's STATES to that node, so a reader finds each of the document's facts by a typed expand between
 * two known nodes, and its spans without reading the relationship's evidence lists, which for a hub fact
 * hold every other document's entries too.
 */
export function statedOut(doc: PreparedDocument): Map<string, StatedOut> {
  const byFrom = new Map<string, RelationshipRow[]>();
  for (const r of doc.relationships) {
    const rows = byFrom.get(r.from);
    if (rows) rows.push(r);
    else byFrom.set(r.from, [r]);
  }
  const out = new Map<string, StatedOut>();
  for (const [from, rows] of byFrom) {
    // prepareDocument keeps one row per (type, from, to, key), so the entries are distinct.
    const sorted = [...rows].sort((a, b) => byCodePoint(a.type, b.type) || byCodePoint(a.to, b.to) || byCodePoint(a.key, b.key));
    const spans: number[] = [];
    sorted.forEach((r, i) => {
      const order = r.evidenceStarts.map((start, k) => [start, r.evidenceEnds[k]!] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [start, end] of order) spans.push(i, start, end);
    });
    out.set(from, { types: sorted.map((r) => r.type), ends: sorted.map((r) => r.to), keys: sorted.map((r) => r.key), spans });
  }
  return out;
}
