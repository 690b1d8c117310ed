/*
 * `npm run gen:corpus -- --docs N [--out data/corpus] [--seed S]`: writes N synthetic plan documents
 * (a mix of UTF-8 and GBK files, every list and numbering style) for load tests and benchmarks.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { documentBytes, generateCorpus } from '../corpus/generate.ts';
import { isEntryPoint, processIo, type CliIo } from './cli-entry.ts';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs the command; returns the exit code. Tests call it in-process with captured output. */
export async function main(args: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    await generate(args, io);
    return 0;
  } catch (e) {
    io.err.write(`gen:corpus: error: ${(e as Error).message}\n`);
    return 1;
  }
}

async function generate(args: readonly string[], io: CliIo): Promise<void> {
  const docs = Number(option(args, '--docs') ?? 100);
  const seed = Number(option(args, '--seed') ?? 1);
  const out = option(args, '--out') ?? path.join('data', 'corpus');
  if (!Number.isInteger(docs) || docs <= 0) throw new Error('--docs must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  await mkdir(out, { recursive: true });
  let bytes = 0;
  for (const d of generateCorpus({ seed, docs })) {
    const data = documentBytes(d);
    await writeFile(path.join(out, d.name), data);
    bytes += data.length;
  }
  io.err.write(`gen:corpus: wrote ${docs} documents (${(bytes / 1048576).toFixed(1)} MB) to ${out}\n`);
}

if (isEntryPoint(import.meta.url)) void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
