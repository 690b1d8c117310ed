/*
 * The 分工表 endpoint on the seed documents loaded by the real loader: the 2019 plan's table against the
 * hand-checked gold (tests/fixtures/gold/2019-work-plan-responsibility.json), the XLSX and CSV files,
 * one agency's reverse breakdown and the 4xx answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';
import { seededTestApp } from './helpers.ts';

interface Gold { plan: string; tasks: { number: string; title: string; responsible: string[] }[] }
const gold = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'tests', 'fixtures', 'gold', '2019-work-plan-responsibility.json'), 'utf8')) as Gold;
const PLAN = `plan:${gold.plan}`;

let app: RunningServer;
const get = (q: string) => fetch(`${app.url}/api/analysis/breakdown?${q}`);

beforeAll(async () => {
  app = await seededTestApp();
});
afterAll(async () => {
  await app?.stop();
});

interface Unit { printed: string; name: string; role: string }
interface Row { seq: number; number: string; title: string; section: string; lead: Unit[]; support: Unit[]; responsible: Unit[]; evidence: { document: string; start: number; end: number } | null; via?: string; plan: string }

describe('GET /api/analysis/breakdown?plan=', () => {
  it('gives the 2019 plan its 28 tasks in print order with every unit as printed, as the gold has them', async () => {
    const res = await get(`plan=${encodeURIComponent(PLAN)}`);
    expect(res.status).toBe(200);
    const body = await res.json() as { subject: { id: string }; columns: { split: boolean; responsible: boolean }; rows: Row[]; total: number };
    expect(body.subject.id).toBe(PLAN);
    expect(body.total).toBe(28);
    expect(body.rows.map((r) => [r.number, r.title])).toEqual(gold.tasks.map((t) => [t.number, t.title]));
    // The 2019 plan prints bare 责任单位 lists: no lead/support split, so the table has a 责任单位 column only.
    expect(body.columns).toEqual({ split: false, responsible: true });
    expect(body.rows.map((r) => r.responsible.map((u) => u.printed))).toEqual(gold.tasks.map((t) => t.responsible));
    expect(body.rows.flatMap((r) => r.responsible).length).toBe(95);
  });

  it('links every task to the span from its heading to the end of its printed list', async () => {
    const body = await (await get(`plan=${encodeURIComponent(PLAN)}`)).json() as { rows: Row[] };
    const doc = await (await fetch(`${app.url}/api/documents/document:${body.rows[3]!.evidence!.document}`)).json() as { document: { text: string } };
    const item4 = body.rows[3]!.evidence!;
    const span = doc.document.text.slice(item4.start, item4.end);
    expect(span.startsWith('4、增强公共技术服务平台支撑能力')).toBe(true);
    expect(span.endsWith('长乐区政府')).toBe(true);
  });

  it('answers the first tasks of a long table and says how many there are', async () => {
    const body = await (await get(`plan=${encodeURIComponent(PLAN)}&limit=5`)).json() as { rows: Row[]; total: number };
    expect(body.rows.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(body.total).toBe(28);
  });

  it('finds the plan by its name too', async () => {
    const body = await (await get(`plan=${encodeURIComponent(gold.plan)}`)).json() as { rows: Row[] };
    expect(body.rows).toHaveLength(28);
  });

  it('splits 牵头 from 配合 where the source does', async () => {
    const body = await (await get(`plan=${encodeURIComponent('plan:国家数字经济创新发展试验区(福州)工作方案')}`)).json() as { columns: { split: boolean }; rows: Row[] };
    // Whatever the plan prints, every unit lands in exactly one of the three columns, in rank order.
    for (const r of body.rows) for (const us of [r.lead, r.support, r.responsible]) expect(us.every((u) => ['lead', 'support', 'responsible'].includes(u.role))).toBe(true);
    expect(body.columns.split).toBe(body.rows.some((r) => r.lead.length + r.support.length > 0));
  });

  it('exports the table as XLSX in the officials\' layout, units joined with 、 in print order', async () => {
    const res = await get(`plan=${encodeURIComponent(PLAN)}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`${gold.plan}-重点任务分工表.xlsx`)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '所属部分', '原文编号', '重点任务', '责任单位', '依据原文', '出处']);
    expect(ws.rowCount).toBe(29);
    const units = (ws.getRow(5).getCell(5).value as string).split('、');
    expect(units).toEqual(['市科技局', '市工信局', '鼓楼区政府', '马尾区政府', '长乐区政府']);
    const source = ws.getRow(5).getCell(7).value as { hyperlink: string };
    expect(source.hyperlink).toMatch(/\/api\/documents\/document%3A002_bccb920477d76c9e$/);
  });

  it('exports CSV as UTF-8 with a byte-order mark and English headings on request', async () => {
    const res = await get(`plan=${encodeURIComponent(PLAN)}&format=csv&lang=en`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('No.,Part,Printed number,Key task,Responsible units,Source text,Source');
    expect(lines).toHaveLength(29);
    expect(lines[4]).toContain('市科技局、市工信局、鼓楼区政府、马尾区政府、长乐区政府');
  });
});

describe('GET /api/analysis/breakdown?agency=', () => {
  it('lists 长乐区政府\'s 11 tasks of the 2019 plan, 4 direct and 7 through 各县(市)区政府', async () => {
    const res = await get(`agency=${encodeURIComponent('长乐区人民政府')}`);
    expect(res.status).toBe(200);
    const body = await res.json() as { subject: { id: string; name: string }; rows: Row[] };
    expect(body.subject.id).toBe('agency:长乐区政府');
    const in2019 = body.rows.filter((r) => r.plan === gold.plan);
    expect(in2019.filter((r) => r.via === 'direct').map((r) => r.number)).toEqual(['4', '5', '17', '18']);
    expect(in2019.filter((r) => r.via !== 'direct').map((r) => r.number)).toEqual(['2', '10', '16', '21', '22', '23', '24']);
    expect(in2019.filter((r) => r.via !== 'direct').every((r) => r.via === '各县(市)区政府')).toBe(true);
  });

  it('exports the agency\'s breakdown with the plan and how it carries each task', async () => {
    const text = (await (await get(`agency=${encodeURIComponent('agency:长乐区政府')}&format=csv`)).text()).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    // 长乐区政府's tasks sit in bare 责任单位 lists only: no 牵头/配合 columns.
    expect(lines[0]).toBe('序号,规划,所属部分,原文编号,重点任务,责任单位,承担方式,依据原文,出处');
    const item2 = lines.find((l) => l.startsWith('1,'))!;
    expect(item2).toContain(`${gold.plan},`);
    expect(lines.filter((l) => l.includes(',各县(市)区政府,'))).toHaveLength(7);
  });
});

describe('bad requests', () => {
  it('names the missing choice between plan and agency', async () => {
    const res = await get('format=xlsx');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/exactly one of plan and agency/);
  });

  it('names an unknown format', async () => {
    const res = await get(`plan=${encodeURIComponent(PLAN)}&format=pdf`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/format.*'json', 'xlsx' or 'csv'/);
  });

  it('names a limit out of range', async () => {
    const res = await get(`plan=${encodeURIComponent(PLAN)}&limit=0`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/limit.*at least 1/);
  });

  it('says which plan does not exist', async () => {
    const res = await get('plan=no-such-plan');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/no Plan with id or name 'no-such-plan'/);
  });
});
