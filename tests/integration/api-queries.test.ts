import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { CHANGLE, DISTRICT, GROUP, INDICATOR, loadFixtureGraph, PLAN_2018, PLAN_2019, PLAN_2021 } from '../fixtures/graph/fixture-graph.ts';
import { bookkeepingLeaks, startTestApp } from './helpers.ts';
import { clearGraph } from '../../server/graph/writer/graph-state.ts';

let app: RunningServer;
const run = async (name: string, params: unknown, raw?: string) => {
  const res = await fetch(`${app.url}/api/queries/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify({ params }) });
  return { status: res.status, body: await res.json() };
};
type Row = Record<string, unknown>;
const DIRECT = ['4', '5', '17', '18'];
const VIA_GROUP = ['2', '10', '16', '21', '22', '23', '24'];

beforeAll(async () => {
  app = await startTestApp();
  await loadFixtureGraph(app.db);
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/queries', () => {
  it('lists at least the six curated queries with both titles and typed parameters', async () => {
    const body = await (await fetch(`${app.url}/api/queries`)).json();
    const names = body.queries.map((q: { name: string }) => q.name);
    expect(names).toEqual(expect.arrayContaining(['tasks-of-agency', 'shared-tasks', 'plan-outline', 'district-contents', 'indicator-values', 'plan-lineage']));
    const toa = body.queries.find((q: { name: string }) => q.name === 'tasks-of-agency');
    expect(toa.title).toEqual({ zh: '机构负责的任务', en: 'Tasks of an agency' });
    expect(toa.params).toEqual([
      { name: 'agency', type: 'entity(Agency)', description: "the agency's id", label: { zh: '机构', en: 'Agency' } },
      { name: 'limit', type: 'integer', min: 1, max: 500, default: 50, description: 'page size: at most this many tasks', label: { zh: '每页条数', en: 'Rows per page' } },
      { name: 'offset', type: 'integer', min: 0, max: 1000000, default: 0, description: 'tasks to skip, for the next pages', label: { zh: '跳过条数', en: 'Rows to skip' } },
    ]);
    expect(toa.description.zh).toMatch(/^机构负责的全部任务/);
    expect(toa.description.en).toMatch(/^Every task the agency is responsible for/);
  });
});

describe('POST /api/queries/:name on the fixture graph', () => {
  it('tasks-of-agency gives 长乐区政府 its 11 tasks: 4 direct and 7 via 各县(市)区政府', async () => {
    const { status, body } = await run('tasks-of-agency', { agency: CHANGLE });
    expect(status).toBe(200);
    const rows = body.rows as Row[];
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.via === 'direct').map((r) => r.number).sort()).toEqual([...DIRECT].sort());
    expect(rows.filter((r) => r.via === '各县(市)区政府').map((r) => r.number).sort()).toEqual([...VIA_GROUP].sort());
    expect(body.graph.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([CHANGLE, GROUP]));
    expect(body.graph.edges.some((e: { type: string }) => e.type === 'MEMBER_OF')).toBe(true);
    expect(body.summary).toMatchObject({ rows: 11, truncated: false });
  });

  it('resolves an entity parameter given by a printed alias', async () => {
    const { body } = await run('tasks-of-agency', { agency: '长乐区人民政府', limit: 3 });
    expect(body.rows).toHaveLength(3);
  });

  it('shared-tasks ranks agencies by the tasks they share', async () => {
    const { body } = await run('shared-tasks', { agency: CHANGLE });
    const rows = body.rows as Row[];
    expect(rows[0]).toMatchObject({ agency: '市大数据委', sharedTasks: 3 });
    expect(rows.every((r, i) => i === 0 || (rows[i - 1]!.sharedTasks as number) >= (r.sharedTasks as number))).toBe(true);
    expect(rows.map((r) => r.agency)).not.toContain('各县(市)区政府');
  });

  it('plan-outline lists sections, tasks and responsible agencies in printed order', async () => {
    const { body } = await run('plan-outline', { plan: PLAN_2019 });
    const rows = body.rows as Row[];
    expect(rows).toHaveLength(13);
    expect(rows[0]).toMatchObject({ section: '一、基础设施', number: '1', responsible: ['市大数据委'] });
    expect(rows.find((r) => r.number === '4')!.responsible).toEqual(['市科技局', '市工信局', '鼓楼区政府', '长乐区政府']);
  });

  it('plan-outline and task-continuity list an agency printed in two lists of one task once, at its first place, with its stronger role', async () => {
    // As a duty table prints it: 鼓楼区政府 among the 配合 units (rank 2) and again in a 牵头 column after the list.
    await app.db.write(`
      MATCH (p:Plan {id: $plan})-[:HAS_TASK]->(t:Task {number: '4'}), (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
      WHERE a.name = '鼓楼区政府'
      CREATE (a)-[:RESPONSIBLE_FOR {role: 'lead', rank: 9, key: 'lead', addedByTest: true}]->(t)`, { plan: PLAN_2019 });
    try {
      const { body } = await run('plan-outline', { plan: PLAN_2019 });
      const task4 = (body.rows as Row[]).find((r) => r.number === '4')!;
      expect(task4.responsible).toEqual(['市科技局', '市工信局', '鼓楼区政府', '长乐区政府']);
      expect(task4.roles).toEqual(['lead', 'support', 'lead', 'support']);
      // The canvas still gets both relationships.
      expect((task4.rels as unknown[]).length).toBe(5);
      // The year-pair comparison reads the same one entry per agency.
      const pair = await run('task-continuity', { from: PLAN_2019, to: PLAN_2021 });
      const from4 = (pair.body.rows as Row[]).find((r) => r.side === 'from' && r.number === '4')!;
      expect(from4.responsible).toEqual(['市科技局', '市工信局', '鼓楼区政府', '长乐区政府']);
      expect(from4.roles).toEqual(['lead', 'support', 'lead', 'support']);
    } finally {
      await app.db.write('MATCH ()-[r:RESPONSIBLE_FOR {addedByTest: true}]->() DELETE r');
    }
  });

  it('district-contents finds the park, the company in the park, the institution and the tasks mentioning them', async () => {
    const { body } = await run('district-contents', { district: DISTRICT });
    const rows = body.rows as Row[];
    expect(rows.map((r) => r.kind)).toEqual(['District', 'Park', 'Company', 'Institution']);
    expect(rows.find((r) => r.kind === 'Park')).toMatchObject({ taskCount: 1, taskTitles: ['推动数字经济产业园区建设'] });
  });

  it('indicator-values returns the target and the reported value in time order', async () => {
    const { body } = await run('indicator-values', { indicator: INDICATOR });
    expect((body.rows as Row[]).map((r) => [r.kind, r.value])).toEqual([['target', 3000], ['observation', 6500]]);
  });

  it('plan-lineage follows IMPLEMENTS and REFERENCES both ways', async () => {
    const { body } = await run('plan-lineage', { plan: PLAN_2019 });
    const rows = body.rows as Row[];
    expect(rows.map((r) => [r.direction, r.chain])).toEqual([['upstream', ['IMPLEMENTS']], ['downstream', ['REFERENCES']]]);
    expect(body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([PLAN_2018, PLAN_2019, PLAN_2021].sort());
  });

  it('tasks-of-agency pages through the same order with totals for direct, via group and all', async () => {
    const whole = await run('tasks-of-agency', { agency: CHANGLE });
    expect(whole.body.totals).toEqual({ direct: 4, viaGroup: 7, all: 11 });
    expect(whole.body.page).toEqual({ offset: 0, limit: 50, shown: 11 });
    const order = (whole.body.rows as Row[]).map((r) => r.number);
    expect(order).toEqual(['2', '4', '5', '10', '16', '17', '18', '21', '22', '23', '24']);
    const pages: unknown[] = [];
    for (const offset of [0, 4, 8]) {
      const { status, body } = await run('tasks-of-agency', { agency: CHANGLE, limit: 4, offset });
      expect(status).toBe(200);
      expect(body.totals).toEqual({ direct: 4, viaGroup: 7, all: 11 });
      expect(body.page).toEqual({ offset, limit: 4, shown: offset === 8 ? 3 : 4 });
      pages.push(...(body.rows as Row[]).map((r) => r.number));
    }
    expect(pages).toEqual(order);
    const again = await run('tasks-of-agency', { agency: CHANGLE });
    expect((again.body.rows as Row[]).map((r) => r.number)).toEqual(order);
  });

  it('tasks-of-agency past the last page answers no rows but still the totals', async () => {
    const { status, body } = await run('tasks-of-agency', { agency: CHANGLE, offset: 40 });
    expect(status).toBe(200);
    expect(body.rows).toEqual([]);
    expect(body.totals).toEqual({ direct: 4, viaGroup: 7, all: 11 });
    expect(body.page).toEqual({ offset: 40, limit: 50, shown: 0 });
  });

  it('tasks-of-agency marks each task of a page direct or via its group, with the membership drawn', async () => {
    const { body } = await run('tasks-of-agency', { agency: CHANGLE, limit: 2 });
    expect((body.rows as Row[]).map((r) => [r.number, r.via])).toEqual([['2', '各县(市)区政府'], ['4', 'direct']]);
    const ids = body.graph.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([CHANGLE, GROUP, PLAN_2019]));
    expect(body.graph.edges.filter((e: { type: string }) => e.type === 'MEMBER_OF')).toHaveLength(1);
    for (const e of body.graph.edges) expect(ids).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it.each([
    ['tasks-of-agency', { agency: 'agency:长乐区政府' }],
    ['shared-tasks', { agency: 'agency:长乐区政府' }],
    ['plan-outline', { plan: 'plan:2019年数字福州工作要点' }],
    ['district-contents', { district: 'district:长乐区' }],
    ['indicator-values', { indicator: 'indicator:5G基站数量' }],
    ['plan-lineage', { plan: 'plan:2019年数字福州工作要点' }],
  ])('%s returns lean elements: no bookkeeping lists or document text in rows or graph', async (name, params) => {
    const { status, body } = await run(name, params);
    expect(status).toBe(200);
    expect(body.rows.length).toBeGreaterThan(0);
    expect(bookkeepingLeaks(body)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('evidenceTexts');
  });

  it('gives the other paging queries totals over all their results', async () => {
    expect((await run('shared-tasks', { agency: CHANGLE, limit: 1 })).body).toMatchObject({ totals: { agencies: expect.any(Number), tasks: 11 }, page: { offset: 0, limit: 1, shown: 1 } });
    expect((await run('plan-outline', { plan: PLAN_2019, limit: 5 })).body).toMatchObject({ totals: { tasks: 13 }, page: { shown: 5 } });
    expect((await run('district-contents', { district: DISTRICT, limit: 2 })).body).toMatchObject({ totals: { parks: 1, companies: 1, institutions: 1, all: 4 }, page: { shown: 2 } });
    expect((await run('indicator-values', { indicator: INDICATOR, limit: 1 })).body).toMatchObject({ totals: { targets: 1, observations: 1, all: 2 }, page: { shown: 1 } });
  });

  it.each([
    ['tasks-of-agency', {}, 'agency'],
    ['tasks-of-agency', { agency: CHANGLE, limit: 'lots' }, 'limit'],
    ['tasks-of-agency', { agency: CHANGLE, limit: -1 }, 'limit'],
    ['tasks-of-agency', { agency: CHANGLE, limit: 0 }, 'limit'],
    ['tasks-of-agency', { agency: CHANGLE, limit: 501 }, 'limit'],
    ['tasks-of-agency', { agency: CHANGLE, limit: 2.5 }, 'limit'],
    ['tasks-of-agency', { agency: CHANGLE, offset: -1 }, 'offset'],
    ['tasks-of-agency', { agency: CHANGLE, offset: 'next' }, 'offset'],
    ['shared-tasks', { agency: CHANGLE, limit: 201 }, 'limit'],
    ['tasks-of-agency', { agency: 'agency:nobody' }, 'agency'],
    ['tasks-of-agency', { agency: DISTRICT }, 'agency'],
    ['tasks-of-agency', { agency: CHANGLE, extra: 1 }, 'extra'],
    ['plan-outline', { plan: 42 }, 'plan'],
  ])('%s with %j answers 400 naming %s', async (name, params, field) => {
    const { status, body } = await run(name, params);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain(`'${field}'`);
  });

  it('says which entity parameter named no entity, with the label and the value, so a client can word it', async () => {
    const { status, body } = await run('tasks-of-agency', { agency: '不存在的机构' });
    expect(status).toBe(400);
    expect(body.error.details.issues[0]).toMatchObject({ field: 'agency', reason: 'unknown-entity', label: 'Agency', value: '不存在的机构' });
  });

  it('answers an unknown query with 404, a bad name with 400 and a bad body with 400', async () => {
    expect((await run('no-such-query', {})).status).toBe(404);
    expect((await run('Bad_Name', {})).body.error.message).toContain("'name'");
    expect((await run('tasks-of-agency', null, '{"params": 5}')).body.error.message).toContain("'params'");
    expect((await run('tasks-of-agency', null, '{not json')).status).toBe(400);
  });
});

describe('POST /api/queries/tasks-of-agency on the five seed documents', () => {
  const loader = path.join(ROOT_DIR, 'server', 'load', 'load-paths.ts');
  it.skipIf(!fs.existsSync(loader))('gives 长乐区政府 the 11 tasks of the 2019 plan, 4 direct and 7 via 各县(市)区政府', async () => {
    const { loadPaths } = (await import(loader)) as { loadPaths: (db: unknown, paths: string[], opts?: object) => Promise<{ failed?: number }> };
    await clearGraph(app.db);
    await loadPaths(app.db, [path.join(ROOT_DIR, 'seeds', 'documents')]);
    const { status, body } = await run('tasks-of-agency', { agency: CHANGLE });
    expect(status).toBe(200);
    const rows = (body.rows as Row[]).filter((r) => r.plan === '2019年数字福州工作要点' || String((r.task as { properties: { id: string } }).properties.id).includes('002_bccb920477d76c9e'));
    expect(rows.filter((r) => r.via === 'direct').map((r) => r.number).sort()).toEqual([...DIRECT].sort());
    expect(rows.filter((r) => r.via === '各县(市)区政府').map((r) => r.number).sort()).toEqual([...VIA_GROUP].sort());
    expect(rows).toHaveLength(11);
    expect(body.totals).toMatchObject({ direct: 4, viaGroup: 7, all: 11 });
    // Loaded by the real loader, the nodes carry propsDoc and search keys and the relationships evidence lists.
    expect(bookkeepingLeaks(body)).toEqual([]);
  });
});
