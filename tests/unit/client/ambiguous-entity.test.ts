/*
 * A short name several cities print (市发改委) once two cities' plans are loaded: the curated forms, the 分工表's
 * agency field and the console say which agencies it could mean, with their areas, in the UI's language,
 * instead of answering for whichever one sorts first.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/api/client.ts';
import type { SearchHit } from '../../../client/src/api/types.ts';
import { errorText } from '../../../client/src/api/error-text.ts';
import { AmbiguousEntityError, resolveNames } from '../../../client/src/modes/query/query-actions.ts';
import { formErrorFrom, formErrorText } from '../../../client/src/state/form-errors.ts';

const candidates = [
  { id: 'agency:丽水市发改委', name: '丽水市发改委', jurisdiction: '丽水市' },
  { id: 'agency:福州市发展和改革委员会', name: '福州市发展和改革委员会', jurisdiction: '福州市' },
  { id: 'agency:doc1:市发改委', name: '市发改委', jurisdiction: null },
];
const ambiguous = new ApiError(400, 'VALIDATION_FAILED', "Invalid parameter 'agency' of query 'tasks-of-agency': '市发改委' names several Agency nodes", {
  issues: [{ field: 'agency', message: "'市发改委' names several Agency nodes; pass one's id", reason: 'ambiguous-entity', label: 'Agency', value: '市发改委', candidates }],
});

describe('a name that several agencies share', () => {
  it('is reported under the curated form with every candidate and its area, in either language', () => {
    const fe = formErrorFrom('tasks-of-agency', ambiguous);
    expect(fe).toEqual({ query: 'tasks-of-agency', param: 'agency', kind: 'ambiguous-entity', label: 'Agency', value: '市发改委', candidates });
    expect(formErrorText('zh', fe)).toBe('“市发改委”可指 3 个机构:丽水市发改委(丽水市)、福州市发展和改革委员会(福州市)、市发改委(地区不明)。请选择其中一个');
    expect(formErrorText('en', fe)).toBe('“市发改委” could be any of 3: 丽水市发改委 (丽水市), 福州市发展和改革委员会 (福州市), 市发改委 (area unknown). Pick one');
  });

  it('is said the same way by any view that shows an API error (the 分工表 by agency)', () => {
    expect(errorText('zh', ambiguous)).toBe(formErrorText('zh', formErrorFrom('x', ambiguous)));
    expect(errorText('en', ambiguous)).not.toMatch(/Invalid|VALIDATION|\bnodes\b/);
  });

  it('is not taken for an ambiguity when the issue carries no usable candidate', () => {
    const bare = new ApiError(400, 'VALIDATION_FAILED', 'x', { issues: [{ field: 'agency', reason: 'ambiguous-entity', label: 'Agency', value: 'X', candidates: [{ id: 1 }] }] });
    expect(formErrorFrom('q', bare)).toMatchObject({ kind: 'other', param: 'agency' });
  });
});

describe('a name typed for an id parameter in the console', () => {
  const hit = (id: string, name: string, matched: string | null, jurisdiction: string | null): SearchHit => ({
    id, label: 'Agency', labels: ['Entity', 'Agency'], name, matched, matchedBy: [], jurisdiction, score: 1,
  });
  const hits: Record<string, SearchHit[]> = {
    市发改委: [hit('agency:丽水市发改委', '丽水市发改委', '市发改委', '丽水市'), hit('agency:厦门市发改委', '厦门市发改委', '市发改委', '厦门市'), hit('agency:丽水市发改委', '丽水市发改委', '市发改委', '丽水市')],
    丽水市发改委: [hit('agency:丽水市发改委', '丽水市发改委', null, '丽水市'), hit('agency:厦门市发改委', '厦门市发改委', null, '厦门市')],
  };
  const api = { search: async (q: string) => hits[q] ?? [] };
  const query = 'MATCH (a:Agency {id: $agency}) RETURN a';

  it('fails with every agency it is an alias of, each once, instead of taking the first suggestion', async () => {
    await expect(resolveNames(api, query, { agency: '市发改委' })).rejects.toEqual(new AmbiguousEntityError('agency', '市发改委', 'Agency', [
      { id: 'agency:丽水市发改委', name: '丽水市发改委', jurisdiction: '丽水市' },
      { id: 'agency:厦门市发改委', name: '厦门市发改委', jurisdiction: '厦门市' },
    ]));
  });

  it('takes the one agency called exactly that, though others are among the suggestions', async () => {
    const params: Record<string, unknown> = { agency: '丽水市发改委' };
    await resolveNames(api, query, params);
    expect(params.agency).toBe('agency:丽水市发改委');
  });
});
