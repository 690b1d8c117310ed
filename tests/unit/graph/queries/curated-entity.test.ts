/*
 * Which node a curated query's entity parameter names, from resolve-entity's hits (best first): an id exactly,
 * a name or alias only when one node has it at the best rank; several (市发改委 of two cities) are refused with
 * the candidates and their areas, so no one gets another city's tasks without being told.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../server/errors.ts';
import { curatedQueries, entityOf } from '../../../../server/graph/queries/curated.ts';

const param = curatedQueries().get('tasks-of-agency')!.header.params.find((p) => p.name === 'agency')!;
const hit = (id: string, rank: number, jurisdiction: string | null = null) => ({ id, name: id.replace(/^agency:/, ''), jurisdiction, rank });

function refusal(f: () => unknown): AppError {
  try { f(); } catch (e) { if (e instanceof AppError) return e; throw e; }
  throw new Error('expected a refusal');
}

describe('an entity parameter', () => {
  it('takes an id even when the same text is also another node\'s alias', () => {
    expect(entityOf('tasks-of-agency', param, 'agency:丽水市发改委', [hit('agency:丽水市发改委', 0), hit('agency:厦门市发改委', 2)])).toBe('agency:丽水市发改委');
  });

  it('takes the one node of that name before the nodes that only have it as an alias', () => {
    expect(entityOf('tasks-of-agency', param, '市发改委', [hit('agency:doc:市发改委', 1), hit('agency:丽水市发改委', 2), hit('agency:厦门市发改委', 2)])).toBe('agency:doc:市发改委');
  });

  it('takes the one node whose alias it is, a node found twice counting once', () => {
    expect(entityOf('tasks-of-agency', param, '市发改委', [hit('agency:丽水市发改委', 2), hit('agency:丽水市发改委', 2)])).toBe('agency:丽水市发改委');
  });

  it('refuses an alias several nodes share, with a 400 naming each candidate and its area', () => {
    const e = refusal(() => entityOf('tasks-of-agency', param, '市发改委', [hit('agency:丽水市发改委', 2, '丽水市'), hit('agency:厦门市发改委', 2, '厦门市'), hit('agency:x:市发改委', 2)]));
    expect(e.status).toBe(400);
    expect(e.message).toContain("'市发改委' names several Agency nodes: 丽水市发改委 (丽水市), 厦门市发改委 (厦门市), x:市发改委 (area unknown)");
    expect(e.details).toEqual({ issues: [{
      field: 'agency', message: "'市发改委' names several Agency nodes; pass one's id", reason: 'ambiguous-entity', label: 'Agency', value: '市发改委',
      candidates: [
        { id: 'agency:丽水市发改委', name: '丽水市发改委', jurisdiction: '丽水市' },
        { id: 'agency:厦门市发改委', name: '厦门市发改委', jurisdiction: '厦门市' },
        { id: 'agency:x:市发改委', name: 'x:市发改委', jurisdiction: null },
      ],
    }] });
  });

  it('says "no agency named X" when nothing has that id, name or alias', () => {
    const e = refusal(() => entityOf('tasks-of-agency', param, '不存在的局', []));
    expect(e.status).toBe(400);
    expect(e.details).toMatchObject({ issues: [{ field: 'agency', reason: 'unknown-entity', label: 'Agency', value: '不存在的局' }] });
  });
});
