import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/api/client.ts';
import type { SearchHit } from '../../../client/src/api/types.ts';
import { idParams, looksLikeEntityId } from '../../../client/src/modes/query/query-model.ts';
import { resolveNames, UnknownEntityError } from '../../../client/src/modes/query/query-actions.ts';
import { formErrorFrom, formErrorText } from '../../../client/src/state/form-errors.ts';
import { entityIdIn } from '../../../client/src/state/query-results.ts';

describe('which console parameters are compared with an id', () => {
  it('finds map, equality and IN comparisons with the label of the node', () => {
    const q = `MATCH (a:Entity:Agency {id: $agency})-[:RESPONSIBLE_FOR]->(t:Task)
      MATCH (p:Plan) WHERE p.id = $plan OR t.id IN $tasks AND $doc = d.id
      RETURN a, t, p`;
    expect(Object.fromEntries(idParams(q))).toEqual({ agency: 'Agency', plan: 'Plan', tasks: 'Task', doc: '' });
  });

  it('ignores parameters compared with other properties, in strings or in comments', () => {
    expect([...idParams("MATCH (a:Agency) WHERE a.name = $name // a.id = $x\nRETURN '{id: $y}'")]).toEqual([]);
  });

  it('tells an id from a name', () => {
    expect(looksLikeEntityId('agency:长乐区政府')).toBe(true);
    expect(looksLikeEntityId('task:002_bccb:3')).toBe(true);
    expect(looksLikeEntityId('长乐区政府')).toBe(false);
    expect(looksLikeEntityId('Fuzhou: plan')).toBe(false);
  });
});

describe('names typed for id parameters', () => {
  const hit = (matched: string | null = null): SearchHit => ({
    id: 'agency:长乐区政府', label: 'Agency', labels: ['Entity', 'Agency'], name: '长乐区政府', matched, matchedBy: [], jurisdiction: null, score: 1,
  });
  const hits: Record<string, SearchHit[]> = {
    长乐区政府: [hit()],
    长乐区人民政府: [hit('长乐区人民政府')],
    长乐: [hit()],
  };
  const api = { search: async (q: string) => hits[q] ?? [] };
  const query = 'MATCH (a:Agency {id: $agency}) RETURN a';

  it('are replaced by the id of the entity of that name or alias, and reported', async () => {
    const params: Record<string, unknown> = { agency: '长乐区人民政府' };
    expect(await resolveNames(api, query, params)).toEqual([{ param: 'agency', name: '长乐区人民政府', id: 'agency:长乐区政府' }]);
    expect(params.agency).toBe('agency:长乐区政府');
  });

  it('are left alone when they already are ids', async () => {
    const params: Record<string, unknown> = { agency: 'agency:长乐区政府' };
    expect(await resolveNames({ search: async () => { throw new Error('not asked'); } }, query, params)).toEqual([]);
    expect(params.agency).toBe('agency:长乐区政府');
  });

  it('fail with the parameter, the name and the label when no entity has exactly that name', async () => {
    await expect(resolveNames(api, query, { agency: '长乐' })).rejects.toEqual(new UnknownEntityError('agency', '长乐', 'Agency'));
    await expect(resolveNames(api, query, { agency: '长乐' })).rejects.toMatchObject({ param: 'agency', value: '长乐', label: 'Agency' });
  });
});

describe('a curated form\'s error', () => {
  const unknown = new ApiError(400, 'VALIDATION_FAILED', "Invalid parameter 'agency' of query 'tasks-of-agency': no Agency with id or name 'X'", {
    issues: [{ field: 'agency', message: "no Agency with id or name 'X'", reason: 'unknown-entity', label: 'Agency', value: 'X' }],
  });

  it('names the unknown agency in the UI language', () => {
    const fe = formErrorFrom('tasks-of-agency', unknown);
    expect(fe).toEqual({ query: 'tasks-of-agency', param: 'agency', kind: 'unknown-entity', label: 'Agency', value: 'X' });
    expect(formErrorText('zh', fe)).toBe('没有名为“X”的机构');
    expect(formErrorText('en', fe)).toBe('No agency named “X”');
  });

  it("says other server errors from their code in the UI language, never the server's English", () => {
    const fe = formErrorFrom('q', new ApiError(400, 'VALIDATION_FAILED', 'bad limit', { issues: [{ field: 'limit', message: 'must be at most 500' }] }));
    expect(fe).toMatchObject({ kind: 'other', param: 'limit' });
    expect(formErrorText('en', fe)).toBe('The value of $limit is not valid');
    expect(formErrorText('zh', fe)).toBe('参数 $limit 的值无效');
  });

  it('asks for an entity before running when the field is empty', () => {
    expect(formErrorText('zh', { query: 'q', param: 'agency', kind: 'missing', label: 'Agency' })).toBe('请先填写或选择机构');
    expect(formErrorText('en', { query: 'q', param: 'agency', kind: 'missing', label: 'Agency' })).toBe('Type or pick the agency first');
  });
});

describe('the node a typed name stands for in a result', () => {
  const graph = { nodes: [{ id: 'agency:长乐区政府', label: 'Agency', labels: ['Entity', 'Agency'], name: '长乐区政府', aliases: ['长乐区人民政府'], properties: {} }], edges: [] };
  it('is found by id, name or alias', () => {
    expect(entityIdIn(graph, 'agency:长乐区政府', 'Agency')).toBe('agency:长乐区政府');
    expect(entityIdIn(graph, '长乐区人民政府', 'Agency')).toBe('agency:长乐区政府');
    expect(entityIdIn(graph, '长乐区政府', 'Plan')).toBe('长乐区政府');
  });
});
