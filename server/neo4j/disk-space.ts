/*
 * Free space in DATA_DIR, asked of the file system (statfs) rather than learnt from Neo4j's failures:
 * on a full disk Neo4j's start hung for minutes and its writes failed with messages that never said
 * "disk". Checked before every embedded start (so a full disk fails the start at once, naming the
 * folder) and by health (so monitors see the reason while the app still answers reads).
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Below this the embedded Neo4j is not started and the disk counts as full: Neo4j needs room for its
 * transaction logs and a checkpoint before it accepts a single write, so a start with less only fails
 * later and less clearly.
 */
export const MIN_FREE_BYTES = 64 * 1024 ** 2;

export type StatFs = (dir: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

export interface DiskSpace {
  /** The folder asked about (DATA_DIR). */
  dir: string;
  /** Bytes an unprivileged process may still write there. */
  freeBytes: number;
  full: boolean;
}

/** Free space for `dir`, asked of its nearest existing ancestor when it does not exist yet. */
export async function diskSpace(dir: string, statfs: StatFs = (d) => fs.promises.statfs(d)): Promise<DiskSpace> {
  let probe = path.resolve(dir);
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  const s = await statfs(probe);
  const freeBytes = Number(s.bavail) * Number(s.bsize);
  return { dir: path.resolve(dir), freeBytes, full: freeBytes < MIN_FREE_BYTES };
}

/** The one wording of a full disk, used by the start, the log, health and API errors alike. */
export function diskFullMessage(space: Pick<DiskSpace, 'dir' | 'freeBytes'>): string {
  return `disk full at ${space.dir} (${formatMb(space.freeBytes)} free; the embedded Neo4j needs at least ${formatMb(MIN_FREE_BYTES)})`;
}

/** Neo4j's and Node's words for a write that found no room. */
export const NO_SPACE = /No space left on device|ENOSPC/i;

function formatMb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
}
