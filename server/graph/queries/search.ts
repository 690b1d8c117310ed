/*
 * Entity search: Chinese full-text (the cjk index `entity_names` over name and aliases), exact alias
 * matches, and pinyin (full or initials, `clq` / `changle` → 长乐区) for people who type Latin letters.
 * Ranked in Cypher; the alias that matched is worked out here so the client can show why a hit came up.
 */
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';
import { primaryLabel } from './graph-elements.ts';

export interface SearchHit {
  id: string;
  label: string;
  labels: string[];
  name: string;
  matched: string | null;
  matchedBy: string[];
  /** an agency's area (全国, 福建省, 广州市…): two cities' 人社局 differ only by it */
  jurisdiction: string | null;
  score: number;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Makes user text safe as a Lucene query: operators escaped, boolean words lowered. */
export function toLuceneQuery(q: string): string {
  return q.replace(LUCENE_SPECIAL, '\\$&').replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase()).trim();
}

/** Latin input normalised for the pinyin properties, or '' when the text is not pinyin-like. */
export function toPinyinKey(q: string): string {
  const t = q.trim().toLowerCase().replace(/[\s']+/g, '');
  return /^[a-z]+$/.test(t) ? t : '';
}

/**
 * The parameters of cypher/api/search.cypher for a search: the full-text query (an empty one, all special
 * characters, skips the full-text branch), the pinyin key, the labels (null: any) and the page size. The
 * endpoint, the plan warming and the benchmark send these, so a plan warmed or timed is the endpoint's own.
 */
export function searchParams(q: string, labels: string[] | null, limit: number): Record<string, unknown> {
  const lucene = toLuceneQuery(q);
  return { q: q.trim(), lucene: lucene === '' ? '""' : lucene, useLucene: lucene !== '', pinyin: toPinyinKey(q), labels, limit };
}

export async function searchEntities(db: GraphDb, q: string, labels: string[] | undefined, limit: number, timeoutMs: number): Promise<SearchHit[]> {
  const rows = await db.read<{ id: string; labels: string[]; name: string | null; aliases: string[] | null; jurisdiction: string | null; score: number; how: string[] }>(
    loadApiCypher('search'), searchParams(q, labels ?? null, limit), { timeoutMs },
  );
  const needle = q.trim().toLowerCase();
  return rows.map(({ id, labels: nodeLabels, name: rawName, aliases: rawAliases, jurisdiction, score, how }) => {
    const name = rawName ?? '';
    const aliases = rawAliases ?? [];
    // A name or alias equal to the query first: 丽水市发改委 came up for 市发改委 by its name, which contains it,
    // yet 市发改委 is its printed alias, and the console resolves a typed name by the alias that matched.
    const all = [name, ...aliases];
    const matched = all.find((a) => a.toLowerCase() === needle) ?? all.find((a) => a.toLowerCase().includes(needle))
      ?? (how.includes('pinyin') ? name : aliases.find((a) => a !== name) ?? name);
    return {
      id,
      label: primaryLabel(nodeLabels),
      labels: nodeLabels,
      name,
      matched,
      matchedBy: how,
      jurisdiction: jurisdiction ?? null,
      score: Math.round(score * 1000) / 1000,
    };
  });
}
