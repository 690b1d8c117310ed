/*
 * File-system side of extraction: expand file and folder arguments into document files and read
 * them. Kept apart from the pure extractors so that the loader can reuse it and tests need no disk.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

export class InputError extends Error {
  override readonly name = 'InputError';
}

export interface DocumentFile { id: string; file: string; bytes: Uint8Array }

/** Document id: the base name without extension. */
export function documentIdOf(file: string): string {
  return path.basename(file, path.extname(file));
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(p);
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
      const found = await walk(a);
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
