/*
 * Search keys stored on every node (docs/graph-storage.md): pinyin and initials for typing 长乐 as
 * "changle" or "clq", and aliasText because Neo4j full-text indexes skip list properties.
 */
import { pinyin } from 'pinyin-pro';

export interface SearchKeys {
  pinyin: string;
  initials: string;
}

const cache = new Map<string, SearchKeys>();

/** Lowercase toneless pinyin without spaces, and its first letters; non-Chinese runs are kept as they are. */
export function searchKeys(name: string): SearchKeys {
  const hit = cache.get(name);
  if (hit) return hit;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const parts = syllables.map((s) => s.toLowerCase().replace(/\s+/g, '')).filter((s) => s.length > 0);
  const keys = { pinyin: parts.join(''), initials: parts.map((s) => (/^[a-z]/.test(s) ? s[0] : s)).join('') };
  // Names repeat across thousands of documents (agencies, districts); the cache keeps pinyin off the hot path.
  if (cache.size < 100_000) cache.set(name, keys);
  return keys;
}

/** `name | alias | …` without repeats, the text the full-text index sees. */
export function aliasText(name: string, aliases: readonly string[]): string {
  return [...new Set([name, ...aliases])].join(' | ');
}

/** Longest aliasText kept: the TEXT index on it refuses values over 32 KB (see merge-existing-nodes.cypher). */
export const ALIAS_TEXT_LIMIT = 4000;

/**
 * aliasText as the writer stores it: aliases in the given order, each skipped once the text would pass
 * ALIAS_TEXT_LIMIT characters. Must agree with the reduce() in merge-existing-nodes.cypher and
 * reset-node-support.cypher, which extend or rebuild the same text inside Neo4j (the limit reaches
 * them as the $aliasTextLimit parameter).
 */
export function cappedAliasText(name: string, aliases: readonly string[]): string {
  let text = name;
  let length = [...name].length;
  for (const a of aliases) {
    if (a === name) continue;
    const n = [...a].length;
    if (length + n > ALIAS_TEXT_LIMIT) continue;
    text += ` | ${a}`;
    length += n + 3;
  }
  return text;
}
