import { describe, expect, it } from 'vitest';
import { agencyKey, loadGazetteer } from '../../../server/extract/gazetteer.ts';
import { resolveAgency } from '../../../server/extract/agencies.ts';
import { gazetteer } from './helpers.ts';

describe('the gazetteer', () => {
  it('rejects an invalid entry and names it', () => {
    expect(() => loadGazetteer('city: 福州\nentities:\n  - { name: 某某园, type: garden }\n')).toThrow(/某某园/);
    expect(() => loadGazetteer('city: 福州\nentities:\n  - { name: 甲组, type: agency, members: [乙] }\n')).toThrow(/甲组.*乙/);
  });

  it('folds the usual variants of agency names into one key', () => {
    expect(agencyKey('长乐区人民政府', '福州')).toBe(agencyKey('长乐区政府', '福州'));
    expect(agencyKey('市行政(市民)服务中心管理委会', '福州')).toBe(agencyKey('福州市行政（市民）服务中心管理委员会', '福州'));
    expect(agencyKey('市直各有关单位', '福州')).toBe('市直各有关单位');
  });

  it('resolves district governments by rule, even when the district is unknown', () => {
    expect(resolveAgency('长乐区政府', gazetteer(), '福州')).toMatchObject({ id: 'agency:长乐区人民政府', governs: '长乐区' });
    expect(resolveAgency('思明区人民政府', gazetteer(), '厦门')).toMatchObject({ id: 'agency:思明区人民政府', governs: '思明区' });
  });

  it('keeps unknown units as agencies under the printed name and marks groups', () => {
    expect(resolveAgency('市效能办', gazetteer(), '福州')).toMatchObject({ id: 'agency:福州市效能办', name: '市效能办', group: false });
    expect(resolveAgency('各乡镇人民政府', gazetteer(), '福州')).toMatchObject({ group: true });
  });
});
