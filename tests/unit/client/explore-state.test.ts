import { describe, expect, it } from 'vitest';
import { countsBy, sameSelection } from '../../../client/src/state/explore-state.ts';

const rows = [
  { type: 'RESPONSIBLE_FOR', label: 'Task', count: 11 },
  { type: 'MEMBER_OF', label: 'Agency', count: 1 },
  { type: 'ADDRESSED_TO', label: 'Plan', count: 2 },
  { type: 'ISSUED_BY', label: 'Plan', count: 1 },
  { type: '*', label: 'Task', count: 11 },
  { type: '*', label: 'Agency', count: 1 },
  // A plan both addressed to and issued by the selection is one neighbour.
  { type: '*', label: 'Plan', count: 2 },
];

describe('counts of a selection\'s neighbours', () => {
  it('sums per relationship type over labels, most first, without the any-type rows', () => {
    expect(countsBy(rows, 'type')).toEqual([['RESPONSIBLE_FOR', 11], ['ADDRESSED_TO', 2], ['ISSUED_BY', 1], ['MEMBER_OF', 1]]);
  });

  it('counts per label from the any-type rows, so a neighbour reached two ways counts once', () => {
    expect(countsBy(rows, 'label')).toEqual([['Task', 11], ['Plan', 2], ['Agency', 1]]);
    expect(countsBy(rows, 'label', 'ISSUED_BY')).toEqual([['Plan', 1]]);
  });

  it('compares selections as sets', () => {
    expect(sameSelection(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSelection(['a'], ['a', 'b'])).toBe(false);
  });
});
