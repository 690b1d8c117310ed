/*
 * `npm run --silent extract -- <file or folder>...`: prints one GraphFacts JSON object on stdout
 * and nothing else there. Errors (unreadable or undecodable file, empty folder, missing path) go to
 * stderr with a non-zero exit and no JSON; warnings go to stderr and do not fail the run.
 * Options: --gazetteer <folder or file> (default the folder seeds/gazetteer, or $EXTRACT_GAZETTEER), --max-size <size>
 * (files above it are refused; default MAX_DOCUMENT_SIZE, 20m). Only regular files are read.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, parseByteSize } from '../config.ts';
import { DecodeError, extractDocument, GraphFacts, mergeFacts } from '../extract/index.ts';
import { readGazetteer } from '../extract/read-gazetteer.ts';
import { expandInputs, InputError, readDocumentFile } from '../extract/read-document-file.ts';
import { isEntryPoint, processIo, type CliIo } from './cli-entry.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the command; returns the exit code. Tests call it in-process with captured output. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await extract(argv, io);
  } catch (e) {
    const known = e instanceof InputError || e instanceof ConfigError || e instanceof DecodeError || (e instanceof Error && e.name === 'GazetteerError');
    io.err.write(`extract: error: ${known ? (e as Error).message : (e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}

async function extract(argv: readonly string[], io: CliIo): Promise<number> {
  const args: string[] = [];
  let gazetteerFile = process.env.EXTRACT_GAZETTEER ?? path.join(ROOT, 'seeds', 'gazetteer');
  let maxBytes: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--gazetteer') {
      const v = argv[++i];
      if (!v) throw new InputError('--gazetteer needs a folder or file');
      gazetteerFile = v;
    } else if (a === '--max-size') {
      const v = argv[++i];
      maxBytes = v === undefined ? undefined : parseByteSize(v);
      if (!maxBytes) throw new InputError(`--max-size needs a size such as 512k, 20m or 1g, got ${v ?? 'nothing'}`);
    } else if (a === '--') continue;
    else args.push(a);
  }
  const gazetteer = readGazetteer(gazetteerFile);
  maxBytes ??= loadConfig().maxDocumentBytes;
  const files = await expandInputs(args);
  const results = [];
  for (const f of files) {
    const doc = await readDocumentFile(f, maxBytes);
    const r = extractDocument({ id: doc.id, file: f, bytes: doc.bytes, gazetteer });
    for (const w of r.warnings) io.err.write(`warning: ${w}\n`);
    results.push(r.facts);
  }
  const facts = GraphFacts.parse(mergeFacts(results));
  await io.out(`${JSON.stringify(facts)}\n`);
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  // A reader that stops early (| head) is not an extraction error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
