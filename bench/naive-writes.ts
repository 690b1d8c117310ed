/*
 * The naive baseline of bench/load.bench.ts: every fact (node or relationship) MERGEd in its own
 * transaction, as a straightforward loader would do. Run on a sample and extrapolated.
 */
import { loadCypher } from '../server/graph/cypher-files.ts';
import type { GraphDb } from '../server/graph/graph-db.ts';
import type { PreparedDocument } from '../server/graph/writer/prepare-facts.ts';
import { cypherForType } from '../server/graph/writer/relationship-cypher.ts';

export async function naiveSample(db: GraphDb, docs: PreparedDocument[]): Promise<{ docs: number; facts: number; seconds: number }> {
  const node = loadCypher('writer/bench/naive-node').text;
  const started = performance.now();
  let facts = 0;
  for (const d of docs) {
    await db.write(node, { id: d.docNodeId, label: 'Document', props: d.documentProps, docId: d.docId, docNodeId: null, aliases: [] });
    facts += 1;
    for (const n of d.nodes) {
      // Each node fact carries its support record: the STATES relationship from the document.
      await db.write(node, { id: n.id, label: n.label, props: { ...n.props, aliases: n.aliases }, docId: d.docId, docNodeId: d.docNodeId, aliases: n.aliases });
      facts += 1;
    }
    for (const row of d.relationships) {
      await db.write(cypherForType('writer/bench/naive-relationship', row.type), { row, docId: d.docId });
      facts += 1;
    }
  }
  return { docs: docs.length, facts, seconds: (performance.now() - started) / 1000 };
}
