/*
 * The 分工表 as officials lay it out — 序号 / 重点任务 / 牵头单位 / 配合单位 (with 所属部分, the printed number,
 * the task as printed and where it stands in the source) — for the XLSX (ExcelJS) and CSV exports. One table
 * model feeds both writers, so the two files always carry the same cells. Units are joined with 、 in the
 * order the source prints them.
 */
import ExcelJS from 'exceljs';
import type { Breakdown, BreakdownUnit } from '../../graph/queries/analysis-breakdown.ts';
import { csvCell } from './csv.ts';

export type SheetLang = 'zh' | 'en';

const HEADINGS = {
  zh: { seq: '序号', plan: '规划', section: '所属部分', number: '原文编号', title: '重点任务', lead: '牵头单位', support: '配合单位', responsible: '责任单位', via: '承担方式', text: '依据原文', source: '出处', direct: '直接' },
  en: { seq: 'No.', plan: 'Plan', section: 'Part', number: 'Printed number', title: 'Key task', lead: 'Lead units', support: 'Supporting units', responsible: 'Responsible units', via: 'How', text: 'Source text', source: 'Source', direct: 'direct' },
} as const;

export interface SheetTable {
  headers: string[];
  rows: string[][];
  /** Per row, where the 出处 cell links to (the document's original text in the API), when the row has evidence. */
  links: (string | null)[];
  /** Column widths in characters, for the XLSX. */
  widths: number[];
}

const units = (us: BreakdownUnit[]) => us.map((u) => u.printed).join('、');

/** The columns and cells of a breakdown; `base` is the server's own URL, for the links back to the evidence. */
export function breakdownTable(b: Breakdown, lang: SheetLang, base: string): SheetTable {
  const H = HEADINGS[lang];
  const agency = b.kind === 'agency';
  const cols: { head: string; width: number; cell: (r: Breakdown['rows'][number]) => string }[] = [
    { head: H.seq, width: 6, cell: (r) => String(r.seq) },
    ...(agency ? [{ head: H.plan, width: 30, cell: (r: Breakdown['rows'][number]) => r.plan }] : []),
    { head: H.section, width: 24, cell: (r) => r.section },
    { head: H.number, width: 8, cell: (r) => r.number },
    { head: H.title, width: 30, cell: (r) => r.title },
    ...(b.columns.split ? [
      { head: H.lead, width: 24, cell: (r: Breakdown['rows'][number]) => units(r.lead) },
      { head: H.support, width: 36, cell: (r: Breakdown['rows'][number]) => units(r.support) },
    ] : []),
    ...(b.columns.responsible ? [{ head: H.responsible, width: 40, cell: (r: Breakdown['rows'][number]) => units(r.responsible) }] : []),
    ...(agency ? [{ head: H.via, width: 14, cell: (r: Breakdown['rows'][number]) => (r.via === 'direct' ? H.direct : r.via ?? '') }] : []),
    { head: H.text, width: 60, cell: (r) => r.text },
    { head: H.source, width: 30, cell: (r) => (r.evidence ? `${r.evidence.document} [${r.evidence.start}–${r.evidence.end}]` : '') },
  ];
  return {
    headers: cols.map((c) => c.head),
    rows: b.rows.map((r) => cols.map((c) => c.cell(r))),
    links: b.rows.map((r) => (r.evidence ? `${base}/api/documents/${encodeURIComponent(`document:${r.evidence.document}`)}` : null)),
    widths: cols.map((c) => c.width),
  };
}

/** UTF-8 with a byte-order mark, so Excel opens the Chinese text as UTF-8; CRLF lines; formula-looking cells defused. */
export function breakdownCsv(t: SheetTable): string {
  const lines = [t.headers, ...t.rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One worksheet: bold frozen header row, wrapped cells, the 出处 cell a hyperlink to the document. */
export async function breakdownXlsx(t: SheetTable, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Policy Graph Explorer';
  // Excel refuses sheet names over 31 characters or with []:*?/\.
  const ws = wb.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.headers.map((h, i) => ({ header: h, width: t.widths[i] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  const sourceCol = t.headers.length;
  t.rows.forEach((cells, i) => {
    const row = ws.addRow(cells);
    row.alignment = { vertical: 'top', wrapText: true };
    const link = t.links[i];
    if (link) row.getCell(sourceCol).value = { text: cells[sourceCol - 1] ?? '', hyperlink: link };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
