/*
 * The user's node styling (issue 15): colours per label held to the readability rules (fill on the canvas,
 * caption on the fill, labels told apart), size per label, uniform or by degree on the canvas, and the
 * schema that scenes and links use, which refuses an unreadable hand-edited colour by name.
 */
import { describe, expect, it } from 'vitest';
import {
  colourProblem, defaultViewStyle, degreeSize, isDefaultViewStyle, labelColour, nodeLooks, styledLabels, textColourOn, viewDegrees,
  viewStyleSchema, type ViewStyle,
} from '../../../../client/src/canvas/view-style.ts';
import { contrastRatio, DEFAULT_SETTINGS, resolveSettings, validateSettings } from '../../../../client/src/settings.ts';
import type { GEdge, GNode } from '../../../../client/src/state/graph.ts';

const s = DEFAULT_SETTINGS;
const node = (id: string, label: string): GNode => ({ id, label, name: id, properties: {} });
const edge = (id: string, source: string, target: string): GEdge => ({ id, type: 'R', source, target, properties: {} });
const styled = (patch: Partial<ViewStyle>): ViewStyle => ({ ...defaultViewStyle(s), ...patch });

describe('colour rules', () => {
  it('hold for the default label colours and every palette colour', () => {
    expect(() => validateSettings(s)).not.toThrow();
    for (const c of s.style.palette) expect(contrastRatio(c, s.style.canvasBackground)).toBeGreaterThanOrEqual(s.style.minFillContrast);
  });

  it('refuse settings whose palette has a colour too faint for the canvas or two alike', () => {
    expect(() => validateSettings(resolveSettings({ style: { ...s.style, palette: ['#fde047'] } }))).toThrow(/#fde047 has 1\.\d+:1 against the canvas/);
    expect(() => validateSettings(resolveSettings({ style: { ...s.style, palette: ['#2563eb', '#2463ea'] } }))).toThrow(/too alike/);
  });

  it('write a caption dark on light fills and white on dark ones, readable either way', () => {
    expect(textColourOn('#65a30d', s)).toBe(s.style.darkText);
    expect(textColourOn('#16a34a', s)).toBe(s.style.darkText);
    expect(textColourOn('#1e3a8a', s)).toBe(s.style.lightText);
    for (const c of [...s.style.palette, ...Object.values(s.labelStyles).map((l) => l.color)]) {
      expect(contrastRatio(textColourOn(c, s), c)).toBeGreaterThanOrEqual(s.style.minTextContrast);
    }
  });

  it('refuse a colour too faint on the canvas, one like another label\'s, and one that is not a colour', () => {
    const v = defaultViewStyle(s);
    const labels = styledLabels(v, s);
    expect(colourProblem(v, s, 'Agency', '#fef08a', labels)).toMatchObject({ kind: 'contrast', min: 3 });
    expect(colourProblem(v, s, 'Agency', s.labelStyles.Task!.color, labels)).toMatchObject({ kind: 'close', other: 'Task', distance: 0 });
    expect(colourProblem(v, s, 'Agency', 'red', labels)).toEqual({ kind: 'format' });
    expect(colourProblem(v, s, 'Agency', '#1e3a8a', labels)).toBeNull();
    // A label's own current colour never clashes with itself.
    expect(colourProblem(v, s, 'Task', s.labelStyles.Task!.color, labels)).toBeNull();
  });

  it('compare against the colours the user chose, not only the defaults', () => {
    const v = styled({ colors: { Task: '#1e3a8a' } });
    expect(colourProblem(v, s, 'Agency', '#1e3a8a', styledLabels(v, s))).toMatchObject({ kind: 'close', other: 'Task' });
    // Task's old colour is free again.
    expect(colourProblem(v, s, 'Agency', s.labelStyles.Task!.color, styledLabels(v, s))).toBeNull();
  });
});

describe('node looks', () => {
  const nodes = [node('a', 'Agency'), node('t1', 'Task'), node('t2', 'Task'), node('t3', 'Task'), node('p', 'Plan')];
  const edges = [edge('e1', 'a', 't1'), edge('e2', 'a', 't2'), edge('e3', 'a', 't3'), edge('e4', 'p', 't1'), edge('gone', 'a', 'elsewhere')];

  it('take the label\'s colour and size by default, and the user\'s colour when chosen', () => {
    const looks = nodeLooks(styled({ colors: { Task: '#1e3a8a' } }), s, nodes, edges);
    expect(looks.get('a')).toEqual({ color: s.labelStyles.Agency!.color, size: s.labelStyles.Agency!.size, textColor: textColourOn(s.labelStyles.Agency!.color, s) });
    expect(looks.get('t1')).toMatchObject({ color: '#1e3a8a', size: s.labelStyles.Task!.size, textColor: s.style.lightText });
  });

  it('size every node alike in uniform mode and by the label\'s chosen size in label mode', () => {
    expect(new Set([...nodeLooks(styled({ sizeMode: 'uniform', uniformSize: 44 }), s, nodes, edges).values()].map((l) => l.size))).toEqual(new Set([44]));
    expect(nodeLooks(styled({ sizes: { Task: 60 } }), s, nodes, edges).get('t2')!.size).toBe(60);
  });

  it('size by the relationships drawn: the most connected gets max, an unconnected node min, area growing with degree', () => {
    expect(viewDegrees(nodes, edges)).toEqual(new Map([['a', 3], ['t1', 2], ['t2', 1], ['t3', 1], ['p', 1]]));
    const looks = nodeLooks(styled({ sizeMode: 'degree', degreeMin: 20, degreeMax: 80 }), s, [...nodes, node('lonely', 'Park')], edges);
    expect(looks.get('a')!.size).toBe(80);
    expect(looks.get('lonely')!.size).toBe(20);
    expect(looks.get('t2')!.size).toBe(degreeSize(1, 3, { degreeMin: 20, degreeMax: 80 }));
    expect(looks.get('t1')!.size).toBeGreaterThan(looks.get('t2')!.size);
    expect(degreeSize(1, 4, { degreeMin: 20, degreeMax: 80 })).toBe(50);
    expect(degreeSize(0, 0, { degreeMin: 20, degreeMax: 80 })).toBe(20);
  });
});

describe('the stored style', () => {
  const schema = viewStyleSchema(s);

  it('fills missing fields with the defaults and knows the default', () => {
    const v = schema.parse({});
    expect(v).toEqual(defaultViewStyle(s));
    expect(isDefaultViewStyle(v, s)).toBe(true);
    expect(isDefaultViewStyle(styled({ colors: { Task: '#1e3a8a' } }), s)).toBe(false);
    expect(labelColour(v, s, 'Unknown')).toBe(s.fallbackStyle.color);
  });

  it('refuses an unreadable colour naming the label, sizes out of bounds and a min above the max', () => {
    const faint = schema.safeParse({ colors: { Agency: '#ffffff' } });
    expect(faint.success).toBe(false);
    expect(faint.error!.issues[0]!.path).toEqual(['colors', 'Agency']);
    expect(faint.error!.issues[0]!.message).toMatch(/too faint/);
    expect(schema.safeParse({ colors: { Agency: s.labelStyles.Plan!.color } }).error!.issues[0]!.message).toMatch(/too like Plan/);
    expect(schema.safeParse({ uniformSize: 500 }).success).toBe(false);
    expect(schema.safeParse({ degreeMin: 60, degreeMax: 30 }).error!.issues[0]!.path).toEqual(['degreeMin']);
  });
});
