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
