/*
 * What the loader refuses to read, named in the file's outcome while the rest of the folder loads: a FIFO
 * given by name (which used to block the loader forever), a device, and a file above the size limit.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { onePlanExtract as extract } from '../fixtures/facts/one-plan.ts';
import { openTestDb, tempDirs } from './helpers.ts';

let db: GraphDb;
let close: () => Promise<void>;
const temps = tempDirs();

beforeAll(async () => {
  ({ db, close } = await openTestDb());
});
afterAll(async () => {
  temps.cleanup();
  await close();
});

describe('the loader given files it must not read', () => {
  it('refuses a FIFO, a device and an oversized file by name, and loads the regular file beside them', async () => {
    const dir = temps.make('loader-inputs-');
    const fifo = path.join(dir, 'inputs_pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const big = path.join(dir, 'inputs_big.txt');
    fs.writeFileSync(big, `inputs_big ${'数'.repeat(2000)}`);
    const good = path.join(dir, 'inputs_good.txt');
    fs.writeFileSync(good, 'inputs_good 建设城市大脑');

    const summary = await loadPaths(db, [fifo, '/dev/zero', big, good], { extract, maxFileBytes: 4096, force: true });
    const reasons = Object.fromEntries(summary.failures.map((f) => [path.basename(f.file), f.reason]));
    expect(reasons).toEqual({
      'inputs_pipe.txt': `${fifo}: is a FIFO (named pipe); only regular files are read`,
      zero: '/dev/zero: is a character device; only regular files are read',
      'inputs_big.txt': `${big}: is 5.9 kB, above the limit of 4 kB for one document (MAX_DOCUMENT_SIZE or --max-size)`,
    });
    expect(summary.outcomes.find((o) => o.docId === 'inputs_good')?.status).toMatch(/^(loaded|replaced)$/);
  }, 30_000);
});
