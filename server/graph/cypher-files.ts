/*
 * Cypher lives in cypher/*.cypher files, each with a header of `// key: value` comment lines (title,
 * description, parameters, …). This module loads them by name and splits multi-statement files, so no
 * query text is assembled from strings in TypeScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');

export interface CypherFile {
  name: string;
  /** Header fields; a key repeated (e.g. `param`) collects into an array. Continuation lines start with `//   `. */
  header: Record<string, string | string[]>;
  /** The query text without the header. */
  text: string;
}

const cache = new Map<string, CypherFile>();

export function parseCypherFile(name: string, source: string): CypherFile {
  const header: Record<string, string | string[]> = {};
  const lines = source.split(/\r?\n/);
  let i = 0;
  let lastKey: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // `// key: value`, or `// param name: type …` where the key is followed by a space, not a colon.
    const field = /^\/\/\s*([A-Za-z][\w.-]*):\s?(.*)$/.exec(line) ?? /^\/\/\s*(param)\s+(\S.*)$/.exec(line);
    const continuation = /^\/\/\s{2,}(\S.*)$/.exec(line);
    if (continuation && lastKey && !field) {
      const prev = header[lastKey];
      if (Array.isArray(prev)) prev[prev.length - 1] += ` ${continuation[1]}`;
      else header[lastKey] = `${prev ?? ''} ${continuation[1]}`.trim();
      continue;
    }
    if (!field) break;
    const key = field[1]!;
    const value = (field[2] ?? '').trim();
    const prev = header[key];
    header[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    lastKey = key;
  }
  return { name, header, text: lines.slice(i).join('\n').trim() };
}

/** Loads cypher/<name>.cypher (name may contain a sub-folder, e.g. "queries/tasks-of-agency"). */
export function loadCypher(name: string, dir = CYPHER_DIR): CypherFile {
  const key = `${dir}::${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = path.join(dir, `${name}.cypher`);
  const parsed = parseCypherFile(name, fs.readFileSync(file, 'utf8'));
  cache.set(key, parsed);
  return parsed;
}

/** Splits a file into statements at semicolons that end a line, dropping comment-only lines. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.split(/\r?\n/).filter((l) => !/^\s*\/\//.test(l)).join('\n').trim())
    .filter((s) => s.length > 0);
}
