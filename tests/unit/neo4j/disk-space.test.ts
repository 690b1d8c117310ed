import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskFullMessage, diskSpace, MIN_FREE_BYTES, type StatFs } from '../../../server/neo4j/disk-space.ts';
import { DiskFullError, startEmbeddedNeo4j } from '../../../server/neo4j/embedded-neo4j.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-disk-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A statfs that reports `free` bytes and records which folders it was asked about. */
function fakeStatfs(free: number): StatFs & { asked: string[] } {
  const asked: string[] = [];
  const f = async (dir: string) => {
    asked.push(dir);
    return { bavail: BigInt(Math.floor(free / 4096)), bsize: 4096n };
  };
  return Object.assign(f, { asked });
}

describe('diskSpace', () => {
  it('counts the disk as full below the minimum the embedded Neo4j needs, and not at or above it', async () => {
    expect((await diskSpace(root, fakeStatfs(MIN_FREE_BYTES - 4096))).full).toBe(true);
    expect((await diskSpace(root, fakeStatfs(0))).full).toBe(true);
    expect((await diskSpace(root, fakeStatfs(MIN_FREE_BYTES))).full).toBe(false);
  });

  it('asks the nearest existing folder when DATA_DIR does not exist yet, and names DATA_DIR itself', async () => {
    const statfs = fakeStatfs(10 * 1024 ** 3);
    const missing = path.join(root, 'not', 'yet', 'there');
    const space = await diskSpace(missing, statfs);
    expect(statfs.asked).toEqual([root]);
    expect(space).toEqual({ dir: missing, freeBytes: 10 * 1024 ** 3, full: false });
  });

  it('reads the real file system when nothing is injected', async () => {
    const space = await diskSpace(root);
    expect(space.freeBytes).toBeGreaterThan(0);
  });

  it('words a full disk with the folder, what is free and what is needed', () => {
    expect(diskFullMessage({ dir: '/srv/data', freeBytes: 3 * 1024 ** 2 })).toBe('disk full at /srv/data (3.0 MB free; the embedded Neo4j needs at least 64 MB)');
  });
});

describe('an embedded start on a full disk', () => {
  it('fails at once naming DATA_DIR, before any JVM is started or file written', async () => {
    const dataDir = path.join(root, 'full-disk-data');
    const t0 = performance.now();
    const err = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m', pageCache: '64m', log: () => {}, statfs: fakeStatfs(1024 ** 2) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiskFullError);
    expect((err as Error).message).toMatch(new RegExp(`^The embedded Neo4j cannot start: disk full at ${dataDir} \\(1\\.0 MB free`));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
