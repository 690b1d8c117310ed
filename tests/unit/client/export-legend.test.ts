/*
 * The optional legend of exported images (issue 15): one entry per label drawn, counted, in the canvas
 * colour and the UI's words; added to an SVG as its topmost group with the text escaped.
 */
import { describe, expect, it } from 'vitest';
import { legendEntries, legendSize, withSvgLegend } from '../../../client/src/export/legend-overlay.ts';

const colours: Record<string, string> = { Task: '#2563eb', Agency: '#dc2626', Plan: '#7c3aed' };
const names: Record<string, string> = { Task: '任务', Agency: '机构', Plan: '规划' };
const entries = legendEntries(['Task', 'Agency', 'Task', 'Plan', 'Task', 'Agency'], (l) => ({ color: colours[l]! }), (l) => names[l]!);

describe('the legend of an exported image', () => {
  it('lists each label drawn once, most frequent first, with its colour, name and count', () => {
    expect(entries).toEqual([
      { label: 'Task', name: '任务', color: '#2563eb', count: 3 },
      { label: 'Agency', name: '机构', color: '#dc2626', count: 2 },
      { label: 'Plan', name: '规划', color: '#7c3aed', count: 1 },
    ]);
  });

  it('is added to an SVG as its last element, escaped, and leaves an SVG without labels unchanged', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><g id="graph"/></svg>';
    const out = withSvgLegend(svg, [...entries, { label: 'X', name: 'a<b & "c"', color: '#000', count: 1 }]);
    expect(out.startsWith('<svg')).toBe(true);
    expect(out.endsWith('</g></svg>')).toBe(true);
    expect(out.indexOf('export-legend')).toBeGreaterThan(out.indexOf('id="graph"'));
    expect(out).toContain('fill="#2563eb"');
    expect(out).toContain('任务 <tspan fill="#64748b">3</tspan>');
    expect(out).toContain('a&lt;b &amp; &quot;c&quot;');
    expect(withSvgLegend(svg, [])).toBe(svg);
  });

  it('grows with the number of labels and the longest name', () => {
    const one = legendSize(entries.slice(0, 1));
    const all = legendSize(entries);
    expect(all.height).toBeGreaterThan(one.height);
    expect(legendSize([{ label: 'L', name: '很长很长的标签名称', color: '#000', count: 12 }]).width).toBeGreaterThan(one.width);
  });
});
