/*
 * The LOAD CSV side of bench/load.bench.ts: exports the graph the loader wrote into CSV files (one for
 * nodes, one per relationship type, every property kept with its type) and loads them back with
 * Neo4j's LOAD CSV, so both paths write exactly the same graph.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCypher } from '../server/graph/cypher-files.ts';
import type { GraphDb } from '../server/graph/graph-db.ts';
import { cypherForType } from '../server/graph/writer/relationship-cypher.ts';
import type { RelationshipType } from '../server/extract/graph-facts.ts';

const LIST = '\u001f';
const VALUE = '\u001e';

export interface CsvFiles { nodes: string; relationships: Map<RelationshipType, string> }

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** keys / values / types columns for a property map (lists joined with U+001F, values with U+001E). */
function typedColumns(props: Record<string, unknown>, skip: Set<string>): string[] {
  const keys: string[] = [];
  const values: string[] = [];
  const types: string[] = [];
  for (const [k, v] of Object.entries(props)) {
    if (skip.has(k) || v === null || v === undefined) continue;
    keys.push(k);
    if (Array.isArray(v)) {
      const nums = v.length > 0 && v.every((x) => typeof x === 'number');
      types.push(nums ? (v.every((x) => Number.isInteger(x)) ? 'li' : 'lf') : 'ls');
      values.push(v.map(String).join(LIST));
    } else {
      types.push(typeof v === 'number' ? (Number.isInteger(v) ? 'i' : 'f') : typeof v === 'boolean' ? 'b' : 's');
      values.push(String(v));
    }
  }
  return [keys.join(LIST), values.join(VALUE), types.join(LIST)];
}

export async function writeGraphCsv(db: GraphDb, dir: string): Promise<CsvFiles> {
  fs.mkdirSync(dir, { recursive: true });
  const nodes = await db.read<{ id: string; label: string; props: Record<string, unknown> }>(loadCypher('writer/bench/export-nodes').text);
  const nodeLines = ['id,label,keys,values,types'];
  for (const n of nodes) nodeLines.push([n.id, n.label, ...typedColumns(n.props, new Set(['id']))].map(quote).join(','));
  fs.writeFileSync(path.join(dir, 'nodes.csv'), `${nodeLines.join('\n')}\n`);

  const rels = await db.read<{ type: RelationshipType; from: string; to: string; props: Record<string, unknown> }>(loadCypher('writer/bench/export-relationships').text);
  const byType = new Map<RelationshipType, string[]>();
  for (const r of rels) {
    const lines = byType.get(r.type) ?? ['from,to,key,keys,values,types'];
    lines.push([r.from, r.to, String(r.props.key ?? ''), ...typedColumns(r.props, new Set(['key']))].map(quote).join(','));
    byType.set(r.type, lines);
  }
  const relationships = new Map<RelationshipType, string>();
  for (const [type, lines] of byType) {
    const file = `rels-${type}.csv`;
    fs.writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
    relationships.set(type, file);
  }
  return { nodes: 'nodes.csv', relationships };
}

/** LOAD CSV of nodes, then of each relationship type; returns seconds. */
export async function loadCsv(db: GraphDb, baseUrl: string, files: CsvFiles): Promise<number> {
  const started = performance.now();
  // LOAD CSV … IN TRANSACTIONS needs an auto-commit transaction.
  await db.autoCommit(loadCypher('writer/bench/load-csv-nodes').text, { url: `${baseUrl}/${files.nodes}` });
  for (const [type, file] of files.relationships) {
    await db.autoCommit(cypherForType('writer/bench/load-csv-relationships', type), { url: `${baseUrl}/${file}` });
  }
  return (performance.now() - started) / 1000;
}
