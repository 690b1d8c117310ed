/*
 * File-system side of extraction: expand file and folder arguments into document files and read
 * them. Kept apart from the pure extractors so that the loader can reuse it and tests need no disk.
 */
import { readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a folder argument contributes; a file named explicitly is read whatever its extension. */
export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

export class InputError extends Error {
  override readonly name = 'InputError';
}

export interface DocumentFile { id: string; file: string; bytes: Uint8Array }

/** Document id: the base name without extension. */
export function documentIdOf(file: string): string {
  return path.basename(file, path.extname(file));
}

/**
 * The document files below a folder, recursively and sorted, hidden entries skipped. Shared by the
 * extract command and the loader, so both see the same corpus in the same folder.
 */
export function walkDocuments(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkDocuments(p));
    else if (e.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

/** Expands arguments into a sorted, duplicate-free list of document files; throws InputError. */
export async function expandInputs(args: string[]): Promise<string[]> {
  if (args.length === 0) throw new InputError('no input: pass one or more files or folders');
  const files: string[] = [];
  for (const a of args) {
    let s;
    try {
      s = await stat(a);
    } catch {
      throw new InputError(`${a}: no such file or folder`);
    }
    if (s.isDirectory()) {
      const found = walkDocuments(a);
      if (found.length === 0) throw new InputError(`${a}: folder contains no .txt, .md or .html files`);
      files.push(...found);
    } else files.push(a);
  }
  const unique = [...new Set(files)];
  const ids = new Map<string, string>();
  for (const f of unique) {
    const id = documentIdOf(f);
    const other = ids.get(id);
    if (other) throw new InputError(`${f}: document id "${id}" is also used by ${other}`);
    ids.set(id, f);
  }
  return unique.sort((a, b) => {
    const x = documentIdOf(a);
    const y = documentIdOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export async function readDocumentFile(file: string): Promise<DocumentFile> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    return { id: documentIdOf(file), file, bytes };
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
