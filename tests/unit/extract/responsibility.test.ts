import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findResponsibilityLists, splitUnits } from '../../../server/extract/responsibility.ts';
import { extractFile, FIXTURES, responsibilityPairs } from './helpers.ts';

describe('responsibility lists', () => {
  it('splits units at 、 , ; but not inside brackets, and keeps 委、办、局 together', () => {
    const t = '各县(市)区政府、市直各委、办、局(公司),市属各高等院校;高新区管委会';
    expect(splitUnits(t, 0, t.length).map((u) => u.name)).toEqual(['各县(市)区政府', '市直各委、办、局(公司)', '市属各高等院校', '高新区管委会']);
  });

  it('reads lead and support roles with a rank per printed list', () => {
    const t = '推进。(牵头单位:市工信局;配合单位:市财政局、思明区政府)';
    const [list] = findResponsibilityLists(t);
    expect(list!.units.map((u) => [u.name, u.role, u.rank])).toEqual([
      ['市工信局', 'lead', 1], ['市财政局', 'support', 1], ['思明区政府', 'support', 2],
    ]);
  });

  it('extracts the exact pairs of a (一)-numbered plan with 〔〕 brackets and two lists in one item', () => {
    const r = extractFile(path.join(FIXTURES, 'lead-support.txt'));
    expect(responsibilityPairs(r.facts)).toEqual([
      '1.1|市大数据中心|responsible', '1.1|市工信局|lead', '1.1|市财政局|support', '1.1|思明区政府|support',
      '1.2|各区人民政府|support', '1.2|市发改委|lead', '1.2|市直各有关单位|support',
      '2.1|市人社局|support', '2.1|市公安局|support', '2.1|市行政服务中心管理委员会|lead',
      '2.2|市工信局|responsible', '2.2|湖里区人民政府|responsible', '2.2|集美区政府|responsible',
    ].sort());
    const agencies = r.facts.nodes.filter((n) => n.label === 'Agency').map((n) => n.id);
    expect(agencies).toContain('agency:厦门市工信局'); // 市 means the issuing city, here 厦门
  });

  it('extracts the exact pairs of a Markdown plan with full-width brackets and 1． numbering', () => {
    const r = extractFile(path.join(FIXTURES, 'fullwidth.md'));
    expect(r.document).toMatchObject({ title: '示例县数字乡村工作要点', kind: 'plan', issued: '2022-04-01' });
    expect(responsibilityPairs(r.facts)).toEqual([
      '1|县工信局|responsible', '1|县农业农村局|responsible', '1|各乡镇人民政府|responsible',
      '2|县大数据中心|responsible', '2|各乡镇人民政府|responsible',
      '3|县商务局|lead', '3|县农业农村局|support', '3|团县委|support',
    ].sort());
  });

  it('extracts the exact pairs of a GBK-encoded file and expands 各县(市)区政府 to its members', () => {
    const r = extractFile(path.join(FIXTURES, 'gbk-plan.txt'));
    expect(r.encoding).toBe('gb18030');
    expect(responsibilityPairs(r.facts)).toEqual([
      '1|市工信局|responsible', '1|各电信运营商|responsible', '2|马尾区政府|responsible', '2|市科技局|responsible',
      '3|市大数据委|responsible', '3|各县(市)区政府|responsible',
    ].sort());
    const members = r.facts.relationships.filter((x) => x.type === 'MEMBER_OF').map((x) => x.from);
    expect(members).toHaveLength(12);
    expect(members).toContain('agency:长乐区政府');
    expect(r.facts.relationships).toContainEqual(expect.objectContaining({ type: 'MEMBER_OF', from: 'agency:马尾区政府', to: 'agency:各县(市)区政府' }));
    expect(members).not.toContain('agency:平潭综合实验区管委会');
  });

  it('finds tasks but no responsibilities in a plan without lists', () => {
    const r = extractFile(path.join(FIXTURES, 'no-lists.txt'));
    expect(r.facts.nodes.filter((n) => n.label === 'Task').map((n) => n.props.title)).toEqual(['建设交通大脑', '推进智慧停车', '发展车路协同']);
    expect(responsibilityPairs(r.facts)).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('warns about a readable document with no recognisable structure', () => {
    const r = extractFile(path.join(FIXTURES, 'no-structure.txt'));
    expect(r.warnings).toEqual(['no-structure.txt: no recognisable structure (no numbered items, lists, figures or named entities)']);
  });
});
