/*
 * File-system side of extraction: expand file and folder arguments into document files and read
 * them. Kept apart from the pure extractors so that the loader can reuse it and tests need no disk.
 */
import { constants, readdirSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a folder argument contributes; a file named explicitly is read whatever its extension. */
export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.docx']);

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
    // A loop, not push(...): a folder of a few hundred thousand files would not fit on the stack as arguments.
    if (e.isDirectory()) for (const f of walkDocuments(p)) out.push(f);
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
      if (found.length === 0) throw new InputError(`${a}: folder contains no .txt, .md, .html or .docx files`);
      for (const f of found) files.push(f);
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

/** The default ceiling on one document file (MAX_DOCUMENT_SIZE, --max-size): far above any real plan. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} kB`;
  return `${n} bytes`;
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function refuseUnlessDocument(file: string, s: Stats, maxBytes: number): void {
  if (!s.isFile()) throw new InputError(`${file}: is ${kindOf(s)}; only regular files are read`);
  refuseAbove(file, s.size, maxBytes);
}

function refuseAbove(file: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new InputError(`${file}: is ${formatBytes(size)}, above the limit of ${formatBytes(maxBytes)} for one document (MAX_DOCUMENT_SIZE or --max-size)`);
  }
}

/**
 * Reads one document file, refusing anything that is not a regular file (a FIFO would block the read until
 * some writer appears, a device never ends) or that is larger than maxBytes. The file is checked by name
 * first, for a message that says what it is, and then opened without blocking and checked again through
 * the open handle, so a file swapped for a FIFO in between cannot hang the reader either.
 */
export async function readRegularFile(file: string, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): Promise<Uint8Array> {
  const cannotRead = (e: unknown) => new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  let named: Stats;
  try {
    named = await stat(file);
  } catch (e) {
    throw cannotRead(e);
  }
  refuseUnlessDocument(file, named, maxBytes);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw cannotRead(e);
  }
  try {
    refuseUnlessDocument(file, await handle.stat(), maxBytes);
    const bytes = await handle.readFile();
    refuseAbove(file, bytes.length, maxBytes); // it may have grown since the check
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (e) {
    throw e instanceof InputError ? e : cannotRead(e);
  } finally {
    await handle.close();
  }
}

export async function readDocumentFile(file: string, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): Promise<DocumentFile> {
  return { id: documentIdOf(file), file, bytes: await readRegularFile(file, maxBytes) };
}
