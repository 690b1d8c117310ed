/*
 * Errors in the UI's language (issue 15): every code the server can answer has a message in both
 * languages, details the UI knows (an unknown entity, an id not found) are said in words, and no
 * message in the Chinese dictionary carries the server's English.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/api/client.ts';
import { apiErrorText, ERROR_MESSAGES, errorText } from '../../../client/src/api/error-text.ts';
import { ERROR_CODES } from '../../../server/errors.ts';

describe('the error messages of the UI', () => {
  it('have a Chinese and an English message for every code the server answers with', () => {
    for (const code of ERROR_CODES) {
      expect(Object.keys(ERROR_MESSAGES), code).toContain(code);
      const zh = apiErrorText('zh', code);
      const en = apiErrorText('en', code);
      expect(zh, code).toMatch(/\p{Script=Han}/u);
      expect(zh, code).not.toMatch(/[A-Za-z]{2,}/);
      expect(en, code).not.toMatch(/\p{Script=Han}/u);
      expect(en, code).not.toBe(code);
    }
  });

  it('say "no agency named X" for the unknown-entity issue of a curated form, in either language', () => {
    const details = { issues: [{ field: 'agency', reason: 'unknown-entity', label: 'Agency', value: '不存在的局' }] };
    const e = new ApiError(400, 'VALIDATION_FAILED', "Invalid params field 'agency': no Agency named '不存在的局'", details);
    expect(errorText('zh', e)).toBe('没有名为“不存在的局”的机构');
    expect(errorText('en', e)).toMatch(/agency named “不存在的局”/i);
    expect(errorText('zh', e)).not.toMatch(/Invalid|VALIDATION/);
  });

  it('name the id that was not found without its label prefix', () => {
    expect(apiErrorText('zh', 'NOT_FOUND', { id: 'agency:长乐区政府' })).toBe('找不到“长乐区政府”');
    expect(apiErrorText('en', 'NOT_FOUND', { ids: ['task:x1'] })).toBe('Nothing found for “x1”');
  });

  it('name the parameter of a validation failure only when it is a plain identifier', () => {
    expect(apiErrorText('zh', 'VALIDATION_FAILED', { issues: [{ field: 'limit', message: 'must be a number' }] })).toBe('参数 $limit 的值无效');
    expect(apiErrorText('zh', 'VALIDATION_FAILED', { issues: [{ field: 'params.a b' }] })).toBe('输入有误');
  });

  it('say the server cannot be reached for a fetch with no answer, and give the status of an unknown code', () => {
    expect(errorText('zh', new TypeError('Failed to fetch'))).toBe('无法连接服务器');
    expect(errorText('en', new ApiError(502, 'HTTP_502', 'Bad Gateway'))).toBe('Server error (502)');
    expect(errorText('zh', new ApiError(502, 'HTTP_502', 'Bad Gateway'))).toBe('服务器错误(502)');
  });
});
