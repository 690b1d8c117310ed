/*
 * The arrival overview against the real embedded Neo4j with the seed documents loaded by the real loader.
 * Every expected figure is counted here from plain rows of the graph (one row per node or relationship,
 * aggregated in TypeScript), not by the overview's own Cypher and not written down from the seeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../../server/graph/graph-db.ts';
import { clearGraph } from '../../server/graph/writer/graph-state.ts';
import type { RunningServer } from '../../server/server.ts';
import { bookkeepingLeaks, seededTestApp } from './helpers.ts';

let app: RunningServer;
let db: GraphDb;

const get = async (path: string) => {
  const res = await fetch(`${app.url}/api/${path}`);
  return { status: res.status, body: await res.json() };
};

/** Label counts, one row per node. */
async function countOf(label: string): Promise<number> {
  const rows = await db.read<{ id: string }>(`MATCH (n:Entity) WHERE $label IN labels(n) RETURN n.id AS id`, { label });
  return rows.length;
}

/** Agencies ranked by distinct tasks in some roles, from one row per RESPONSIBLE_FOR relationship. */
async function rankedByRoles(roles: string[], limit: number): Promise<{ id: string; name: string; tasks: number }[]> {
  const rows = await db.read<{ id: string; name: string; role: string; task: string }>(
    'MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a.id AS id, a.name AS name, r.role AS role, t.id AS task',
  );
  const tasks = new Map<string, { id: string; name: string; set: Set<string> }>();
  for (const r of rows.filter((x) => roles.includes(x.role))) {
    const e = tasks.get(r.id) ?? { id: r.id, name: r.name, set: new Set<string>() };
    e.set.add(r.task);
    tasks.set(r.id, e);
  }
  return [...tasks.values()]
    .map((e) => ({ id: e.id, name: e.name, tasks: e.set.size }))
    .sort((a, b) => b.tasks - a.tasks || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
}

beforeAll(async () => {
  app = await seededTestApp();
  db = app.db;
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/overview on the seed documents', () => {
  it('counts the documents, plans, tasks and agencies the graph holds', async () => {
    const { status, body } = await get('overview');
    expect(status).toBe(200);
    const expected = {
      documents: await countOf('Document'), plans: await countOf('Plan'), tasks: await countOf('Task'), agencies: await countOf('Agency'),
    };
    expect(expected.documents).toBeGreaterThan(0);
    expect(expected.tasks).toBeGreaterThan(0);
    expect(body.counts).toEqual(expected);
  });

  it('gives the documents per year, oldest first, with the undated ones apart', async () => {
    const { body } = await get('overview');
    // A document's year is the one the extractor stored (printed date, plan title, inferred dateline), else its date's.
    const docs = await db.read<{ year: number | null; issued: string | null; name: string }>('MATCH (d:Document) RETURN d.year AS year, d.issued AS issued, d.name AS name');
    const byYear = new Map<string, number>();
    let undated = 0;
    for (const { year, issued: i } of docs) {
      const y = year !== null ? String(year) : typeof i === 'string' && /^\d{4}/.test(i) ? i.slice(0, 4) : null;
      if (y) byYear.set(y, (byYear.get(y) ?? 0) + 1);
      else undated++;
    }
    // The 2019 work plan prints no date: its title's year puts it under 2019.
    expect(docs.find((d) => d.name.startsWith('2019年数字福州工作要点'))?.year).toBe(2019);
    expect(body.years).toEqual([...byYear].sort(([a], [b]) => a.localeCompare(b)).map(([year, count]) => ({ year, count })));
    expect(body.undated).toBe(undated);
    expect(body.years.reduce((s: number, y: { count: number }) => s + y.count, 0) + body.undated).toBe(body.counts.documents);
  });

  it('ranks agencies by the tasks they lead or are responsible for and, separately, by the tasks they support', async () => {
    const { body } = await get('overview?limit=5');
    expect(body.agencies.lead).toEqual(await rankedByRoles(['lead', 'responsible'], 5));
    expect(body.agencies.support).toEqual(await rankedByRoles(['support'], 5));
    expect(body.agencies.lead.length).toBeGreaterThan(0);
  });

  it('describes the most recent plan: its sections in printed order and the agencies responsible for its tasks', async () => {
    const { body } = await get('overview?limit=50');
    const plans = await db.read<{ id: string; issued: string | null; docIssued: string | null }>(
      'MATCH (p:Plan) OPTIONAL MATCH (d:Document)-[:DESCRIBES]->(p) RETURN p.id AS id, p.issued AS issued, d.issued AS docIssued',
    );
    const dateOf = (p: { issued: string | null; docIssued: string | null }) => p.issued ?? p.docIssued ?? '';
    const latest = [...plans].sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || a.id.localeCompare(b.id))[0]!;
    const plan = body.latestPlan;
    expect(plan.id).toBe(latest.id);

    const tasks = await db.read<{ id: string; section: string | null; order: number | null; number: string | null }>(
      'MATCH (:Plan {id: $id})-[:HAS_TASK]->(t:Task) RETURN t.id AS id, t.section AS section, t.order AS order, t.number AS number', { id: latest.id },
    );
    expect(plan.tasks).toBe(tasks.length);
    const firstOf = new Map<string, number>();
    const perSection = new Map<string, number>();
    for (const t of tasks) {
      const s = t.section ?? '';
      const o = t.order ?? Number(t.number);
      firstOf.set(s, Math.min(firstOf.get(s) ?? Infinity, o));
      perSection.set(s, (perSection.get(s) ?? 0) + 1);
    }
    const sections = [...perSection].sort(([a], [b]) => firstOf.get(a)! - firstOf.get(b)!).map(([section, n]) => ({ section, tasks: n }));
    expect(plan.sections).toEqual(sections);

    const resp = await db.read<{ id: string; role: string; task: string }>(
      'MATCH (:Plan {id: $id})-[:HAS_TASK]->(t:Task)<-[r:RESPONSIBLE_FOR]-(a:Agency) RETURN a.id AS id, r.role AS role, t.id AS task', { id: latest.id },
    );
    const agencyIds = new Set(resp.map((r) => r.id));
    expect(plan.agencyCount).toBe(agencyIds.size);
    expect(new Set(plan.agencies.map((a: { id: string }) => a.id))).toEqual(agencyIds);
    for (const a of plan.agencies as { id: string; tasks: number; led: number }[]) {
      expect(a.tasks).toBe(new Set(resp.filter((r) => r.id === a.id).map((r) => r.task)).size);
      expect(a.led).toBe(new Set(resp.filter((r) => r.id === a.id && r.role === 'lead').map((r) => r.task)).size);
    }
  });

  it('refuses a limit outside 1-50 with 400 naming the parameter', async () => {
    const { status, body } = await get('overview?limit=0');
    expect(status).toBe(400);
    expect(JSON.stringify(body.error)).toContain('limit');
    expect((await get('overview?top=3')).status).toBe(400);
  });
});

describe('GET /api/overview/years/:year', () => {
  it('puts exactly the documents of that year on the canvas, each with the plan it describes, without bookkeeping or text', async () => {
    const { body: overview } = await get('overview');
    const year = overview.years[0].year as string;
    const { status, body } = await get(`overview/years/${year}`);
    expect(status).toBe(200);
    const expected = await db.read<{ id: string }>('MATCH (d:Document) WHERE coalesce(toString(d.year), left(d.issued, 4)) = $year RETURN d.id AS id', { year });
    const docs = body.nodes.filter((n: { label: string }) => n.label === 'Document');
    expect(docs.map((n: { id: string }) => n.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(docs).toHaveLength(overview.years[0].count);
    for (const e of body.edges) expect(e.type).toBe('DESCRIBES');
    expect(bookkeepingLeaks(body)).toEqual([]);
    expect(docs.every((n: { properties: Record<string, unknown> }) => !('text' in n.properties))).toBe(true);
  });

  it('refuses a year that is not four digits with 400', async () => {
    const { status, body } = await get('overview/years/26');
    expect(status).toBe(400);
    expect(body.error.message).toContain('year');
  });
});

describe('GET /api/overview on an empty graph', () => {
  it('answers zeros and no plan rather than failing', async () => {
    await clearGraph(db);
    const { status, body } = await get('overview');
    expect(status).toBe(200);
    expect(body).toEqual({ counts: { documents: 0, plans: 0, tasks: 0, agencies: 0 }, years: [], undated: 0, agencies: { lead: [], support: [] }, latestPlan: null });
  });
});
