/*
 * What was read from a document, counted once at load time and stored on its Document node, so the
 * document library (GET /api/documents) lists thousands of documents with their counts without walking
 * their facts. Pure: computed from the prepared rows, the same ones the writer writes.
 */
import type { NodeLabel, PropValue } from '../../extract/graph-facts.ts';

/** What the load path knows about a document besides its facts. */
export interface DocumentMeta {
  /** The file's size in bytes, as uploaded or read. */
  size?: number;
  /** Warnings of the extraction (no structure, no lists, units not in the gazetteer …), as messages. */
  warnings?: readonly string[];
}

/** Labels counted as the document's entities: who and where, not its tasks, plans or figures. */
export const ENTITY_LABELS: readonly NodeLabel[] = ['Agency', 'District', 'Park', 'Platform', 'Company', 'Institution', 'Event'];

/** The Document node properties that hold the counts; null on documents loaded before they were stored. */
export interface DocumentCounts {
  tasks: number;
  /** Distinct (unit, task) pairs of RESPONSIBLE_FOR, whatever the roles. */
  responsibilities: number;
  entities: number;
  targets: number;
  observations: number;
  warnings: number;
}

export function documentReadings(
  nodes: Iterable<{ label: NodeLabel }>,
  relationships: Iterable<{ type: string; from: string; to: string }>,
  meta: DocumentMeta,
): Record<string, PropValue> {
  const byLabel = new Map<NodeLabel, number>();
  for (const n of nodes) byLabel.set(n.label, (byLabel.get(n.label) ?? 0) + 1);
  const pairs = new Set<string>();
  for (const r of relationships) if (r.type === 'RESPONSIBLE_FOR') pairs.add(`${r.from}\u0000${r.to}`);
  const warnings = [...(meta.warnings ?? [])];
  return {
    size: meta.size ?? null,
    taskCount: byLabel.get('Task') ?? 0,
    responsibilityCount: pairs.size,
    entityCount: ENTITY_LABELS.reduce((sum, l) => sum + (byLabel.get(l) ?? 0), 0),
    targetCount: byLabel.get('Target') ?? 0,
    observationCount: byLabel.get('Observation') ?? 0,
    warningCount: warnings.length,
    warnings,
  };
}
