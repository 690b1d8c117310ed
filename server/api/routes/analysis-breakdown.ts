/*
 * GET /api/analysis/breakdown: the 分工表 of a plan (?plan=) or one agency's breakdown across all plans
 * (?agency=), as JSON for the analysis view or as the XLSX / CSV file officials work with.
 */
import { Router } from 'express';
import { z } from 'zod';
import { breakdown, MAX_ROWS, plansWithTasks } from '../../graph/queries/analysis-breakdown.ts';
import type { AppDeps } from '../app-deps.ts';
import { breakdownCsv, breakdownTable, breakdownXlsx } from '../formats/breakdown-table.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { analysisLimit, entityName } from './analysis-params.ts';

export const BreakdownQuery = z.strictObject({
  plan: entityName.optional().describe('Plan id or name: the plan\'s 分工表'),
  agency: entityName.optional().describe('Agency id, name or printed alias: its tasks across all plans'),
  format: z.enum(['json', 'xlsx', 'csv'], { error: "must be 'json', 'xlsx' or 'csv'" }).default('json').describe('Output format'),
  lang: z.enum(['zh', 'en'], { error: "must be 'zh' or 'en'" }).default('zh').describe('Language of the column headings in XLSX and CSV'),
  limit: analysisLimit(MAX_ROWS, MAX_ROWS, 'At most this many tasks, in order (`total` says how many there are)'),
}).refine((q) => (q.plan === undefined) !== (q.agency === undefined), { message: 'give exactly one of plan and agency', path: ['plan'] });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function analysisBreakdownRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  registry.add({
    method: 'get', path: '/analysis/breakdown', tag: 'analysis', query: BreakdownQuery,
    summary: 'Task-breakdown table (分工表) of a plan, or one agency\'s tasks across all plans, as JSON, XLSX or CSV',
    response: 'JSON {kind, subject: {id, name}, columns: {split, responsible}, rows: [{seq, section, number, title, text, lead, support, responsible, evidence, plan, year?, via?}], total}; or the table as XLSX or CSV (UTF-8 with BOM) with Content-Disposition',
    produces: ['application/json', XLSX, 'text/csv'],
  });
  registry.add({ method: 'get', path: '/analysis/breakdown/plans', tag: 'analysis', summary: 'Plans with numbered tasks (for the 分工表 picker), newest first', response: '{plans: [{id, name, year, tasks}]}' });
  router.get('/analysis/breakdown/plans', async (_req, res) => {
    res.json({ plans: await plansWithTasks(deps.db, deps.config.cypher) });
  });

  router.get('/analysis/breakdown', async (req, res) => {
    const q = parseInput(BreakdownQuery, req.query, 'query');
    const b = q.plan !== undefined ? await breakdown(deps.db, 'plan', q.plan, deps.config.cypher, q.limit) : await breakdown(deps.db, 'agency', q.agency!, deps.config.cypher, q.limit);
    if (q.format === 'json') {
      res.json(b);
      return;
    }
    const table = breakdownTable(b, q.lang, `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`);
    const file = `${b.subject.name}-${q.lang === 'en' ? 'task-breakdown' : b.kind === 'plan' ? '重点任务分工表' : '任务分工'}`;
    if (q.format === 'csv') {
      res.attachment(`${file}.csv`).type('text/csv; charset=utf-8').send(breakdownCsv(table));
    } else {
      res.attachment(`${file}.xlsx`).type(XLSX).send(await breakdownXlsx(table, b.subject.name));
    }
  });
  return router;
}
