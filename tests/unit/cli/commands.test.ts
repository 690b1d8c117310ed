// The load and gen:corpus commands called in-process (main(argv, io)): usage errors and their exit codes,
// and a small corpus written where --out says. The load command's database path is covered by the loader's
// integration tests, which run the same loadPaths.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as genCorpus } from '../../../server/cli/gen-corpus.ts';
import { main as load } from '../../../server/cli/load.ts';
import type { CliIo } from '../../../server/cli/cli-entry.ts';

function captured(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { out: async (text) => void (out += text), err: { write: (text) => ((err += text), true) } },
    out: () => out,
    err: () => err,
  };
}

describe('the load command', () => {
  it('refuses a batch size of 0 with exit code 2, naming the option and the value, before opening any database', async () => {
    const c = captured();
    expect(await load(['docs', '--batch', '0'], c.io)).toBe(2);
    expect(c.err()).toBe('--batch must be a whole number from 1 to 1000, got 0\n');
  });

  it('refuses an unknown option and a call with nothing to do with exit code 2 and the usage', async () => {
    const unknown = captured();
    expect(await load(['--frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err()).toMatch(/Unknown option '--frobnicate'[\s\S]*Usage: npm run load/);
    const nothing = captured();
    expect(await load([], nothing.io)).toBe(2);
    expect(nothing.err()).toMatch(/^Nothing to do: give files or folders to load/);
  });

  it('prints the usage for --help and exits 0 without writing to stdout', async () => {
    const c = captured();
    expect(await load(['--help'], c.io)).toBe(0);
    expect(c.err()).toMatch(/^Usage: npm run load -- <files or folders>/);
    expect(c.out()).toBe('');
  });
});

describe('the gen:corpus command', () => {
  it('writes the number of documents asked for into --out and says so on stderr', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gen-corpus-'));
    const c = captured();
    expect(await genCorpus(['--docs', '3', '--seed', '5', '--out', out], c.io)).toBe(0);
    expect(readdirSync(out)).toHaveLength(3);
    expect(c.err()).toMatch(new RegExp(`^gen:corpus: wrote 3 documents \\(.* MB\\) to ${out}\\n$`));
  });

  it('fails with exit code 1 and the reason for a document count that is not a positive integer', async () => {
    const c = captured();
    expect(await genCorpus(['--docs', 'many'], c.io)).toBe(1);
    expect(c.err()).toBe('gen:corpus: error: --docs must be a positive integer\n');
  });
});
