/*
 * The database-down banner's rules (issue 15): which answers mean the database is down and how, what it
 * says in each language, and how often health is asked while down.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/api/client.ts';
import { downFrom, downText, pollDelayMs } from '../../../client/src/panels/db-banner.ts';

describe('the database-down banner', () => {
  it('reads a 503 refusal and a 503 health answer as down, and a stopped restart cap as failed', () => {
    expect(downFrom(new ApiError(503, 'NEO4J_UNAVAILABLE', 'x', { state: 'restarting' }))).toEqual({ kind: 'restarting' });
    expect(downFrom(new ApiError(503, 'NEO4J_UNAVAILABLE', 'x', { embedded: { state: 'failed' } }))).toEqual({ kind: 'failed' });
    expect(downFrom(new ApiError(503, 'NEO4J_UNAVAILABLE', 'x'))).toEqual({ kind: 'restarting' });
    expect(downFrom(new ApiError(507, 'DISK_FULL', 'x'))).toEqual({ kind: 'disk-full' });
  });

  it('does not call other failures an outage', () => {
    expect(downFrom(new ApiError(404, 'NOT_FOUND', 'x'))).toBeNull();
    expect(downFrom(new ApiError(500, 'INTERNAL', 'x'))).toBeNull();
    expect(downFrom(new TypeError('Failed to fetch'))).toBeNull();
  });

  it('speaks the UI language', () => {
    expect(downText('zh', { kind: 'restarting' })).toMatch(/^[^A-Za-z]*数据库[^A-Za-z]*$/);
    expect(downText('en', { kind: 'restarting' })).toMatch(/database is unavailable/);
    expect(downText('zh', { kind: 'failed' })).toMatch(/重启应用/);
  });

  it('asks health again after 0.5 s, then backs off to at most 5 s, so it sees the database back within seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(pollDelayMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });
});
