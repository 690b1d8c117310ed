import { describe, expect, it } from 'vitest';
import { breakdownUrl, latestOnly, unitsText } from '../../../../client/src/modes/analysis/breakdown-model.ts';
import { chartOption, figure, indicatorOverTime, reportWhen, statusTotals, type ReportPoint, type TargetResult, type TargetsAnswer } from '../../../../client/src/modes/analysis/targets-model.ts';

const span = { document: 'd', start: 0, end: 1, text: 'x' };
const report = (over: Partial<ReportPoint>): ReportPoint => ({ id: 'r', value: 6500, unit: '个', comparator: '=', year: null, asOf: null, documentId: 'document:d', document: 'D', evidence: span, ...over });
const result = (indicatorId: string, year: number | null, status: TargetResult['status'], rep: ReportPoint | null = null): TargetResult => ({
  indicatorId, indicator: `指标${indicatorId}`, status, report: rep, earlier: null,
  target: { id: `t${indicatorId}${year}`, value: 3000, unit: '个', comparator: '≥', year, setterId: 'task:3', setterNumber: '3', setterTitle: 'x', planId: 'plan:p', plan: 'p', planYear: 2019, evidence: span },
});

describe('a figure as one line', () => {
  it('keeps the comparator unless it is =, with no thousands separators', () => {
    expect(figure({ comparator: '≥', value: 3000, unit: '个' })).toBe('≥3000个');
    expect(figure({ comparator: '=', value: 468.4, unit: '亿元' })).toBe('468.4亿元');
  });

  it('dates a report by its date, else its year, else says the date is unknown', () => {
    expect(reportWhen('zh', report({ asOf: '2021-03-23', year: 2021 }))).toBe('2021-03-23');
    expect(reportWhen('en', report({ year: 2020 }))).toBe('2020');
    expect(reportWhen('zh', report({}))).toBe('日期不详');
    expect(reportWhen('en', report({}))).toBe('date unknown');
  });
});

describe('the targets chart', () => {
  const answer: TargetsAnswer = {
    indicators: [{ indicatorId: 'b', indicator: 'B', unit: '个', targets: 2, lacking: 1, reports: 0, byStatus: { 'met': 0, 'not-met': 0, 'unclear': 0, 'undated': 0, 'no-report': 2 } },
      { indicatorId: 'a', indicator: 'A', unit: '个', targets: 2, lacking: 0, reports: 1, byStatus: { 'met': 1, 'not-met': 0, 'unclear': 0, 'undated': 1, 'no-report': 0 } }],
    byYear: [
      { year: 2019, byStatus: { 'met': 1, 'not-met': 0, 'unclear': 0, 'undated': 0, 'no-report': 1 } },
      { year: 2022, byStatus: { 'met': 0, 'not-met': 0, 'unclear': 0, 'undated': 1, 'no-report': 0 } },
      { year: null, byStatus: { 'met': 0, 'not-met': 0, 'unclear': 0, 'undated': 0, 'no-report': 1 } },
    ],
    results: [],
    total: 4,
  };
  const oneIndicator: TargetsAnswer = { ...answer, results: [result('a', 2019, 'met', report({ id: 'r2', year: 2021, asOf: '2021-03-23' })), result('a', 2022, 'undated', report({}))], total: 2 };

  it('sums the statuses over every indicator', () => {
    expect(statusTotals(answer)).toEqual({ 'met': 1, 'not-met': 0, 'unclear': 0, 'undated': 1, 'no-report': 2 });
  });

  it('stacks the statuses per target year for all indicators', () => {
    const o = chartOption('zh', answer, null) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(o.xAxis.data).toEqual(['2019', '2022', '无年份']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['已达标', [1, 0, 0]], ['未达标', [0, 0, 0]], ['无法判断', [0, 0, 0]], ['报告日期不详', [0, 1, 0]], ['尚无报告', [1, 0, 1]],
    ]);
  });

  it('draws one indicator\'s targets and dated reports over time, and an undated report as a line at its value', () => {
    const o = chartOption('en', oneIndicator, 'a') as { series: { data: { value: number[] }[]; markLine?: { data: { yAxis: number }[] } }[] };
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([[2019, 3000], [2022, 3000]]);
    expect(o.series[1]!.data.map((d) => d.value)).toEqual([[2021, 6500]]);
    expect(o.series[1]!.markLine!.data).toEqual([{ yAxis: 6500 }]);
  });

  it('names each point\'s source document and its date in the tooltip, saying when the year was inferred', () => {
    const inferred = report({ id: 'r3', year: 2021, asOf: '2021-03-23', asOfInferred: true, document: '福州<数字>经济' });
    const o = indicatorOverTime('en', [result('a', 2019, 'met', inferred)]) as { series: { data: { name: string }[]; tooltip: { formatter: (p: { name: string }) => string } }[] };
    const tip = (i: number) => o.series[i]!.tooltip.formatter({ name: o.series[i]!.data[0]!.name });
    expect(tip(0)).toBe('≥3000个 (2019) · met<br/>p · 2019');
    expect(tip(1)).toBe('6500个<br/>福州&lt;数字&gt;经济 · 2021-03-23 (year inferred from the text)');
  });
});

describe('the 分工表 links', () => {
  it('ask for the table of a plan or an agency in a format, with the headings\' language for files', () => {
    expect(breakdownUrl({ kind: 'plan', value: 'plan:2019年数字福州工作要点' }, 'xlsx', 'en'))
      .toBe(`api/analysis/breakdown?plan=${encodeURIComponent('plan:2019年数字福州工作要点')}&format=xlsx&lang=en`);
    expect(breakdownUrl({ kind: 'agency', value: 'agency:x' }, 'json', 'zh')).toBe('api/analysis/breakdown?agency=agency%3Ax&format=json');
  });

  it('join units the way each language lists them', () => {
    const u = (printed: string) => ({ id: printed, name: printed, printed, role: 'responsible' as const, rank: 1, group: false });
    expect(unitsText([u('市科技局'), u('市工信局')], 'zh')).toBe('市科技局、市工信局');
    expect(unitsText([u('市科技局'), u('市工信局')], 'en')).toBe('市科技局, 市工信局');
  });
});

describe('a view\'s fetches', () => {
  it('bring back only the latest outcome, a failure as such, and nothing once the view is gone', async () => {
    let alive = true;
    const latest = latestOnly(() => alive);
    let release!: (v: string) => void;
    const slow = latest(() => new Promise<string>((r) => { release = r; }));
    const fast = latest(async () => 'second');
    release('first');
    expect(await slow).toBeNull();
    expect(await fast).toEqual({ ok: true, value: 'second' });
    const failed = await latest(async () => { throw new Error('no'); });
    expect(failed).toMatchObject({ ok: false });
    alive = false;
    expect(await latest(async () => 'late')).toBeNull();
  });
});
