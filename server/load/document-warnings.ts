/*
 * What a reader of a document should be warned about before trusting what was read from it: nothing
 * recognisable, tasks without any responsibility list, units the gazetteer does not know (named by rule,
 * so they may be a misprint or an agency to add). Computed once per extraction by the load path, so the
 * CLI's summary, the stored Document node and the upload preview say the same thing. Pure.
 */
import type { Gazetteer } from '../extract/gazetteer.ts';
import type { GraphFacts } from '../extract/graph-facts.ts';

export type WarningCode = 'empty' | 'no-structure' | 'no-lists' | 'unresolved-unit' | 'extractor';

export interface DocumentWarning {
  code: WarningCode;
  message: string;
  /** The printed unit, for unresolved-unit. */
  unit?: string;
}

/** The extractor's own warnings, classified by what they say. */
function classify(message: string): WarningCode {
  if (/empty document/.test(message)) return 'empty';
  if (/no recognisable structure/.test(message)) return 'no-structure';
  return 'extractor';
}

export function documentWarnings(file: string, facts: GraphFacts, extractorWarnings: readonly string[], gazetteer: Gazetteer): DocumentWarning[] {
  const out: DocumentWarning[] = extractorWarnings.map((message) => ({ code: classify(message), message }));
  const names = new Map(facts.nodes.map((n) => [n.id, n.name]));
  const tasks = facts.nodes.filter((n) => n.label === 'Task').length;
  const responsible = facts.relationships.filter((r) => r.type === 'RESPONSIBLE_FOR');
  if (tasks > 0 && responsible.length === 0) {
    out.push({ code: 'no-lists', message: `${file}: no responsibility lists (责任单位, 牵头单位 …) found for its ${tasks} tasks` });
  }
  const unresolved = new Set<string>();
  for (const r of responsible) {
    const name = names.get(r.from);
    if (name !== undefined && !gazetteer.byName.has(name)) unresolved.add(name);
  }
  for (const unit of unresolved) {
    out.push({ code: 'unresolved-unit', unit, message: `${file}: responsible unit ${unit} is not in the gazetteer (named by rule)` });
  }
  return out;
}
