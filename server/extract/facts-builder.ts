/*
 * Accumulates nodes and relationships for one or many documents. Nodes are deduplicated by id
 * (aliases united, props filled first-come), relationships by (type, from, to, role) with their
 * evidence united, and the result is sorted so the same input always gives the same bytes.
 */
import type { Evidence, GraphFacts, NodeFact, NodeLabel, PropValue, RelationshipFact, RelationshipType, DocumentFact } from './graph-facts.ts';

type Props = Record<string, PropValue>;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function relationshipKey(r: { type: string; from: string; to: string; props: Props }): string {
  const role = typeof r.props.role === 'string' ? r.props.role : '';
  return `${r.type}\u0000${r.from}\u0000${r.to}\u0000${role}`;
}

export class FactsBuilder {
  private readonly documents = new Map<string, DocumentFact>();
  private readonly nodes = new Map<string, { node: NodeFact; aliases: Set<string> }>();
  private readonly rels = new Map<string, { rel: RelationshipFact; evidence: Map<string, Evidence> }>();

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  addDocument(doc: DocumentFact): void {
    if (!this.documents.has(doc.id)) this.documents.set(doc.id, doc);
  }

  addNode(id: string, label: NodeLabel, name: string, aliases: Iterable<string> = [], props: Props = {}): void {
    let entry = this.nodes.get(id);
    if (!entry) {
      entry = { node: { id, label, name, aliases: [], props: {} }, aliases: new Set() };
      this.nodes.set(id, entry);
    }
    for (const a of aliases) if (a) entry.aliases.add(a);
    const target = entry.node.props;
    // for…in, not Object.entries: no array per call (this runs for every fact of every document).
    for (const k in props) {
      const v = props[k];
      if (v === undefined) continue;
      if (!(k in target) || target[k] === null) target[k] = v;
      else if (k === 'group' && v === true) target[k] = true;
    }
  }

  addRelationship(type: RelationshipType, from: string, to: string, props: Props = {}, evidence: Evidence[] = []): void {
    const clean: Props = {};
    for (const k in props) if (props[k] !== undefined) clean[k] = props[k]!;
    const key = relationshipKey({ type, from, to, props: clean });
    let entry = this.rels.get(key);
    if (!entry) {
      entry = { rel: { type, from, to, props: clean, evidence: [] }, evidence: new Map() };
      this.rels.set(key, entry);
    } else {
      for (const k in clean) {
        const v = clean[k]!;
        const old = entry.rel.props[k];
        if (old === undefined) entry.rel.props[k] = v;
        else if (k === 'rank' && typeof v === 'number' && typeof old === 'number' && v < old) entry.rel.props[k] = v;
      }
    }
    for (const e of evidence) entry.evidence.set(`${e.document}\u0000${e.start}\u0000${e.end}`, e);
  }

  merge(facts: GraphFacts): void {
    for (const d of facts.documents) this.addDocument(d);
    for (const n of facts.nodes) this.addNode(n.id, n.label, n.name, n.aliases, n.props);
    for (const r of facts.relationships) this.addRelationship(r.type, r.from, r.to, r.props, r.evidence);
  }

  /**
   * Relationships that come from the gazetteer (who governs a district, which group an agency belongs to,
   * where a park lies) are true whatever the text says; their evidence only shows where the entity was
   * named. One span per document is enough for that, and keeps hub edges such as 长乐区政府 → 长乐区 from
   * carrying every mention of the agency in an archive.
   */
  private static readonly SPANS_PER_DOCUMENT: Partial<Record<RelationshipType, number>> = { GOVERNS: 1, MEMBER_OF: 1, LOCATED_IN: 1 };

  private static capEvidence(type: RelationshipType, sorted: Evidence[]): Evidence[] {
    const cap = FactsBuilder.SPANS_PER_DOCUMENT[type];
    if (cap === undefined) return sorted;
    const perDoc = new Map<string, number>();
    return sorted.filter((e) => {
      const n = perDoc.get(e.document) ?? 0;
      perDoc.set(e.document, n + 1);
      return n < cap;
    });
  }

  /*
   * Ids and keys are unique and sorted with the default sort, which orders strings by code unit exactly
   * as cmp does but without a call into JavaScript per comparison (sorting was the hottest spot).
   */
  build(): GraphFacts {
    const documents = [...this.documents.values()].sort((a, b) => cmp(a.id, b.id));
    const nodes = [...this.nodes.keys()].sort().map((id) => {
      const { node, aliases } = this.nodes.get(id)!;
      return { ...node, aliases: [...aliases].sort(), props: sortProps(node.props) };
    });
    const relationships = [...this.rels.keys()].sort()
      .map((key) => this.rels.get(key)!)
      .map(({ rel, evidence }) => ({
        ...rel,
        props: sortProps(rel.props),
        evidence: FactsBuilder.capEvidence(
          rel.type,
          [...evidence.values()].sort((a, b) => cmp(a.document, b.document) || a.start - b.start || a.end - b.end),
        ),
      }));
    return { documents, nodes, relationships };
  }
}

function sortProps(p: Props): Props {
  const out: Props = {};
  for (const k of Object.keys(p).sort()) out[k] = p[k]!;
  return out;
}

/** Merges the facts of many documents; pass them in document-id order for stable names and props. */
export function mergeFacts(list: GraphFacts[]): GraphFacts {
  const b = new FactsBuilder();
  for (const f of list) b.merge(f);
  return b.build();
}
