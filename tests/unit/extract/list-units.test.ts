/*
 * Precision of list units: brackets and label runs whose text ends like a body but names none. Each input is a
 * form found while reading the extractor's units on pages of the genre (docs/extraction.md, "Precision").
 */
import { describe, expect, it } from 'vitest';
import { findResponsibilityLists } from '../../../server/extract/responsibility.ts';
import { looksLikeBareUnit, splitListUnits } from '../../../server/extract/list-units.ts';

const units = (text: string): string[] => findResponsibilityLists(text).flatMap((l) => l.units.map((u) => `${u.name}|${u.role}`));
const items = (brackets: string[]): string => brackets.map((b, i) => `${i + 1}.推进政务服务标准化。建设平台。(${b})`).join('\n');

describe('bare brackets closing an item', () => {
  it('read no unit from a place, a thing, an event, a trade or a direction whose last character ends body names (大厅, 平台, 网站, 格局, 电商, 座谈会, 东部)', () => {
    expect(units(items(['政务大厅', '省级平台', '政府网站', '新格局', '跨境电商', '推介会', '座谈会', '东部', '暂行']))).toEqual([]);
  });

  it('read no unit from a slogan of service ending in 办 (一网通办, 跨省通办, 马上就办, 帮办代办)', () => {
    expect(units(items(['一网通办', '跨省通办', '马上就办', '帮办代办', '一件事一次办', '掌上办']))).toEqual([]);
  });

  it('read no unit from the document\'s own area named as the scope of the work (全市, 本区, 我县)', () => {
    expect(units(items(['全市', '本区', '我县']))).toEqual([]);
  });

  it('still read bodies whose names end in those characters, and named areas', () => {
    expect(units(items(['市政务服务中心', '市委办', '海关总署', '市交通办', '市总工会', '市委统战部', '鼓楼区', '各乡镇']))).toEqual([
      '市政务服务中心|responsible', '市委办|responsible', '海关总署|responsible', '市交通办|responsible',
      '市总工会|responsible', '市委统战部|responsible', '鼓楼区|responsible', '各乡镇|responsible',
    ]);
    expect(looksLikeBareUnit('市文明办')).toBe(true);
    expect(looksLikeBareUnit('一网通办')).toBe(false);
  });

  it('keep reading a labelled or verb-closed list whatever its units end in', () => {
    expect(units('1.建设政务大厅。(责任单位:市行政服务中心管理委员会)\n2.开展招商。(市商务局牵头,全市各级各部门配合)')).toEqual([
      '市行政服务中心管理委员会|responsible', '市商务局|lead', '全市各级各部门|support',
    ]);
  });
});

describe('pieces that end like a body but name none', () => {
  it('read no unit from a count of bodies, which is a figure of the task ((新增50家企业), (3家单位))', () => {
    expect(units(items(['新增50家企业', '3家单位', '两个部门']))).toEqual([]);
  });

  it('read no unit from a reference to the units named before ((以上单位按职责分工负责), (上述部门))', () => {
    expect(units(items(['以上单位按职责分工负责', '上述部门']))).toEqual([]);
  });

  it('read no glued phrase from a sentence that gives a unit its role ((市发改委为第一责任单位))', () => {
    expect(units(items(['市发改委为第一责任单位']))).toEqual([]);
  });

  it('read no unit from a group of people or of work opened by 各 ((各分管领导), (各级领导干部), (各项任务))', () => {
    expect(units(items(['各分管领导', '各级领导干部', '各项任务', '市政府常务会']))).toEqual([]);
    expect(units(items(['各有关部门', '市直各单位', '各县(市、区)']))).toEqual(['各有关部门|responsible', '市直各单位|responsible', '各县(市、区)|responsible']);
  });

  it('read a unit without the person printed after it in a bracket (区发改局(局长王俊), 市财政局(分管副局长李明))', () => {
    expect(units('1.完善公共服务体系。\n牵头单位:区发改局(局长王俊)\n责任单位:市财政局(分管副局长李明)、市工信局(大数据局)')).toEqual([
      '区发改局|lead', '市财政局|responsible', '市工信局(大数据局)|responsible',
    ]);
  });
});

describe('a group glued to the clause after it', () => {
  it('reads no unit from a 各 group followed by 按职责分工 and a word that is no verb of the genre (a reworded copy of 粤府办〔2023〕5号)', () => {
    const t = '  2.对具有稳固收益、可获得较好预期投资回报的交通及相关站场服务设施、水利、都会基础设施、节能降碳等领域重点项目,原则上推行市场化运作,激励支持民间资源介入。'
      + '(省生长改造委、交通运输厅、水利厅、住房城乡建设厅、能源局等省有关部门和各地级以上市人民政府按职责分工卖力)';
    expect(units(t).filter((u) => u.includes('按职责'))).toEqual([]);
    expect(units('2.推进。(省发展改革委、交通运输厅等省有关部门和各地级以上市人民政府按职责分工负责)')).toEqual([
      '省发展改革委|responsible', '交通运输厅|responsible', '各地级以上市人民政府|responsible',
    ]);
  });
});

describe('runs under a label', () => {
  it('read no unit from a placeholder cell of a flattened task table (同上, 待定, 无)', () => {
    expect(units('1.加强统筹。\n责任单位:同上\n2.推进。\n牵头单位:待定\n配合单位:无')).toEqual([]);
  });

  it('read no unit from a clause printed after the label (各县区要高度重视, 各级各部门按照属地管理原则抓好落实)', () => {
    expect(units('1.加强统筹。\n责任单位:各县区要高度重视\n2.推进。(责任单位:各级各部门按照属地管理原则抓好落实)')).toEqual([]);
  });

  it('read no unit from the people who answer for units ((各责任单位主要负责同志负总责))', () => {
    expect(units('(一)加强组织领导。各责任单位要高度重视。(各责任单位主要负责同志负总责)')).toEqual([]);
  });

  it('still read units whose run ends in the verb 按职责分工负责, and units no body word ends (全区经济运行各专班)', () => {
    expect(units('1.推进。(责任单位:市发改委、各县区按照职责分工负责)\n2.增长。\n责任单位:立山经济开发区,全区经济运行各专班')).toEqual([
      '市发改委|responsible', '各县区|responsible', '立山经济开发区|responsible', '全区经济运行各专班|responsible',
    ]);
  });
});

describe('characters of clauses inside names', () => {
  it('read units named with 应急, 供应 or 将乐 in a list without a label ((市应急管理局牵头,市公安局配合))', () => {
    expect(units('1.加强应急管理。(市应急管理局牵头,市公安局配合)\n2.保障供应。(市供应链管理中心、将乐县人民政府负责)')).toEqual([
      '市应急管理局|lead', '市公安局|support', '市供应链管理中心|responsible', '将乐县人民政府|responsible',
    ]);
    expect(units('1.推进。(各地应加快推进)')).toEqual([]);
  });
});

describe('units printed with spaces between them', () => {
  it('read a bracket of names parted by spaces as several units, not one glued name (市发改委 市财政局 市商务局)', () => {
    expect(units('1.加强统筹协调。(市发改委 市财政局 市商务局)')).toEqual(['市发改委|responsible', '市财政局|responsible', '市商务局|responsible']);
  });

  it('keep a body printed in two parts whole when the second part does not open with its level (国家税务总局 福州市税务局)', () => {
    const t = '国家税务总局 福州市税务局、福州市 鼓楼区人民政府';
    expect(splitListUnits(t, 0, t.length).map((u) => u.name)).toEqual(['国家税务总局 福州市税务局', '福州市 鼓楼区人民政府']);
  });
});
