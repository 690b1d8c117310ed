import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../server/extract/figures.ts';
import { gazetteer } from './helpers.ts';

/** "indicator key|comparator value unit" for every figure found in `text`. */
function figures(text: string): string[] {
  return findFigures(text, 0, text.length, gazetteer(), 2024).map((f) => `${f.indicatorKey}|${f.comparator}${f.value}${f.unit}`);
}

describe('figures and their indicators', () => {
  it('strip leading quantifier words and verbs from the subject', () => {
    expect(figures('到2023年,全市已有人工智能上市企业12家。')).toEqual(['人工智能上市企业|=12家']);
    expect(figures('全省共实施智慧交通项目86个')).toEqual(['智慧交通项目|=86个']);
    expect(figures('孵化或引入区块链创新企业20家以上')).toEqual(['区块链创新企业|≥20家']);
    expect(figures('研制地方标准9项')).toEqual(['地方标准|=9项']);
    expect(figures('已建成5G基站1.2万个')).toEqual(['5G基站|=12000个']);
  });

  it('do not eat the first character of a subject that only looks like a quantifier word', () => {
    expect(figures('累计提供共享数据接口调用达80万次以上')).toEqual(['共享数据接口调用|≥800000次']);
    expect(figures('有效发明专利拥有量超2000件')).toEqual(['有效发明专利拥有量|>2000件']);
  });

  it('reject subjects that are generic single words', () => {
    expect(figures('福州拥有省级58家、市级80家。')).toEqual([]);
    expect(figures('规模突破3000亿元')).toEqual([]);
    expect(figures('累计服务超过120万人次。')).toEqual([]);
  });

  it('reject ordinal and event phrases', () => {
    expect(figures('推动第三届博览会120个签约项目落地')).toEqual([]);
    expect(figures('首批60个事项实现跨省通办')).toEqual([]);
    expect(figures('前两届大会共签约88个项目')).toEqual([]);
  });

  it('reject subjects that are verb clauses', () => {
    expect(figures('每位市民每年平均花费500元。')).toEqual([]);
    expect(figures('累计为企业提供各项服务2.5万次。')).toEqual([]);
    expect(figures('市民累计使用服务300万次以上。')).toEqual([]);
  });

  it('count what follows 等, not the examples before it', () => {
    expect(figures('建设智慧路灯、智能井盖等物联网终端5000个')).toEqual(['物联网终端|=5000个']);
    expect(figures('培育星云、海创等12个省级工业互联网示范平台')).toEqual(['省级工业互联网示范平台|=12个']);
    expect(figures('围绕制造、物流等8个重点行业,推进改造')).toEqual([]);
  });

  it('take the head noun after 的 and drop a trailing 落户 when the subject follows the figure', () => {
    expect(figures('打造3个以上具有区域特色的数字乡村示范片区')).toEqual(['数字乡村示范片区|≥3个']);
    expect(figures('吸引500家数字经济企业落户')).toEqual(['数字经济企业|=500家']);
    expect(figures('汇聚不少于200个数据产品并实现交易')).toEqual(['数据产品|≥200个']);
  });

  it('skip a share printed before its noun, whose predicate comes later', () => {
    expect(figures('超85%政务服务事项实现全程网办')).toEqual([]);
  });

  it('skip a figure that only qualifies the noun of a later figure', () => {
    expect(figures('年产值超十亿元的龙头企业达到15家')).toEqual(['年产值超十亿元龙头企业|=15家']);
  });

  it('name growth and shares after the indicator they belong to', () => {
    expect(figures('电子信息产业产值达到900亿元,比增15%')).toEqual(['电子信息产业产值|=900亿元', '电子信息产业产值增速|=15%']);
    expect(figures('已建成5G基站1.2万个,约占全省总数的30%')).toEqual(['5G基站|=12000个', '5G基站占全省比重|=30%']);
  });

  it('merge printed variants through the indicator lexicon', () => {
    expect(figures('我市拥有数字经济上市企业40家;数字经济上市企业数达到45家;目前已有数字经济上市企业47家'))
      .toEqual(['数字经济上市企业|=40家', '数字经济上市企业|=45家', '数字经济上市企业|=47家']);
    expect(figures('“上云上平台”企业突破3500家')).toEqual(['上云上平台工业企业|>3500家']);
    expect(figures('拥有3个全国数字农业建设试点;建成全国数字农业建设试点项目4个'))
      .toEqual(['数字农业建设试点|=3个', '数字农业建设试点|=4个']);
  });
});

describe('increments, generic totals and goal years', () => {
  const found = (text: string) => findFigures(text, 0, text.length, gazetteer(), 2020);

  it('read a 新增 figure as an increment with its own indicator, for every item of the clause', () => {
    const fs = found('今年新增市级智慧农场5个、数字果园示范点8个,建成智慧农场30个。');
    expect(fs.map((f) => `${f.indicatorKey}|${f.value}|${f.measure ?? 'total'}`)).toEqual([
      '新增市级智慧农场|5|increment', '新增数字果园示范点|8|increment', '智慧农场|30|total']);
  });

  it('read 新增 before the figure as an increment when the noun follows it', () => {
    expect(found('为市民卡新增30项以上线上功能。').map((f) => `${f.indicatorKey}|${f.measure ?? 'total'}`)).toEqual(['新增线上功能|increment']);
  });

  it('make no indicator of 总投资 or 共享服务 alone, and name a total investment after what it invests in', () => {
    expect(found('每月共享服务50万次以上。')).toEqual([]);
    expect(found('全年总投资800亿元。')).toEqual([]);
    expect(found('开工智慧交通项目40个,总投资近600亿元。').map((f) => f.indicatorKey)).toEqual(['智慧交通项目', '智慧交通项目总投资']);
  });

  it('give the targets of a goals paragraph the goal year stated before them, until the next heading', () => {
    const text = '一、发展目标\n到2027年,全市数据要素市场基本形成。培育数据服务企业200家以上。\n——建成行业数据空间12个。\n二、重点任务\n建设公共数据专区3个。';
    expect(found(text).map((f) => `${f.indicatorKey}|${f.year}`)).toEqual(['数据服务企业|2027', '行业数据空间|2027', '公共数据专区|2020']);
  });

  it('do not carry a goal year into a sentence that reports the present (目前, 现已, 截至目前)', () => {
    const text = '一、发展目标\n到2027年,培育数据服务企业200家以上。目前,全市已有数据服务企业80家。截至目前,建成行业数据空间4个。';
    expect(found(text).map((f) => `${f.indicatorKey}|${f.value}|${f.year}`)).toEqual([
      '数据服务企业|200|2027', '数据服务企业|80|2020', '行业数据空间|4|2020']);
  });

  it('still carry the goal year into a sentence where 目前 is only part of 项目前期', () => {
    const text = '一、发展目标\n到2027年,培育数据服务企业200家以上。加大项目前期工作力度,建成行业数据空间12个。';
    expect(found(text).map((f) => `${f.indicatorKey}|${f.year}`)).toEqual(['数据服务企业|2027', '行业数据空间|2027']);
  });
});
