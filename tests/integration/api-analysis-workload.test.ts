/*
 * Workload against the real embedded Neo4j with the seed documents loaded by the real loader. Expected
 * counts come from plain rows (one per RESPONSIBLE_FOR and MEMBER_OF) folded here, not from the curated query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import type { RunningServer } from '../../server/server.ts';
import { seededTestApp } from './helpers.ts';

let app: RunningServer;
let db: GraphDb;
const CHANGLE = 'agency:长乐区政府';

const get = async (path: string) => {
  const res = await fetch(`${app.url}/api/${path}`);
  return { status: res.status, body: await res.json() };
};
interface Counts { led: number; supported: number; responsible: number; inherited: number; total: number }
interface Agency extends Counts { id: string; name: string; group: boolean; plans: (Counts & { id: string; year: number | null })[]; years: Record<string, Counts> }

/** Direct tasks by role and inherited tasks (through a group, not also direct) of one agency, from plain rows. */
async function countedFor(agency: string): Promise<Counts> {
  const direct = await db.read<{ task: string; role: string }>(
    'MATCH (:Agency {id: $agency})-[r:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(:Plan) RETURN t.id AS task, r.role AS role', { agency },
  );
  const viaGroup = await db.read<{ task: string }>(
    'MATCH (:Agency {id: $agency})-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(:Plan) RETURN t.id AS task', { agency },
  );
  const directTasks = new Set(direct.map((r) => r.task));
  const byRole = (role: string) => new Set(direct.filter((r) => r.role === role).map((r) => r.task)).size;
  const inherited = new Set(viaGroup.map((r) => r.task).filter((t) => !directTasks.has(t))).size;
  const led = byRole('lead');
  const supported = byRole('support');
  const responsible = byRole('responsible');
  return { led, supported, responsible, inherited, total: led + supported + responsible + inherited };
}

beforeAll(async () => {
  app = await seededTestApp();
  db = app.db;
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/analysis/workload on the seed documents', () => {
  it('gives 长乐区政府 its 4 direct tasks and 7 through 各县(市)区政府, all of the 2019 plan', async () => {
    const { status, body } = await get('analysis/workload');
    expect(status).toBe(200);
    const changle = (body.agencies as Agency[]).find((a) => a.id === CHANGLE)!;
    const counted = await countedFor(CHANGLE);
    expect(changle).toMatchObject(counted);
    expect(changle.responsible + changle.led + changle.supported).toBe(4);
    expect(changle.inherited).toBe(7);
    expect(changle.years['2019']).toEqual(counted);
  });

  it('counts every agency as the plain rows do, ranked by total', async () => {
    const { body } = await get('analysis/workload');
    const agencies = body.agencies as Agency[];
    expect(agencies.length).toBeGreaterThan(20);
    for (const a of agencies) expect({ id: a.id, ...pick(a) }).toEqual({ id: a.id, ...(await countedFor(a.id)) });
    const totals = agencies.map((a) => a.total);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    expect(body.years).toEqual(expect.arrayContaining(['2019']));
  });

  it('per plan and per year, the parts add up to the agency total', async () => {
    const { body } = await get('analysis/workload');
    for (const a of body.agencies as Agency[]) {
      expect(a.plans.reduce((s, p) => s + p.total, 0)).toBe(a.total);
      expect(Object.values(a.years).reduce((s, y) => s + y.total, 0)).toBe(a.total);
    }
  });

  it('filters by year and jurisdiction', async () => {
    const y2019 = (await get('analysis/workload?year=2019')).body.agencies as Agency[];
    expect(y2019.length).toBeGreaterThan(0);
    for (const a of y2019) expect(a.plans.every((p) => p.year === 2019)).toBe(true);
    const district = (await get(`analysis/workload?jurisdiction=${encodeURIComponent('长乐区')}`)).body.agencies as (Agency & { jurisdiction: string })[];
    expect(district.map((a) => a.id)).toContain(CHANGLE);
    for (const a of district) expect(a.jurisdiction).toBe('长乐区');
    expect((await get('analysis/workload?year=1990')).body.agencies).toEqual([]);
  });

  it('names a bad filter in a 400', async () => {
    const bad = await get('analysis/workload?year=twenty');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/year/);
    const long = await get(`analysis/workload?jurisdiction=${'区'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toMatch(/jurisdiction/);
  });
});

function pick(a: Counts): Counts {
  return { led: a.led, supported: a.supported, responsible: a.responsible, inherited: a.inherited, total: a.total };
}
