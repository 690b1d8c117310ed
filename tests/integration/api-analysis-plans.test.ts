/*
 * Plans over time on the seed documents, against the real embedded Neo4j: the series is found from the
 * plans' years and their documents' jurisdiction and issuer, each year pair is matched, and the pairs
 * below were checked by reading the documents side by side.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { removeDocument } from '../../server/graph/writer/remove-document.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import { bookkeepingLeaks, rawGet, seededTestApp, SEEDS_DIR } from './helpers.ts';

let app: RunningServer;
const get = async (path: string) => {
  const res = await fetch(`${app.url}/api/${path}`);
  return { status: res.status, body: await res.json() };
};
const compare = (series: string, threshold?: number) =>
  get(`analysis/plans/compare?series=${encodeURIComponent(series)}${threshold === undefined ? '' : `&threshold=${threshold}`}`);

const P2019 = 'plan:2019年数字福州工作要点';
const P2021 = 'plan:国家数字经济创新发展试验区(福州)工作方案';
const P2025 = 'plan:福州市加快推进数字化全面赋能经济社会高质量发展实施方案';
const FUZHOU = '福州市|jurisdiction|';

type Pair = {
  from: { id: string; year: number }; to: { id: string; year: number };
  counts: { continued: number; dropped: number; added: number };
  matches: { from: string; to: string; score: number }[];
  tasks: Record<string, { title: string }>;
  agencies: { name: string; continued: unknown[]; dropped: { task: string; handedOver: boolean }[]; added: unknown[] }[];
};
/** The match of an earlier task, found by the two titles as printed. */
const matchOf = (pair: Pair, fromTitle: string) => {
  const m = pair.matches.find((x) => pair.tasks[x.from]!.title === fromTitle);
  return m && { to: pair.tasks[m.to]!.title, score: m.score };
};

beforeAll(async () => {
  app = await seededTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/analysis/plans/series on the seeds', () => {
  it('finds Fuzhou\'s three plans with tasks in year order, and the two the city government issued', async () => {
    const { status, body } = await get('analysis/plans/series');
    expect(status).toBe(200);
    const series = body.series as { id: string; plans: { id: string; year: number; issuer: string | null; tasks: number }[] }[];
    expect(series.map((s) => [s.id, s.plans.map((p) => p.year)])).toEqual([
      [FUZHOU, [2019, 2021, 2025]],
      ['福州市|issuer|福州市人民政府', [2021, 2025]],
    ]);
    // The 2019 要点 reached us as a news reprint, so no issuer is printed; 28 items (五大方面28项细则).
    expect(series[0]!.plans[0]).toMatchObject({ id: P2019, issuer: null, tasks: 28, responsibilities: 95 });
  });

  it('answers a jurisdiction without plans with no series', async () => {
    expect((await get('analysis/plans/series?jurisdiction=广州市')).body).toEqual({ series: [] });
  });
});

describe('GET /api/analysis/plans/compare on the seeds', () => {
  it('matches each neighbouring pair at the default threshold', async () => {
    const { status, body } = await compare(FUZHOU);
    expect(status).toBe(200);
    expect(body.threshold).toBe(0.15);
    const pairs = body.pairs as Pair[];
    expect(pairs.map((p) => [p.from.id, p.to.id])).toEqual([[P2019, P2021], [P2021, P2025]]);
    // 28 tasks in 2019, 23 in 2021 (18 工程 items and 5 保障 items), 30 in 2025.
    expect(pairs[0]!.counts).toEqual({ continued: 11, dropped: 17, added: 12 });
    expect(pairs[1]!.counts).toEqual({ continued: 10, dropped: 13, added: 20 });
    expect(bookkeepingLeaks(body)).toEqual([]);
  });

  it('pairs the tasks a reader pairs', async () => {
    const [p19, p21] = (await compare(FUZHOU)).body.pairs as Pair[];
    // 2019 item 14 “加快推动城市大脑项目建设” → 2021 二(四)3 “加快推进‘城市大脑’体系建设”.
    expect(matchOf(p19!, '启动城市管理智慧大脑建设')).toMatchObject({ to: '构建“城市大脑”体系' });
    // 2019 item 3 (5G, 国家级互联网骨干直联点, IPv6) → 2021 二(四)1 (5G+光网, 骨干直联点, IPv6规模部署应用).
    expect(matchOf(p19!, '推进信息基础设施建设')).toMatchObject({ to: '夯实数字城市底座' });
    // 2019 item 1 “办好峰会” → 2021 三(五) “持续办好‘数字中国建设峰会’”.
    expect(matchOf(p19!, '办好峰会')).toMatchObject({ to: '强化典型引路' });
    // 2021 二(二)1 and 2025 item 15 both carry “互联网+”农产品出村进城.
    expect(matchOf(p21!, '加快建设数字农业')).toMatchObject({ to: '深化农业数字化发展' });
    expect(matchOf(p21!, '加快建设数字农业')!.score).toBeGreaterThan(0.3);
  });

  it('keeps fewer continued tasks as the threshold rises', async () => {
    const counts = [];
    for (const t of [0.1, 0.2, 0.3]) counts.push(((await compare(FUZHOU, t)).body.pairs as Pair[])[0]!.counts.continued);
    expect(counts).toEqual([17, 7, 1]);
  });

  it('shows each 2019 agency\'s tasks as carried on without it, since the 2021 plan names no units', async () => {
    const [p19] = (await compare(FUZHOU)).body.pairs as Pair[];
    const big = p19!.agencies.find((a) => a.name === '福州市大数据委')!;
    expect(big.continued).toEqual([]);
    expect(big.added).toEqual([]);
    const summit = p19!.matches.find((m) => p19!.tasks[m.from]!.title === '办好峰会')!;
    expect(big.dropped).toContainEqual({ task: summit.from, handedOver: true });
    expect(p19!.agencies.reduce((n, a) => n + a.dropped.length, 0)).toBe(95);
  });

  it('draws the lineage: the 2019 要点 implements the three-year plan, the 2021 方案 the province\'s', async () => {
    const { body } = await compare(FUZHOU);
    const links = body.lineage.links as { from: string; to: string; type: string }[];
    expect(links).toContainEqual({ from: P2019, to: 'plan:数字福州建设三年行动计划(2018-2020年)', type: 'IMPLEMENTS' });
    expect(links).toContainEqual({ from: P2021, to: 'plan:国家数字经济创新发展试验区(福建)工作方案', type: 'IMPLEMENTS' });
    expect(body.lineage.plans.filter((p: { inSeries: boolean }) => p.inSeries)).toHaveLength(3);
  });

  it('matches one page of pairs at a time', async () => {
    const { body } = await get(`analysis/plans/compare?series=${encodeURIComponent(FUZHOU)}&offset=1&limit=1`);
    expect(body).toMatchObject({ pairTotal: 2, offset: 1 });
    expect(body.pairs.map((p: Pair) => [p.from.year, p.to.year])).toEqual([[2021, 2025]]);
    expect(body.pairs[0].counts).toEqual({ continued: 10, dropped: 13, added: 20 });
  });

  it('refuses a bad threshold or series with a message naming it', async () => {
    const bad = await compare(FUZHOU, 2);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('threshold');
    const junk = await get('analysis/plans/compare?series=nothing');
    expect(junk.status).toBe(400);
    expect(junk.body.error.message).toContain('series');
    const unknown = await compare('广州市|jurisdiction|');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('广州市|jurisdiction|');
    expect((await get('analysis/plans/compare')).status).toBe(400);
    const page = await get(`analysis/plans/compare?series=${encodeURIComponent(FUZHOU)}&limit=0`);
    expect(page.status).toBe(400);
    expect(JSON.stringify(page.body)).toContain('limit');
  });
});

describe('the curated queries behind the view', () => {
  const run = async (name: string, params: unknown) => {
    const res = await fetch(`${app.url}/api/queries/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ params }) });
    return { status: res.status, body: await res.json() };
  };

  it('plan-series lists the plans of a jurisdiction by year', async () => {
    const { status, body } = await run('plan-series', { jurisdiction: '福州市' });
    expect(status).toBe(200);
    expect(body.rows.map((r: { year: number }) => r.year)).toEqual([2019, 2021, 2025]);
  });

  it('task-continuity lists both plans\' tasks in printed order, earlier plan first', async () => {
    const { status, body } = await run('task-continuity', { from: P2019, to: '国家数字经济创新发展试验区(福州)工作方案' });
    expect(status).toBe(200);
    const rows = body.rows as { side: string; number: string; responsible: string[] }[];
    // Units print as 市科技局 / 市工信局 and resolve to the gazetteer's names.
    expect(rows.filter((r) => r.side === 'from')).toHaveLength(28);
    expect(rows.filter((r) => r.side === 'to')).toHaveLength(23);
    expect(rows[0]).toMatchObject({ side: 'from', number: '1' });
    expect(rows.find((r) => r.side === 'from' && r.number === '4')!.responsible).toEqual(['福州市科学技术局', '福州市工业和信息化局', '鼓楼区政府', '马尾区政府', '长乐区政府']);
  });
});

describe('the matching kept per graph state', () => {
  it('answers a threshold after a slider move exactly as a first request at it, and forgets a removed plan', async () => {
    const first = (await compare(FUZHOU, 0.3)).body;
    await compare(FUZHOU, 0.05);
    expect((await compare(FUZHOU, 0.3)).body).toEqual(first);

    const [doc] = await app.db.read<{ id: string }>('MATCH (d:Document)-[:DESCRIBES]->(:Plan {id: $plan}) RETURN d.docId AS id LIMIT 1', { plan: P2021 });
    expect((await removeDocument(app.db, doc!.id)).removed).toBe(true);
    try {
      const pairs = (await compare(FUZHOU, 0.3)).body.pairs as Pair[];
      expect(pairs.map((p) => `${p.from.id}>${p.to.id}`)).toEqual([`${P2019}>${P2025}`]);
    } finally {
      await loadPaths(app.db, [SEEDS_DIR]);
    }
    expect(((await compare(FUZHOU, 0.3)).body.pairs as Pair[]).map((p) => p.counts)).toEqual((first.pairs as Pair[]).map((p) => p.counts));
  });
});

/** A GET as a browser's HTTP cache makes it (fetch() would add Cache-Control: no-cache to a conditional request). */
describe('a comparison as it travels', () => {
  it('goes gzipped to a client that accepts it, as the same JSON, and as 304 to one that already holds it', async () => {
    const url = `${app.url}/api/analysis/plans/compare?series=${encodeURIComponent(FUZHOU)}`;
    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(8 * 1024);
    expect(JSON.parse(plain.body.toString()).pairs).toHaveLength(2);
    const zipped = await rawGet(url, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect((await rawGet(url, { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.etag! })).status).toBe(304);
    expect((await rawGet(url, { 'accept-encoding': 'identity', 'if-none-match': plain.headers.etag! })).status).toBe(304);
  });
});
