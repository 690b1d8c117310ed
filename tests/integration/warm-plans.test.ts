import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { warmPlans, warmStatements } from '../../server/graph/warm-plans.ts';
import { start } from '../../server/server.ts';
import { openTestDb } from './helpers.ts';

describe('warming the query plans on the real Neo4j', () => {
  let db: GraphDb;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb());
  });
  afterAll(async () => {
    await close?.();
  });

  it('plans every shipped statement cleanly (a broken .cypher file fails here, not at a start)', async () => {
    const statements = warmStatements();
    const report = await warmPlans(db, statements);
    expect(report.failed).toEqual([]);
    expect(report.stopped).toBeUndefined();
    expect(report.planned).toBe(statements.length);
  });

  it('reports a statement that does not plan by name and still plans the others', async () => {
    const logged: string[] = [];
    const report = await warmPlans(db, [
      { name: 'fine', text: 'MATCH (n:Agency {id: $id}) RETURN n.name AS name', params: { id: 'agency:长乐区政府' } },
      { name: 'broken', text: 'MATCH (n:Agency {id: $id} RETURN n', params: { id: 'agency:长乐区政府' } },
      { name: 'also fine', text: 'MATCH (n:Plan) RETURN count(n) AS plans', params: {} },
    ], { concurrency: 1, log: (l) => logged.push(l) });
    expect(report.planned).toBe(2);
    expect(report.failed.map((f) => f.name)).toEqual(['broken']);
    expect(report.failed[0]!.message).toMatch(/Invalid input|expected/i);
    expect(logged).toEqual([expect.stringMatching(/^Warming query plans: broken did not plan: /)]);
  });
});

describe('the start', () => {
  const startWith = async (env: Record<string, string>) => {
    const n = inject('neo4j');
    const lines: string[] = [];
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password, LOAD_SEEDS_ON_START: 'false', ...env });
    const app = await start(config, { log: (l) => lines.push(l) });
    return { app, lines };
  };

  it('listens at once and plans the hot statements beside the first requests, then says how many in how long', async () => {
    const { app, lines } = await startWith({});
    try {
      // start() has returned and the app answers before any statement could have been planned.
      expect(lines.filter((l) => l.includes('hot statements'))).toEqual([]);
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
      await app.warmed;
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Planned ${warmStatements().length} hot statements in \\d+\\.\\d s\\.$`)));
    } finally {
      await app.stop();
    }
  });

  it('ends the warming when the app stops during it, without an error', async () => {
    const { app, lines } = await startWith({});
    await app.stop();
    await app.warmed;
    expect(lines).toContainEqual(expect.stringMatching(/^Planned \d+ hot statements in \d+\.\d s; stopped early: the app is stopping\.$/));
  });

  it('skips warming when WARM_PLANS_ON_START is false', async () => {
    const { app, lines } = await startWith({ WARM_PLANS_ON_START: 'false' });
    await app.warmed;
    await app.stop();
    expect(lines.filter((l) => l.includes('hot statements'))).toEqual([]);
  });
});
