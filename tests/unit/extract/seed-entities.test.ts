/*
 * The seeds' named entities against a hand count (tests/fixtures/gold/seed-entities.json): recall and
 * precision per type and overall. The count was made by reading the texts; optional names (kinds more
 * than names, names nested in others) count neither way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFacts } from '../../../server/extract/index.ts';
import { extractFile, ROOT, SEEDS } from './helpers.ts';

interface GoldName { type: string; name: string; aliases?: string[] }
const gold = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'gold', 'seed-entities.json'), 'utf8')) as {
  entities: GoldName[]; optional: GoldName[];
};
const TYPES = ['Park', 'Platform', 'Company', 'Institution', 'Event', 'Plan'] as const;
const fold = (s: string): string => s.replace(/[\s“”"‘’〈〉<>]/g, '');
const facts = mergeFacts(readdirSync(SEEDS).sort().map((f) => extractFile(path.join(SEEDS, f)).facts));

export interface Score { found: number; gold: number; correct: number; extracted: number; recall: number; precision: number; misses: string[]; wrong: string[] }

function score(types: readonly string[]): Score {
  const names = (g: GoldName): Set<string> => new Set([g.name, ...(g.aliases ?? [])].map(fold));
  const nodes = facts.nodes.filter((n) => types.includes(n.label));
  const matches = (n: (typeof nodes)[number], g: GoldName): boolean =>
    n.label === g.type && [n.name, ...n.aliases].some((a) => names(g).has(fold(a)));
  const wanted = gold.entities.filter((g) => types.includes(g.type));
  const misses = wanted.filter((g) => !nodes.some((n) => matches(n, g))).map((g) => g.name);
  // Optional names count neither way: a node that only matches one is left out of precision.
  const counted = nodes.filter((n) => wanted.some((g) => matches(n, g)) || !gold.optional.some((g) => matches(n, g)));
  const wrong = counted.filter((n) => !wanted.some((g) => matches(n, g))).map((n) => n.name);
  const found = wanted.length - misses.length;
  const correct = counted.length - wrong.length;
  return { found, gold: wanted.length, correct, extracted: counted.length, recall: found / wanted.length, precision: correct / counted.length, misses, wrong };
}

describe('named entities of the seed documents against the hand count', () => {
  // Reached when written: recall 106/108, precision 106/106 (issue 13 asks for 0.9 and 0.95).
  it('are found with recall of at least 0.97 and precision of at least 0.99 overall', () => {
    const all = score(TYPES);
    expect({ recall: all.recall, misses: all.misses }).toMatchObject({ recall: expect.toSatisfy((r: number) => r >= 0.97) });
    expect({ precision: all.precision, wrong: all.wrong }).toMatchObject({ precision: expect.toSatisfy((p: number) => p >= 0.99) });
  });

  it('reach recall 0.9 and precision 0.95 for every type on its own', () => {
    const table = Object.fromEntries(TYPES.map((t) => [t, score([t])]));
    for (const t of TYPES) {
      expect({ type: t, recall: table[t]!.recall >= 0.9, misses: table[t]!.misses }).toMatchObject({ type: t, recall: true });
      expect({ type: t, precision: table[t]!.precision >= 0.95, wrong: table[t]!.wrong }).toMatchObject({ type: t, precision: true });
    }
  });
});

export { score };
