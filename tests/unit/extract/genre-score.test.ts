import { describe, expect, it } from 'vitest';
import type { GraphFacts, NodeFact, RelationshipFact } from '../../../server/extract/graph-facts.ts';
import { extractedPairs, formatTable, parseGold, scoreDocument, totals, type GoldDocument } from './genre-score.ts';

// A tiny hand-made document: two tasks, three printed units, one of them in traditional script.
const gold: GoldDocument = {
  file: 'tiny.txt', source: 'https://example.org/tiny', issuer: '某省人民政府办公厅',
  jurisdiction: { level: 'province', name: '某省' }, negative: false,
  pairs: [
    { task: '加强市场体系建设', unit: '省發展改革委', role: 'lead', jurisdiction: '某省' },
    { task: '加强市场体系建设', unit: '工业和信息化部', role: 'support', jurisdiction: '全国' },
    { task: '优化市场准入环境', unit: '省市场监管局', role: 'responsible', jurisdiction: '某省' },
  ],
};

function facts(rows: { task: string; unit: string; role: string; jurisdiction?: string }[]): GraphFacts {
  const nodes: NodeFact[] = [];
  const relationships: RelationshipFact[] = [];
  rows.forEach((r, i) => {
    nodes.push({ id: `task:${i}`, label: 'Task', name: r.task, aliases: [], props: { title: r.task } });
    nodes.push({ id: `agency:${i}`, label: 'Agency', name: r.unit, aliases: [], props: r.jurisdiction ? { jurisdiction: r.jurisdiction } : {} });
    relationships.push({ type: 'RESPONSIBLE_FOR', from: `agency:${i}`, to: `task:${i}`, props: { role: r.role }, evidence: [{ document: 'tiny', start: 0, end: r.unit.length, text: r.unit }] });
  });
  return { documents: [], nodes, relationships };
}

const perfect = [
  { task: '加强市场体系建设。推进高标准市场体系建设', unit: '省发展改革委', role: 'lead', jurisdiction: '某省' },
  { task: '加强市场体系建设。推进高标准市场体系建设', unit: ' 工业和信息化部 ', role: 'support', jurisdiction: '全国' },
  { task: '优化市场准入环境', unit: '省市场监管局', role: 'responsible', jurisdiction: '某省' },
];

describe('the genre scorer', () => {
  it('scores an extraction equal to the gold (up to script, spaces and a longer title) as F1 1', () => {
    const s = scoreDocument('tiny', gold, extractedPairs(facts(perfect)));
    expect([s.matched, s.precision, s.recall, s.f1, s.roleErrors.length, s.jurisdictionErrors.length]).toEqual([3, 1, 1, 1, 0, 0]);
  });

  it('counts a wrong role, a missing unit, an extra unit and a wrong jurisdiction against the extractor', () => {
    const bad = [
      { ...perfect[0]!, role: 'responsible' },
      { ...perfect[2]!, jurisdiction: '福州市' },
      { task: '优化市场准入环境', unit: '各有关部门', role: 'support', jurisdiction: '某省' },
    ];
    const s = scoreDocument('tiny', gold, extractedPairs(facts(bad)));
    expect([s.gold, s.extracted, s.matched]).toEqual([3, 3, 1]);
    expect(s.f1).toBeCloseTo(1 / 3);
    expect(s.roleErrors.map((e) => [e.gold.unit, e.extractedRole])).toEqual([['省發展改革委', 'responsible']]);
    expect(s.missed.map((g) => g.unit)).toEqual(['省發展改革委', '工业和信息化部']);
    expect(s.spurious.map((e) => e.unit)).toEqual(['省发展改革委', '各有关部门']);
    expect(s.jurisdictionErrors.map((e) => e.extractedJurisdiction)).toEqual(['福州市']);
  });

  it('lets each extracted occurrence match one gold pair only, and a task only by its prefix', () => {
    const twice = { ...gold, pairs: [gold.pairs[2]!, gold.pairs[2]!] };
    expect(scoreDocument('tiny', twice, extractedPairs(facts([perfect[2]!]))).matched).toBe(1);
    const otherTask = [{ ...perfect[2]!, task: '持续优化市场准入环境' }];
    expect(scoreDocument('tiny', gold, extractedPairs(facts(otherTask))).matched).toBe(0);
  });

  it('counts a missing agency jurisdiction as a jurisdiction error', () => {
    const s = scoreDocument('tiny', gold, extractedPairs(facts([{ ...perfect[2]!, jurisdiction: undefined }])));
    expect(s.jurisdictionErrors.map((e) => e.extractedJurisdiction)).toEqual([undefined]);
  });

  it('adds documents up micro-averaged and reports pairs found in negative controls', () => {
    const negative: GoldDocument = { ...gold, negative: true, pairs: [] };
    const scores = [
      scoreDocument('tiny', gold, extractedPairs(facts(perfect))),
      scoreDocument('rule-only', negative, extractedPairs(facts([perfect[0]!]))),
    ];
    const t = totals(scores);
    expect([t.gold, t.extracted, t.matched, t.negativePairs]).toEqual([3, 4, 3, 1]);
    expect(t.precision).toBeCloseTo(0.75);
    expect(t.recall).toBe(1);
    expect(formatTable(scores)).toMatch(/rule-only \(-\)\s+0\s+1\s+0/);
  });

  it('rejects a gold file that is not the agreed format, naming the file and the field', () => {
    expect(() => parseGold('x.json', '{')).toThrow(/^x\.json: not JSON/);
    const roleTypo = JSON.stringify({ ...gold, pairs: [{ ...gold.pairs[0], role: 'leader' }] });
    expect(() => parseGold('x.json', roleTypo)).toThrow(/^x\.json: pairs\.0\.role/);
    const negativeWithPairs = JSON.stringify({ ...gold, negative: true });
    expect(() => parseGold('x.json', negativeWithPairs)).toThrow(/^x\.json: pairs: a negative control must have pairs: \[\]/);
  });
});
