import { describe, expect, it } from 'vitest';
import { formatTable, totals } from './genre-score.ts';
import { scoreGenreCorpus } from './genre-corpus-files.ts';

const corpus = scoreGenreCorpus();
const scores = corpus.map((e) => e.score);
const total = totals(scores);
console.log(`\nGenre corpus: responsibility pairs against the hand-written gold\n${formatTable(scores)}\n`);

describe('the genre corpus of real documents', () => {
  it('has gold tables for national and provincial documents, with negative controls among them', () => {
    const levels = new Set(corpus.map((e) => e.gold.jurisdiction.level));
    expect([levels.has('national'), levels.has('province')]).toEqual([true, true]);
    expect(corpus.filter((e) => e.gold.negative).length).toBeGreaterThan(0);
    expect(total.gold).toBeGreaterThan(0);
  });

  it('gives no responsibility relationship at all for a negative control', () => {
    const leaks = corpus.filter((e) => e.gold.negative && e.responsibleFor > 0).map((e) => `${e.slug}: ${e.responsibleFor}`);
    expect(leaks).toEqual([]);
  });

  it('resolves every matched unit to the jurisdiction the gold names', () => {
    const wrong = scores.flatMap((s) => s.jurisdictionErrors.map((j) => `${s.slug}: ${j.gold.unit} → ${j.extractedJurisdiction ?? '(none)'}, expected ${j.gold.jurisdiction}`));
    expect(wrong).toEqual([]);
  });

  it('reads the responsibility pairs with an overall F1 of at least 0.97', () => {
    expect(total.f1).toBeGreaterThanOrEqual(0.97);
  });
});
