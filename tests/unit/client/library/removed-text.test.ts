/*
 * What the toast says after a document is removed: how much left the graph (the server's counters) and, when
 * some of it was drawn, how much left the canvas, in the UI's language.
 */
import { describe, expect, it } from 'vitest';
import { removedText } from '../../../../client/src/modes/library/remove-dialog.ts';

const counters = { nodesCreated: 0, nodesDeleted: 24, relationshipsDeleted: 61 };

describe('the removal toast', () => {
  it('says how many nodes and relationships left the graph', () => {
    expect(removedText('zh', '2023年莲都区政府工作报告重点工作责任分解', counters, 0))
      .toBe('已移除《2023年莲都区政府工作报告重点工作责任分解》:图谱中删去 24 个节点、61 条关系(其他文档也支持的保留)');
    expect(removedText('en', 'X', counters, 0)).toBe('Removed “X”: 24 nodes and 61 relationships left the graph (what other documents also state stays)');
  });

  it('adds how many nodes left the canvas when some did', () => {
    expect(removedText('zh', 'X', counters, 3)).toMatch(/;画布上随之移除 3 个节点$/);
    expect(removedText('en', 'X', counters, 3)).toMatch(/; 3 nodes left the canvas with them$/);
  });

  it('counts nothing removed as 0 when the server sent no counter', () => {
    expect(removedText('en', 'X', {}, 0)).toContain('0 nodes and 0 relationships');
  });
});
