/*
 * What the command-line modules share: where their output goes and whether they are the process's entry
 * point. Each CLI exports `main(argv, io)` returning its exit code and runs it only when started as a
 * command, so tests call it in-process with captured output instead of starting a tsx process for every
 * case (seconds each on a busy machine); one test per command still starts the real process, for the
 * stdout contract.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProgressStream } from '../load/progress.ts';

export interface CliIo {
  /** The command's result (JSON for extract); resolves once written, so a pipe reader gets all of it. */
  out(text: string): Promise<void>;
  /** Messages, warnings and progress (a bar when it is a terminal). */
  err: ProgressStream;
}

export const processIo: CliIo = {
  out: (text) => new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve()))),
  err: process.stderr,
};

/** True when the module at `moduleUrl` (its import.meta.url) is the script this process was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(path.resolve(script)).href === moduleUrl;
}
