import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../server/extract/gazetteer.ts';
import type { GraphFacts } from '../../../server/extract/graph-facts.ts';
import { documentWarnings } from '../../../server/load/document-warnings.ts';

const gazetteer = loadGazetteer('city: 福州\nentities:\n  - { name: 福州市大数据委, type: agency, level: city }\n');

const SHA = 'a'.repeat(64);
function facts(units: string[], tasks = 1): GraphFacts {
  const nodes: GraphFacts['nodes'] = [];
  const relationships: GraphFacts['relationships'] = [];
  for (let i = 1; i <= tasks; i++) nodes.push({ id: `task:d:${i}`, label: 'Task', name: `任务${i}`, aliases: [], props: {} });
  for (const u of units) {
    nodes.push({ id: `agency:${u}`, label: 'Agency', name: u, aliases: [], props: {} });
    relationships.push({ type: 'RESPONSIBLE_FOR', from: `agency:${u}`, to: 'task:d:1', props: { role: 'responsible' }, evidence: [] });
  }
  return { documents: [{ id: 'd', file: 'd.txt', title: 'd', kind: 'plan', sha256: SHA }], nodes, relationships };
}

describe('documentWarnings', () => {
  it('names each responsible unit the gazetteer does not know, once', () => {
    const w = documentWarnings('d.txt', facts(['福州市大数据委', '福州市青禾中心', '福州市青禾中心']), [], gazetteer);
    expect(w).toEqual([expect.objectContaining({ code: 'unresolved-unit', unit: '福州市青禾中心' })]);
    expect(w[0]!.message).toContain('d.txt');
  });

  it('warns when tasks were found but no responsibility list', () => {
    expect(documentWarnings('d.txt', facts([], 3), [], gazetteer)).toEqual([
      expect.objectContaining({ code: 'no-lists', message: expect.stringContaining('3 tasks') }),
    ]);
  });

  it("keeps the extractor's own warnings, classified", () => {
    const w = documentWarnings('d.txt', facts([], 0), ['d.txt: no recognisable structure (no numbered items)', 'd.txt: empty document', 'd.txt: other'], gazetteer);
    expect(w.map((x) => x.code)).toEqual(['no-structure', 'empty', 'extractor']);
  });
});
