/*
 * Expands the CLI's files and folders into the list of documents to load: folders recursively (text,
 * Markdown and HTML files, hidden entries skipped), in a stable sorted order so two runs agree on
 * what "the same corpus" is. A path that does not exist is reported, not thrown, so the rest loads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { walkDocuments } from '../extract/read-document-file.ts';

export interface CollectedFiles {
  files: string[];
  missing: { file: string; reason: string }[];
}

export function collectFiles(paths: readonly string[]): CollectedFiles {
  const files = new Set<string>();
  const missing: CollectedFiles['missing'] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      missing.push({ file: p, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) for (const f of walkDocuments(abs)) files.add(f);
    else files.add(abs); // a file named explicitly is loaded whatever its extension
  }
  return { files: [...files].sort(), missing };
}
