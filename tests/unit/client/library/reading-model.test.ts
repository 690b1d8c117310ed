/*
 * The reading view's model: labels fall in one highlight category each, and readings become nested marks
 * over the text that give the text back exactly, whatever the spans do (nest, share, cross, fall outside).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../../client/src/modes/library/library-types.ts';
import { categoryCounts, categoryOf, readingTree, type ReadingNode } from '../../../../client/src/modes/library/reading-model.ts';

const reading = (start: number, end: number, label: string, id = `${label}:${start}`): Reading =>
  ({ start, end, text: '', relationships: [], entity: { id, label, name: id } });

/** The text the tree gives back, and the marks as "category[start,end](children)". */
const flat = (nodes: ReadingNode[]): string => nodes.map((n) => (n.kind === 'text' ? n.text : flat(n.children))).join('');
const shape = (nodes: ReadingNode[]): string => nodes.filter((n) => n.kind === 'mark')
  .map((n) => (n.kind === 'mark' ? `${n.category}[${n.start},${n.end}]${n.children.some((c) => c.kind === 'mark') ? `(${shape(n.children)})` : ''}` : '')).join(' ');

describe('categoryOf', () => {
  it('puts agencies, tasks, places, organisations, figures and the rest in their categories', () => {
    expect(['Agency', 'Task', 'Park', 'Platform', 'District', 'Company', 'Institution', 'Target', 'Observation', 'Plan', 'Event'].map(categoryOf))
      .toEqual(['agency', 'task', 'place', 'place', 'place', 'org', 'org', 'figure', 'figure', 'other', 'other']);
  });
  it('reads a label it does not know as other', () => {
    expect(categoryOf('Budget')).toBe('other');
  });
});

describe('readingTree', () => {
  const text = '1、建设福州软件园。(责任单位:市工信局、长乐区政府)';

  it('marks each span once, with the words between them as text', () => {
    const tree = readingTree(text, [reading(12, 16, 'Agency'), reading(17, 22, 'Agency'), reading(0, 9, 'Task')]);
    expect(shape(tree)).toBe('task[0,9] agency[12,16] agency[17,22]');
    expect(flat(tree)).toBe(text);
  });

  it('nests a park named inside a task heading', () => {
    const tree = readingTree(text, [reading(0, 9, 'Task'), reading(4, 9, 'Park')]);
    expect(shape(tree)).toBe('task[0,9](place[4,9])');
    expect(flat(tree)).toBe(text);
  });

  it('makes one mark of a span that names several entities, keeping each entity once', () => {
    const tree = readingTree(text, [reading(12, 16, 'Company', 'c:1'), reading(12, 16, 'Company', 'c:2'), reading(12, 16, 'Company', 'c:1')]);
    const mark = tree.find((n) => n.kind === 'mark');
    expect(mark?.kind === 'mark' && mark.entities.map((e) => e.id)).toEqual(['c:1', 'c:2']);
  });

  it('colours a shared span by the first category in the legend order', () => {
    const tree = readingTree(text, [reading(12, 16, 'Target', 't'), reading(12, 16, 'Agency', 'a')]);
    expect(shape(tree)).toBe('agency[12,16]');
  });

  it('cuts a span that crosses another at the outer span end', () => {
    const tree = readingTree(text, [reading(0, 9, 'Task'), reading(6, 12, 'Park')]);
    expect(shape(tree)).toBe('task[0,9](place[6,9])');
    expect(flat(tree)).toBe(text);
  });

  it('leaves out empty spans and spans outside the text', () => {
    expect(shape(readingTree(text, [reading(3, 3, 'Task'), reading(-1, 2, 'Task'), reading(10, 999, 'Task')]))).toBe('');
  });

  it('gives the text back exactly for any set of spans', () => {
    fc.assert(fc.property(
      fc.string({ minLength: 0, maxLength: 60 }),
      fc.array(fc.tuple(fc.nat(70), fc.nat(30), fc.constantFrom('Agency', 'Task', 'Park', 'Target')), { maxLength: 25 }),
      (s, spans) => {
        const tree = readingTree(s, spans.map(([a, len, l], i) => reading(a, a + len, l, `${l}:${i}`)));
        expect(flat(tree)).toBe(s);
      },
    ));
  });
});

describe('categoryCounts', () => {
  it('counts readings per category, zero for the categories a document lacks', () => {
    expect(categoryCounts([reading(0, 1, 'Agency'), reading(2, 3, 'Agency'), reading(4, 5, 'Platform')]))
      .toEqual({ agency: 2, task: 0, place: 1, org: 0, figure: 0, other: 0 });
  });
});
