/*
 * The start-time migration on a big archive: a statement stopped by Neo4j's transaction time limit is run
 * again (it resumes where it stopped); any other failure, or a statement that keeps timing out, fails the start.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { resumed } from '../../../server/graph/schema.ts';

const timeout = () => new AppError(408, 'QUERY_TIMEOUT', 'The query ran longer than the allowed time and was stopped');

describe('a migration statement', () => {
  it('is run again after it stops at the time limit, until it finishes', async () => {
    let runs = 0;
    const answer = await resumed(async () => {
      runs++;
      if (runs < 3) throw timeout();
      return 'done';
    });
    expect([answer, runs]).toEqual(['done', 3]);
  });

  it('fails the start at once on any other error', async () => {
    let runs = 0;
    await expect(resumed(async () => {
      runs++;
      throw new AppError(507, 'DISK_FULL', 'The disk Neo4j writes to is full');
    })).rejects.toThrow(/disk Neo4j writes to is full/);
    expect(runs).toBe(1);
  });

  it('gives up after the allowed number of runs when every run times out', async () => {
    let runs = 0;
    await expect(resumed(async () => {
      runs++;
      throw timeout();
    }, 4)).rejects.toThrow(/allowed time/);
    expect(runs).toBe(4);
  });
});
