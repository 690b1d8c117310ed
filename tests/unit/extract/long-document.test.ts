// A document of a few hundred thousand items must extract like a short one: nothing may put one stack
// frame or one call argument per item on the stack (push(...items) overflowed from about 125,000 lists).
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/extract/index.ts';
import { gazetteer } from './helpers.ts';

const SHA = '0'.repeat(64);
/** Above the ~125,000 arguments a call can take on Node's default stack, so the old spread overflowed. */
const ITEMS = 150_000;

describe('a very long document', () => {
  it(`extracts ${ITEMS.toLocaleString('en')} numbered tasks with responsibility lists without overflowing the stack`, () => {
    const lines = ['2019年数字福州工作要点', '一、总体要求'];
    for (let i = 1; i <= ITEMS; i++) lines.push(`${i}、推进任务建设（责任单位：市工信局）`);
    const { facts } = extractText('long', 'long.txt', lines.join('\n'), SHA, gazetteer());
    expect(facts.nodes.some((n) => n.label === 'Task')).toBe(true);
    expect(facts.relationships.some((r) => r.type === 'RESPONSIBLE_FOR')).toBe(true);
  }, 120_000);
});
