/*
 * Reads the genre corpus from disk: every gold table in tests/fixtures/gold/genre/ (whoever wrote it)
 * with its document in tests/fixtures/documents/genre/, extracted with the project's gazetteer.
 * Shared by the corpus test and tests/fixtures/scripts/score-genre.ts so both score the same thing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFile, FIXTURES, ROOT } from './helpers.ts';
import { extractedPairs, parseGold, scoreDocument, type DocumentScore, type GoldDocument } from './genre-score.ts';

export const GENRE_GOLD = path.join(ROOT, 'tests', 'fixtures', 'gold', 'genre');
export const GENRE_DOCUMENTS = path.join(FIXTURES, 'genre');

export interface GenreEntry {
  slug: string;
  gold: GoldDocument;
  /** RESPONSIBLE_FOR relationships the extractor gave for the document (all of them, for negatives) */
  responsibleFor: number;
  score: DocumentScore;
}

/** Scores every gold table of the corpus, sorted by slug; throws naming a gold file that is malformed or has no document. */
export function scoreGenreCorpus(): GenreEntry[] {
  const files = readdirSync(GENRE_GOLD).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => {
    const slug = path.basename(f, '.json');
    const gold = parseGold(f, readFileSync(path.join(GENRE_GOLD, f), 'utf8'));
    if (gold.file !== `${slug}.txt`) throw new Error(`${f}: file is "${gold.file}", expected "${slug}.txt"`);
    const doc = path.join(GENRE_DOCUMENTS, gold.file);
    if (!existsSync(doc)) throw new Error(`${f}: no document ${path.relative(ROOT, doc)}`);
    const facts = extractFile(doc).facts;
    const responsibleFor = facts.relationships.filter((r) => r.type === 'RESPONSIBLE_FOR').length;
    return { slug, gold, responsibleFor, score: scoreDocument(slug, gold, extractedPairs(facts)) };
  });
}
