// Facts that every document of an archive repeats must not grow with each mention: they are rewritten on
// every load of every document, and search ranks by aliases.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/extract/index.ts';
import { gazetteer } from './helpers.ts';

const SHA = '0'.repeat(64);

const plan = [
  '2024年某市数字经济工作要点',
  '一、夯实基础',
  '1.建设基站。今年建成5G基站3000个以上。(责任单位:长乐区政府、马尾区政府)',
  '2.扩大覆盖。到2025年,5G基站达到5000个左右。(责任单位:长乐区政府)',
  '3.推进应用。加快长乐区政府牵头的示范项目建设。(责任单位:长乐区政府)',
].join('\n');

describe('facts repeated across an archive', () => {
  it('names an indicator by the quantity only, never by the sentences that give it a value', () => {
    const { facts } = extractText('growth', 'growth.txt', plan, SHA, gazetteer());
    const indicator = facts.nodes.find((n) => n.id === 'indicator:5G基站');
    expect(indicator).toBeDefined();
    for (const alias of indicator!.aliases) expect(alias).not.toMatch(/3000|5000|个|以上|左右/);
    expect(facts.nodes.filter((n) => n.label === 'Target' && String(n.id).includes('5G基站'))).toHaveLength(2);
  });

  it('keeps one evidence span per document for a relation the gazetteer supplies, however often the agency is printed', () => {
    const { facts } = extractText('growth', 'growth.txt', plan, SHA, gazetteer());
    const governs = facts.relationships.find((r) => r.type === 'GOVERNS' && r.from === 'agency:长乐区政府');
    expect(governs?.to).toBe('district:长乐区');
    expect(governs?.evidence).toHaveLength(1);
    expect(plan.slice(governs!.evidence[0]!.start, governs!.evidence[0]!.end)).toBe(governs!.evidence[0]!.text);
    // Responsibility stays fully evidenced: three printed lists name 长乐区政府.
    const responsible = facts.relationships.filter((r) => r.type === 'RESPONSIBLE_FOR' && r.from === 'agency:长乐区政府');
    expect(responsible).toHaveLength(3);
  });
});
