// Units of an autonomous region's lists: its departments printed with 自治区 or bare, and the places it
// counts (四市人民政府) as a group of its own, not as a county-level city named 四市.
import { describe, expect, it } from 'vitest';
import { resolveAgency } from '../../../server/extract/agencies.ts';
import { jurisdictionOfName } from '../../../server/extract/jurisdiction.ts';
import { gazetteer } from './helpers.ts';

const region = () => jurisdictionOfName('内蒙古自治区人民政府', gazetteer(), 'issuer')!;

describe('the units of an autonomous region\'s lists', () => {
  it('name a department printed with 自治区 once with the region in front, like one printed without it', () => {
    const printed = resolveAgency('自治区交通运输厅', gazetteer(), region());
    expect(printed).toMatchObject({ name: '内蒙古自治区交通运输厅', jurisdiction: '内蒙古自治区', jurisdictionLevel: 'province' });
    expect(resolveAgency('财政厅', gazetteer(), region())).toMatchObject({ name: '内蒙古自治区财政厅', jurisdiction: '内蒙古自治区' });
    expect(resolveAgency('内蒙古自治区交通运输厅', gazetteer(), region()).id).toBe(printed.id);
  });

  it('read the governments of places the document counts (四市人民政府, 两区政府) as a group of the region', () => {
    for (const printed of ['四市人民政府', '两区政府', '十二盟市人民政府']) {
      expect(resolveAgency(printed, gazetteer(), region()), printed).toMatchObject({ group: true, jurisdiction: '内蒙古自治区', jurisdictionLevel: 'province' });
    }
    // A named place is no count: 石狮市人民政府 stays that city's government.
    expect(resolveAgency('石狮市人民政府', gazetteer(), region())).toMatchObject({ group: false });
  });
});
