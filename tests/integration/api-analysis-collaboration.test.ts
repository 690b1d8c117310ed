/*
 * The collaboration network against the real embedded Neo4j with the seed documents loaded by the real
 * loader. Expected weights are counted here from plain rows (one per RESPONSIBLE_FOR or MEMBER_OF) or by a
 * separate Cypher written differently from the curated query, never copied from the seeds.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { seededTestApp, SEEDS_DIR } from './helpers.ts';

let app: RunningServer;
let db: GraphDb;
const PLAN = 'plan:2019年数字福州工作要点';
const CHANGLE = 'agency:长乐区政府';
const GROUP = 'agency:各县(市)区政府';
/** A plan of our own whose three items print 牵头单位 and 配合单位, so pairs of every kind occur (the seeds print only 责任单位). */
const ROLES_DIR = path.join(ROOT_DIR, 'tests', 'fixtures', 'collaboration');
const ROLES_PLAN = 'plan:福州市2030年数字测试工作要点';

const get = async (path: string) => {
  const res = await fetch(`${app.url}/api/${path}`);
  return { status: res.status, body: await res.json() };
};
interface Pair { agencyA: string; agencyB: string; sharedTasks: number; leadSupport: number; supportSupport: number; joint: number }
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Pair → shared task count over direct namings only, from one row per RESPONSIBLE_FOR of the plan's tasks. */
async function directPairs(plan: string): Promise<Map<string, number>> {
  const rows = await db.read<{ agency: string; task: string }>(
    'MATCH (:Plan {id: $plan})-[:HAS_TASK]->(t:Task)<-[:RESPONSIBLE_FOR]-(a:Agency) RETURN a.id AS agency, t.id AS task', { plan },
  );
  const byTask = new Map<string, Set<string>>();
  for (const r of rows) (byTask.get(r.task) ?? byTask.set(r.task, new Set()).get(r.task)!).add(r.agency);
  const out = new Map<string, number>();
  for (const agencies of byTask.values()) {
    const list = [...agencies];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const k = key(list[i]!, list[j]!);
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }
  return out;
}

beforeAll(async () => {
  app = await seededTestApp({ dirs: [SEEDS_DIR, ROLES_DIR] });
  db = app.db;
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/analysis/collaboration on the seed documents', () => {
  it('weights every pair of the 2019 plan by the tasks both are named on, groups as agencies of their own', async () => {
    const { status, body } = await get(`analysis/collaboration?plan=${encodeURIComponent(PLAN)}&members=false`);
    expect(status).toBe(200);
    const expected = await directPairs(PLAN);
    expect(expected.size).toBeGreaterThan(20);
    const got = new Map((body.pairs as Pair[]).map((p) => [key(p.agencyA, p.agencyB), p.sharedTasks]));
    expect(got).toEqual(expected);
    // The seed plan prints no lead or support roles (责任单位 lists), so every pair is joint.
    for (const p of body.pairs as Pair[]) expect(p.leadSupport + p.supportSupport + p.joint).toBe(p.sharedTasks);
    expect(body.truncated).toBe(false);
  });

  it('with members, 长乐区政府 shares with each agency the tasks named on it directly or on 各县(市)区政府, and the group is no node', async () => {
    const { body } = await get(`analysis/collaboration?plan=${encodeURIComponent(PLAN)}&members=true`);
    const pairs = body.pairs as Pair[];
    expect(pairs.some((p) => p.agencyA === GROUP || p.agencyB === GROUP)).toBe(false);
    const counted = await db.read<{ other: string; n: number }>(
      `MATCH (c:Agency {id: $c})
       MATCH (t:Task)<-[:HAS_TASK]-(:Plan {id: $plan})
       WHERE EXISTS { (c)-[:RESPONSIBLE_FOR]->(t) } OR EXISTS { (c)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t) }
       MATCH (o:Agency)-[:RESPONSIBLE_FOR]->(t) WHERE o <> c AND NOT (c)-[:MEMBER_OF]->(o)
       RETURN o.id AS other, count(DISTINCT t) AS n`, { c: CHANGLE, plan: PLAN },
    );
    const direct = counted.filter((r) => r.other !== GROUP);
    expect(direct.length).toBeGreaterThan(3);
    for (const { other, n } of direct) {
      const pair = pairs.find((p) => key(p.agencyA, p.agencyB) === key(CHANGLE, other));
      // Another member of the group shares every group task as well, which the count above cannot see.
      expect(pair?.sharedTasks, other).toBeGreaterThanOrEqual(n);
      const viaMembership = await db.read<{ n: number }>(
        'MATCH (o:Agency {id: $o})-[:MEMBER_OF]->(g:Agency) RETURN count(g) AS n', { o: other },
      );
      if (viaMembership[0]?.n === 0) expect(pair?.sharedTasks, other).toBe(n);
    }
  });

  it('keeps only agencies of the jurisdiction asked for', async () => {
    const all = (await get('analysis/collaboration?members=false')).body.pairs as (Pair & { jurisdictionA: string; jurisdictionB: string })[];
    const city = (await get(`analysis/collaboration?members=false&jurisdiction=${encodeURIComponent('福州市')}`)).body.pairs as typeof all;
    expect(city.length).toBeGreaterThan(0);
    expect(city.length).toBeLessThan(all.length);
    for (const p of city) expect([p.jurisdictionA, p.jurisdictionB]).toEqual(['福州市', '福州市']);
    expect(city).toEqual(all.filter((p) => p.jurisdictionA === '福州市' && p.jurisdictionB === '福州市'));
  });

  it('answers a year with no plans with no pairs, and names a bad year, limit or unknown parameter', async () => {
    expect((await get('analysis/collaboration?year=1990')).body.pairs).toEqual([]);
    const bad = await get('analysis/collaboration?year=19');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/year/);
    expect(JSON.stringify(bad.body)).toMatch(/four-digit year/);
    expect((await get('analysis/collaboration?limit=0')).status).toBe(400);
    const unknown = await get('analysis/collaboration?colour=red');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/colour/);
  });

  it('cuts at the limit and says so', async () => {
    const { body } = await get('analysis/collaboration?members=false&limit=3');
    expect(body.pairs).toHaveLength(3);
    expect(body.truncated).toBe(true);
  });
});

describe('GET /api/analysis/collaboration/shared-tasks', () => {
  it('lists the tasks a pair shares in print order, each side with its role, group and the sentence naming it', async () => {
    const a = 'agency:福州市大数据委';
    const b = 'agency:福州市工业和信息化局';
    const expected = await db.read<{ number: string }>(
      `MATCH (:Agency {id: $a})-[:RESPONSIBLE_FOR]->(t:Task)<-[:RESPONSIBLE_FOR]-(:Agency {id: $b}), (:Plan {id: $plan})-[:HAS_TASK]->(t)
       RETURN t.number AS number ORDER BY toInteger(t.number)`, { a, b, plan: PLAN },
    );
    expect(expected.length).toBeGreaterThan(1);
    const { status, body } = await get(`analysis/collaboration/shared-tasks?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&plan=${encodeURIComponent(PLAN)}&members=false`);
    expect(status).toBe(200);
    expect(body.tasks.map((t: { number: string }) => t.number)).toEqual(expected.map((r) => r.number));
    for (const t of body.tasks) {
      for (const side of [t.a, t.b]) {
        expect(side.via).toBeNull();
        expect(side.evidence.sentence).toContain(side.evidence.text);
        expect(side.evidence.sentence.length).toBeGreaterThan(side.evidence.text.length);
      }
    }
    // The pair's weight in the network is the number of tasks listed here.
    const net = (await get(`analysis/collaboration?plan=${encodeURIComponent(PLAN)}&members=false`)).body.pairs as Pair[];
    expect(net.find((p) => key(p.agencyA, p.agencyB) === key(a, b))?.sharedTasks).toBe(body.tasks.length);
  });

  it('names the group a member shares a task through', async () => {
    const { body } = await get(`analysis/collaboration/shared-tasks?a=${encodeURIComponent(CHANGLE)}&b=${encodeURIComponent('agency:福州市农业农村局')}&members=true`);
    expect(body.tasks.length).toBeGreaterThan(0);
    expect(body.tasks.every((t: { a: { via: string | null } }) => t.a.via === '各县(市)区政府')).toBe(true);
    const without = await get(`analysis/collaboration/shared-tasks?a=${encodeURIComponent(CHANGLE)}&b=${encodeURIComponent('agency:福州市农业农村局')}&members=false`);
    expect(without.body.tasks).toEqual([]);
  });

  it('refuses a request without the second agency, naming it', async () => {
    const { status, body } = await get(`analysis/collaboration/shared-tasks?a=${encodeURIComponent(CHANGLE)}`);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/\bb\b/);
  });
});

describe('GET /api/analysis/filters', () => {
  it('offers the plans that have tasks, with their years, and the jurisdictions of responsible agencies', async () => {
    const { body } = await get('analysis/filters');
    const plans = await db.read<{ id: string }>('MATCH (p:Plan) WHERE EXISTS { (p)-[:HAS_TASK]->() } RETURN p.id AS id');
    expect(body.plans.map((p: { id: string }) => p.id).sort()).toEqual(plans.map((p) => p.id).sort());
    expect(body.years).toContain(2019);
    expect(body.jurisdictions.map((j: { name: string }) => j.name)).toContain('福州市');
  });
});

describe('kinds of pairs, on a plan that prints lead and supporting units', () => {
  // Item 1: 发改委 lead, 财政局 + 商务局 support; item 2: 财政局 lead, 商务局 support; item 3: 商务局 lead, 发改委 + 财政局 support.
  it('splits each pair\'s shared tasks into lead–support, support–support and joint', async () => {
    const { body } = await get(`analysis/collaboration?plan=${encodeURIComponent(ROLES_PLAN)}`);
    const byPair = new Map((body.pairs as (Pair & { nameA: string; nameB: string })[]).map((p) => [
      [p.nameA, p.nameB].sort().join('+'), { shared: p.sharedTasks, ls: p.leadSupport, ss: p.supportSupport, joint: p.joint },
    ]));
    expect(byPair.get(['福州市发展和改革委员会', '福州市商务局'].sort().join('+'))).toEqual({ shared: 2, ls: 2, ss: 0, joint: 0 });
    expect(byPair.get(['福州市发展和改革委员会', '福州市财政局'].sort().join('+'))).toEqual({ shared: 2, ls: 1, ss: 1, joint: 0 });
    expect(byPair.get(['福州市商务局', '福州市财政局'].sort().join('+'))).toEqual({ shared: 3, ls: 2, ss: 1, joint: 0 });
    expect(byPair.size).toBe(3);
  });

  it('counts tasks led and supported per agency in the workload', async () => {
    const { body } = await get(`analysis/workload?plan=${encodeURIComponent(ROLES_PLAN)}`);
    const of = (name: string) => (body.agencies as { name: string; led: number; supported: number; responsible: number; total: number }[]).find((a) => a.name === name);
    expect(of('福州市发展和改革委员会')).toMatchObject({ led: 1, supported: 1, responsible: 0, total: 2 });
    expect(of('福州市财政局')).toMatchObject({ led: 1, supported: 2, responsible: 0, total: 3 });
    expect(of('福州市商务局')).toMatchObject({ led: 1, supported: 2, responsible: 0, total: 3 });
  });
});
