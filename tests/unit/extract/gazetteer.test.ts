import { describe, expect, it } from 'vitest';
import { agencyKey, loadGazetteer } from '../../../server/extract/gazetteer.ts';
import { resolveAgency } from '../../../server/extract/agencies.ts';
import { jurisdictionOfName, type Jurisdiction } from '../../../server/extract/jurisdiction.ts';
import path from 'node:path';
import { readGazetteer } from '../../../server/extract/read-gazetteer.ts';
import { gazetteer, ROOT } from './helpers.ts';

/** The jurisdiction of a document issued by `issuer`. */
function issuedBy(issuer: string, gaz = gazetteer()): Jurisdiction {
  return jurisdictionOfName(issuer, gaz, 'issuer')!;
}

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
    expect(resolveAgency('长乐区政府', gazetteer(), issuedBy('福州市人民政府'))).toMatchObject({ id: 'agency:长乐区政府', governs: '长乐区' });
    expect(resolveAgency('思明区人民政府', gazetteer(), issuedBy('厦门市人民政府'))).toMatchObject({ id: 'agency:厦门市思明区政府', name: '思明区政府', governs: '思明区', gazetteerAliases: ['思明区人民政府'] });
  });

  it('names a district government in the short form of responsibility lists, whichever form is printed', () => {
    for (const printed of ['长乐区政府', '长乐区人民政府', '长乐区 人民政府']) {
      const a = resolveAgency(printed, gazetteer(), issuedBy('福州市人民政府'));
      expect([a.id, a.name, a.governs]).toEqual(['agency:长乐区政府', '长乐区政府', '长乐区']);
      expect(a.gazetteerAliases).toContain('长乐区人民政府');
    }
    expect(resolveAgency('闽清县人民政府', gazetteer(), issuedBy('福州市人民政府')).id).toBe('agency:闽清县政府');
    expect(resolveAgency('福清市人民政府', gazetteer(), issuedBy('福州市人民政府')).id).toBe('agency:福清市政府');
  });

  it('names the group of district governments 各县(市)区政府 and lists its members in the short form', () => {
    const g = resolveAgency('各县(市)区人民政府', gazetteer(), issuedBy('福州市人民政府'));
    expect([g.id, g.name, g.group]).toEqual(['agency:各县(市)区政府', '各县(市)区政府', true]);
    expect(g.gazetteerAliases).toContain('各县(市)区人民政府');
    expect(g.members).toContain('长乐区政府');
    expect(resolveAgency('各乡镇人民政府', gazetteer(), issuedBy('福州市人民政府'))).toMatchObject({ id: 'agency:各乡镇政府', name: '各乡镇政府', group: true });
  });

  it('keeps the city government under the name that signs its notices', () => {
    expect(resolveAgency('市政府', gazetteer(), issuedBy('福州市人民政府'))).toMatchObject({ id: 'agency:福州市人民政府', name: '福州市人民政府' });
    expect(resolveAgency('福州市人民政府', gazetteer(), issuedBy('福州市人民政府')).id).toBe('agency:福州市人民政府');
    expect(resolveAgency('市政府', gazetteer(), issuedBy('厦门市人民政府'))).toMatchObject({ id: 'agency:厦门市人民政府', name: '厦门市人民政府', level: 'city' });
  });

  it('shortens a 人民政府 name written in a user gazetteer and follows it in group members', () => {
    const gaz = loadGazetteer([
      'city: 宁德',
      'entities:',
      '  - { name: 各县(市)区人民政府, type: agency, group: true, members: [蕉城区人民政府] }',
      '  - { name: 蕉城区人民政府, type: agency, level: district }',
      '  - { name: 宁德市人民政府, type: agency, level: city }',
    ].join('\n'));
    expect(gaz.byName.get('蕉城区政府')!.aliases).toEqual(['蕉城区人民政府']);
    expect(gaz.byName.get('各县(市)区政府')!.members).toEqual(['蕉城区政府']);
    expect(gaz.byName.has('宁德市人民政府')).toBe(true);
    expect(resolveAgency('蕉城区人民政府', gaz, issuedBy('宁德市人民政府', gaz)).id).toBe('agency:蕉城区政府');
  });

  it('keeps unknown units as agencies under the printed name and marks groups', () => {
    expect(resolveAgency('市效能办', gazetteer(), issuedBy('福州市人民政府'))).toMatchObject({ id: 'agency:福州市效能办', name: '福州市效能办', group: false, jurisdiction: '福州市' });
    expect(resolveAgency('各乡镇人民政府', gazetteer(), issuedBy('福州市人民政府'))).toMatchObject({ group: true });
  });

  it('loads the seeds folder per jurisdiction: Fuzhou\'s entries keep their ids, national bodies are 全国\'s', () => {
    const gaz = gazetteer();
    expect(gaz.home).toBe('福州市');
    expect(gaz.byName.get('福州市工业和信息化局')?.jurisdiction).toBe('福州市');
    expect(gaz.byName.get('长乐区政府')?.jurisdiction).toBe('长乐区');
    expect(gaz.byName.get('各县(市)区政府')?.jurisdiction).toBe('福州市');
    expect(gaz.byName.get('工业和信息化部')?.jurisdiction).toBe('全国');
    expect(gaz.areas.get('广州市')).toMatchObject({ level: 'city', province: '广东省' });
    expect(gaz.areas.get('鼓楼区')).toMatchObject({ level: 'district', city: '福州市', province: '福建省' });
    expect(gaz.docNumbers.find((d) => '穗府办'.startsWith(d.prefix))?.jurisdiction).toBe('广州市');
  });

  it('names the file and entry at fault, and refuses a folder without YAML files', () => {
    expect(() => loadGazetteer([{ name: 'guangzhou.yaml', text: 'jurisdiction: 广州市\nentities:\n  - { name: 某局, type: bureau }\n' }])).toThrow(/guangzhou\.yaml.*某局/);
    expect(() => loadGazetteer([{ name: 'areas.yaml', text: 'areas:\n  - { province: 广东 }\n' }])).toThrow(/areas\.yaml.*广东/);
    expect(() => readGazetteer(path.join(ROOT, 'tests', 'fixtures', 'facts'))).toThrow(/no \.yaml files/);
    expect(() => readGazetteer(path.join(ROOT, 'no-such-gazetteer'))).toThrow(/no such file or folder/);
  });
});
