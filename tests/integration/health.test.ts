import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { startTestApp } from './helpers.ts';

describe('GET /api/health', () => {
  let app: RunningServer;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('reports the app version, Neo4j 5.26 community and the graph size', async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.app.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.neo4j.version).toMatch(/^5\.26\./);
    expect(body.neo4j.edition).toBe('community');
    expect(typeof body.counts.nodes).toBe('number');
    expect(typeof body.counts.relationships).toBe('number');
  });

  it('answers an unknown API path with 404 and a JSON error, not a stack trace', async () => {
    const res = await fetch(`${app.url}/api/nope`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
