/*
 * The reading view's model, pure so it is unit-tested: which highlight category an entity's label falls
 * in (one colour per category, taken from the canvas's colour of its first label, so a highlight and its
 * node look alike), and how a document's readings become nested marks over its text — spans nest (a park
 * named inside a task's heading), several entities can share one span (三大运营商), and the rare span that
 * crosses another is cut at the outer one's end so the text is never duplicated or lost.
 */
import { settings } from '../../settings.ts';
import type { Reading } from './library-types.ts';

export const READING_CATEGORIES = [
  { id: 'agency', labels: ['Agency'] },
  { id: 'task', labels: ['Task'] },
  { id: 'place', labels: ['Park', 'Platform', 'District'] },
  { id: 'org', labels: ['Company', 'Institution'] },
  { id: 'figure', labels: ['Target', 'Observation', 'Indicator'] },
  { id: 'other', labels: ['Plan', 'Event'] },
] as const;
export type ReadingCategory = (typeof READING_CATEGORIES)[number]['id'];

/** A label the categories do not list (the graph may grow labels) reads as 'other'. */
export function categoryOf(label: string): ReadingCategory {
  return READING_CATEGORIES.find((c) => (c.labels as readonly string[]).includes(label))?.id ?? 'other';
}

export function categoryColor(cat: ReadingCategory): string {
  const first = READING_CATEGORIES.find((c) => c.id === cat)!.labels[0];
  return (settings.labelStyles[first] ?? settings.fallbackStyle).color;
}

export interface MarkNode {
  kind: 'mark';
  start: number;
  end: number;
  category: ReadingCategory;
  /** every entity this span names, in the order the server gave them */
  entities: Reading['entity'][];
  children: ReadingNode[];
}
export type ReadingNode = { kind: 'text'; text: string } | MarkNode;

/** Fills the gaps between marks with text, recursively, within [start, end). */
function withText(text: string, start: number, end: number, marks: MarkNode[]): ReadingNode[] {
  const out: ReadingNode[] = [];
  let at = start;
  for (const m of marks) {
    if (m.start > at) out.push({ kind: 'text', text: text.slice(at, m.start) });
    m.children = withText(text, m.start, m.end, m.children as MarkNode[]);
    out.push(m);
    at = m.end;
  }
  if (end > at) out.push({ kind: 'text', text: text.slice(at, end) });
  return out;
}

/**
 * The text as a tree of plain pieces and marks; concatenating every text piece gives the text back.
 * Readings outside the text or empty are left out.
 */
export function readingTree(text: string, readings: readonly Reading[]): ReadingNode[] {
  const groups = new Map<string, MarkNode>();
  for (const r of readings) {
    if (!(r.start >= 0 && r.end > r.start && r.end <= text.length)) continue;
    const key = `${r.start}:${r.end}`;
    const g = groups.get(key);
    if (g) {
      if (!g.entities.some((e) => e.id === r.entity.id)) g.entities.push(r.entity);
    } else groups.set(key, { kind: 'mark', start: r.start, end: r.end, category: categoryOf(r.entity.label), entities: [r.entity], children: [] });
  }
  // The first category in the list's order wins when one span names entities of several.
  const order = READING_CATEGORIES.map((c) => c.id as ReadingCategory);
  for (const g of groups.values()) g.category = order.find((c) => g.entities.some((e) => categoryOf(e.label) === c)) ?? g.category;
  const sorted = [...groups.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: MarkNode[] = [];
  const stack: MarkNode[] = [];
  for (const m of sorted) {
    while (stack.length && stack[stack.length - 1]!.end <= m.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && m.end > parent.end) m.end = parent.end;
    (parent ? (parent.children as MarkNode[]) : roots).push(m);
    stack.push(m);
  }
  return withText(text, 0, text.length, roots);
}

/** How many readings of each category, for the legend. */
export function categoryCounts(readings: readonly Reading[]): Record<ReadingCategory, number> {
  const counts = Object.fromEntries(READING_CATEGORIES.map((c) => [c.id, 0])) as Record<ReadingCategory, number>;
  for (const r of readings) counts[categoryOf(r.entity.label)]++;
  return counts;
}
