// Shared test helpers: the real gazetteer, seed and fixture files, and pair extraction.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument, type ExtractResult, type Gazetteer } from '../../../server/extract/index.ts';
import { readGazetteer } from '../../../server/extract/read-gazetteer.ts';
import type { GraphFacts, NodeFact } from '../../../server/extract/graph-facts.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SEEDS = path.join(ROOT, 'seeds', 'documents');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'documents');

let gaz: Gazetteer | undefined;
export function gazetteer(): Gazetteer {
  return (gaz ??= readGazetteer(path.join(ROOT, 'seeds', 'gazetteer')));
}

export function extractFile(file: string): ExtractResult {
  const id = path.basename(file, path.extname(file));
  return extractDocument({ id, file: path.basename(file), bytes: new Uint8Array(readFileSync(file)), gazetteer: gazetteer() });
}

/** "path|printed unit|role" for every RESPONSIBLE_FOR evidence, sorted. */
export function responsibilityPairs(facts: GraphFacts): string[] {
  const out: string[] = [];
  for (const r of facts.relationships) {
    if (r.type !== 'RESPONSIBLE_FOR') continue;
    const task = facts.nodes.find((n) => n.id === r.to)!;
    for (const e of r.evidence) out.push(`${String(task.props.path)}|${e.text}|${String(r.props.role)}`);
  }
  return out.sort();
}

/** The agency node responsible for the first task under the printed unit `printed`. */
export function unit(facts: GraphFacts, printed: string): NodeFact {
  const rel = facts.relationships.find((r) => r.type === 'RESPONSIBLE_FOR' && r.evidence.some((e) => e.text === printed));
  if (!rel) throw new Error(`no RESPONSIBLE_FOR printed as ${printed}`);
  return facts.nodes.find((n) => n.id === rel.from)!;
}

/** An agency node's id and the area it belongs to: [id, jurisdiction, jurisdictionLevel]. */
export function where(n: NodeFact): [string, unknown, unknown] {
  return [n.id, n.props.jurisdiction, n.props.jurisdictionLevel];
}
