/*
 * Every call to the API goes through request() in client/src/api/client.ts: that is where a call counts as
 * pending for the busy indicator, where 503/507 raise the database banner and where an error body becomes an
 * ApiError said in the UI's language. A view with its own fetch() skips all three (the Analysis views did).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../../../server/version.ts';

const CLIENT_DIR = path.join(ROOT_DIR, 'client', 'src');
const REQUEST_MODULE = path.join(CLIENT_DIR, 'api', 'client.ts');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Lines that call the global fetch (not a method or a parameter named fetch, e.g. latestOnly's). */
function fetchCalls(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => /(?<![.\w])(?:window\.|globalThis\.)?fetch\s*\(\s*[`'"/a-zA-Z]/.test(line) && !/^\s*(?:\/\/|\*)/.test(line))
    .filter(({ line }) => !/\bfetch\s*\(\s*\)/.test(line))
    .map(({ n, line }) => `${path.relative(ROOT_DIR, file)}:${n}: ${line.trim()}`);
}

describe('API calls in the client', () => {
  it('all go through request() in api/client.ts, so the busy indicator, the database banner and error texts apply', () => {
    const offenders = walk(CLIENT_DIR).filter((f) => f !== REQUEST_MODULE).flatMap(fetchCalls);
    expect(offenders).toEqual([]);
  });

  it('are found by this check when a module calls fetch itself', () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fetch-check-')), 'view.ts');
    fs.writeFileSync(tmp, "export const f = () => fetch(`api/analysis/x`, { headers: {} });\nconst g = (fetch: () => void) => fetch();\n");
    try {
      expect(fetchCalls(tmp)).toHaveLength(1);
    } finally {
      fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
    }
  });
});
