import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { breakdownCsv, breakdownTable, breakdownXlsx } from '../../../server/api/formats/breakdown-table.ts';
import type { Breakdown, BreakdownRow, BreakdownUnit } from '../../../server/graph/queries/analysis-breakdown.ts';

const unit = (printed: string, role: BreakdownUnit['role'], rank: number): BreakdownUnit => ({ id: `agency:${printed}`, name: printed, printed, role, rank, group: false });
const row = (seq: number, over: Partial<BreakdownRow> = {}): BreakdownRow => ({
  seq, taskId: `task:${seq}`, section: '一、总体', number: String(seq), title: `任务${seq}`, text: `${seq}、任务${seq}。`,
  lead: [], support: [], responsible: [], evidence: { document: 'doc', start: 10 * seq, end: 10 * seq + 5 }, planId: 'plan:p', plan: '某规划', ...over,
});
const plan = (rows: BreakdownRow[], columns: Breakdown['columns']): Breakdown => ({ kind: 'plan', subject: { id: 'plan:p', name: '某规划' }, columns, rows, total: rows.length });

describe('the 分工表 layout', () => {
  it('has 牵头 and 配合 columns when the plan splits its units, units joined with 、 in printed order', () => {
    const t = breakdownTable(plan([row(1, { lead: [unit('市大数据委', 'lead', 1)], support: [unit('市工信局', 'support', 2), unit('市财政局', 'support', 3)] })], { split: true, responsible: false }), 'zh', 'http://h');
    expect(t.headers).toEqual(['序号', '所属部分', '原文编号', '重点任务', '牵头单位', '配合单位', '依据原文', '出处']);
    expect(t.rows[0]).toEqual(['1', '一、总体', '1', '任务1', '市大数据委', '市工信局、市财政局', '1、任务1。', 'doc [10–15]']);
    expect(t.links).toEqual(['http://h/api/documents/document%3Adoc']);
  });

  it('adds a 责任单位 column only when some list has no split, and the agency table its plan and how', () => {
    const b: Breakdown = { ...plan([row(1, { responsible: [unit('长乐区政府', 'responsible', 1)], via: 'direct' }), row(2, { via: '各县(市)区政府', evidence: null })], { split: false, responsible: true }), kind: 'agency' };
    const t = breakdownTable(b, 'zh', 'http://h');
    expect(t.headers).toEqual(['序号', '规划', '所属部分', '原文编号', '重点任务', '责任单位', '承担方式', '依据原文', '出处']);
    expect(t.rows.map((r) => r[6])).toEqual(['直接', '各县(市)区政府']);
    expect(t.links).toEqual(['http://h/api/documents/document%3Adoc', null]);
  });

  it('heads the columns in English on request', () => {
    expect(breakdownTable(plan([], { split: true, responsible: true }), 'en', '').headers)
      .toEqual(['No.', 'Part', 'Printed number', 'Key task', 'Lead units', 'Supporting units', 'Responsible units', 'Source text', 'Source']);
  });
});

describe('the files', () => {
  const t = breakdownTable(plan([row(1, { title: '=HYPERLINK("x")', responsible: [unit('市科技局', 'responsible', 1)] }), row(2, { text: '第一行\n第二行, 含"引号"' })], { split: false, responsible: true }), 'zh', 'http://h');

  it('write CSV as UTF-8 with a byte-order mark, CRLF lines, quoted cells and formulas defused', () => {
    const csv = breakdownCsv(t);
    expect(csv.startsWith('\uFEFF序号,所属部分')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toContain(`'=HYPERLINK(""x"")`);
    expect(csv).toContain('"第一行\n第二行, 含""引号"""');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('write an XLSX whose cells are the table\'s, with the source cell a hyperlink', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await breakdownXlsx(t, '名字里有/和:的规划')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('名字里有 和 的规划');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(t.headers);
    expect(ws.getRow(2).getCell(4).value).toBe('=HYPERLINK("x")');
    expect(ws.getRow(2).getCell(t.headers.length).value).toEqual({ text: 'doc [10–15]', hyperlink: 'http://h/api/documents/document%3Adoc' });
    expect(ws.rowCount).toBe(3);
  });
});
