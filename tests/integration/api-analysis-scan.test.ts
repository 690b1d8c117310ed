/*
 * Collaboration, workload and the filters are counted in Node from one responsibility scan
 * (server/analysis/responsibilities.ts), while the console runs the curated queries collaboration and workload.
 * Both must count alike: this runs the curated queries as they are on the real embedded Neo4j and compares
 * their rows with the API's answers for every combination of filters, on the seeds, the lead/support fixture,
 * and a fixture where one unit is printed both as lead and as support and a group leads.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { curatedText } from '../../server/graph/queries/analysis-collaboration.ts';
import { foldWorkload, type WorkloadRow } from '../../server/graph/queries/analysis-workload.ts';
import { removeLoadedDocument } from '../../server/load/upload-documents.ts';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { SEEDS_DIR } from '../e2e/app.ts';
import { seededTestApp } from './helpers.ts';

let app: RunningServer;
let db: GraphDb;
const FIXTURES = ['collaboration', 'analysis-scan'].map((d) => path.join(ROOT_DIR, 'tests', 'fixtures', d));
const PLANS = ['', 'plan:2019年数字福州工作要点', '福州市2030年数字测试工作要点', 'plan:福州市2031年数字测试工作要点'];
const YEARS = [0, 2019, 2031];
const JURISDICTIONS = ['', '福州市', '长乐区'];

const get = async (p: string) => (await (await fetch(`${app.url}/api/${p}`)).json()) as Record<string, unknown>;
const query = (o: Record<string, string | number | boolean>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();
const filters = PLANS.flatMap((plan) => YEARS.flatMap((year) => JURISDICTIONS.map((jurisdiction) => ({ plan, year, jurisdiction }))));

interface Lean { properties: { id: string; group?: boolean | null; jurisdiction?: string | null } }

beforeAll(async () => {
  app = await seededTestApp({ dirs: [SEEDS_DIR, ...FIXTURES] });
  db = app.db;
});
afterAll(async () => {
  await app?.stop();
});

describe('the views count as the curated queries the console runs', () => {
  it('collaboration: the same pairs, weights, kinds and order for every plan, year, jurisdiction and members', async () => {
    let nonEmpty = 0;
    for (const f of filters) {
      for (const members of [true, false]) {
        const rows = await db.read<{ nameA: string; nameB: string; sharedTasks: number; leadSupport: number; supportSupport: number; joint: number; a: Lean; b: Lean }>(
          curatedText('collaboration'), { ...f, members, limit: 5000 });
        const expected = rows.map((r) => ({
          agencyA: r.a.properties.id, nameA: r.nameA, groupA: r.a.properties.group === true, jurisdictionA: r.a.properties.jurisdiction ?? null,
          agencyB: r.b.properties.id, nameB: r.nameB, groupB: r.b.properties.group === true, jurisdictionB: r.b.properties.jurisdiction ?? null,
          sharedTasks: r.sharedTasks, leadSupport: r.leadSupport, supportSupport: r.supportSupport, joint: r.joint,
        }));
        const answer = await get(`analysis/collaboration?${query({ ...f, year: f.year || '', members })}`);
        expect(answer.pairs, JSON.stringify({ ...f, members })).toEqual(expected);
        if (expected.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('collaboration: a unit printed as lead and as support counts as lead, and a direct naming wins over its group\'s', async () => {
    const plan = PLANS[3]!;
    const pairs = (await get(`analysis/collaboration?${query({ plan, members: true })}`)).pairs as { nameA: string; nameB: string; sharedTasks: number; leadSupport: number; supportSupport: number }[];
    const of = (x: string, y: string) => pairs.find((p) => [p.nameA, p.nameB].sort().join('+') === [x, y].sort().join('+'));
    // Item 1: 发改委 and 财政局 both lead (财政局 also printed as support): joint, not lead–support.
    expect(of('福州市发展和改革委员会', '福州市财政局')).toMatchObject({ sharedTasks: 1, leadSupport: 0, supportSupport: 0 });
    // Item 2: 长乐区政府 is printed as support itself, so the group's lead does not make it lead: support–support with 商务局.
    expect(of('长乐区政府', '福州市商务局')).toMatchObject({ supportSupport: 1 });
  });

  it('one limit cuts both at the same pairs', async () => {
    for (const limit of [1, 3, 7]) {
      const rows = await db.read<{ a: Lean; b: Lean }>(curatedText('collaboration'), { plan: '', year: 0, jurisdiction: '', members: true, limit });
      const answer = await get(`analysis/collaboration?limit=${limit}`);
      expect((answer.pairs as { agencyA: string; agencyB: string }[]).map((p) => [p.agencyA, p.agencyB]))
        .toEqual(rows.map((r) => [r.a.properties.id, r.b.properties.id]));
      expect(answer.truncated).toBe(true);
    }
  });

  it('workload: the same agencies, counts per plan and per year, and ranking for every plan, year and jurisdiction', async () => {
    let nonEmpty = 0;
    for (const f of filters) {
      const rows = await db.read<WorkloadRow>(curatedText('workload'), { ...f, limit: 10_000 });
      const answer = await get(`analysis/workload?${query({ ...f, year: f.year || '' })}`);
      expect(answer.agencies, JSON.stringify(f)).toEqual(JSON.parse(JSON.stringify(foldWorkload(rows))));
      if (rows.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('workload: a row limit cuts both at the same agency × plan rows', async () => {
    const rows = await db.read<WorkloadRow>(curatedText('workload'), { plan: '', year: 0, jurisdiction: '', limit: 5 });
    const answer = await get('analysis/workload?limit=5');
    expect(answer.agencies).toEqual(JSON.parse(JSON.stringify(foldWorkload(rows))));
    expect(answer.truncated).toBe(true);
  });

  it('filters: the plans with tasks and the jurisdictions of named agencies, as a plain query finds them', async () => {
    const [plain] = await db.read<{ plans: unknown[]; jurisdictions: unknown[] }>(`
      CALL () { MATCH (p:Plan)-[:HAS_TASK]->(t:Task) WITH p, count(t) AS tasks ORDER BY p.year DESC, p.name
                RETURN collect({id: p.id, name: p.name, year: p.year, tasks: tasks}) AS plans }
      CALL () { MATCH (a:Agency) WHERE a.jurisdiction IS NOT NULL AND EXISTS { (a)-[:RESPONSIBLE_FOR]->(:Task) }
                WITH a.jurisdiction AS j, count(a) AS agencies ORDER BY agencies DESC, j
                RETURN collect({name: j, agencies: agencies}) AS jurisdictions }
      RETURN plans, jurisdictions`);
    const answer = await get('analysis/filters');
    expect(answer.plans).toEqual(plain!.plans);
    expect(answer.jurisdictions).toEqual(plain!.jurisdictions);
  });

  it('a removal is seen at once: the scan is read again under the new graph state', async () => {
    const plan = PLANS[3]!;
    expect(((await get('analysis/filters')).plans as { id: string }[]).map((p) => p.id)).toContain(plan);
    expect(((await get(`analysis/collaboration?${query({ plan })}`)).pairs as unknown[]).length).toBeGreaterThan(0);
    const [doc] = await db.read<{ docId: string }>('MATCH (d:Document)-[:DESCRIBES]->(:Plan {id: $plan}) RETURN d.docId AS docId', { plan });
    await removeLoadedDocument(db, doc!.docId);
    expect(((await get('analysis/filters')).plans as { id: string }[]).map((p) => p.id)).not.toContain(plan);
    expect((await get(`analysis/collaboration?${query({ plan })}`)).pairs).toEqual([]);
    expect((await get(`analysis/workload?${query({ plan })}`)).agencies).toEqual([]);
  });
});
