import { describe, expect, it } from 'vitest';
import { citedPlanTitle, findPlanCitations, planYear } from '../../../server/extract/plan-references.ts';

const cited = (text: string): string[] =>
  findPlanCitations(text, 0, text.length).map((c) => `${c.implements ? 'IMPLEMENTS' : 'REFERENCES'}:${citedPlanTitle(c.title)}`);

describe('plans cited in a text', () => {
  it('are implemented after 贯彻落实, 根据 and the like, and referenced otherwise', () => {
    expect(cited('为贯彻落实《数字乡村发展战略纲要》,编制《全市智慧农业规划》')).toEqual([
      'IMPLEMENTS:数字乡村发展战略纲要', 'REFERENCES:全市智慧农业规划']);
    expect(cited('根据《数据安全法》有关规定')).toEqual(['IMPLEMENTS:数据安全法']);
    expect(cited('参照《城市大脑建设指南》执行')).toEqual(['REFERENCES:城市大脑建设指南']);
  });

  it('pass implementation on to the titles listed after an implemented one', () => {
    expect(cited('深入贯彻《甲方案》(某发〔2020〕3号)、《乙规划》(某政〔2021〕9号)和《丙意见》等文件精神。修订《丁办法》')).toEqual([
      'IMPLEMENTS:甲方案', 'IMPLEMENTS:乙规划', 'IMPLEMENTS:丙意见', 'REFERENCES:丁办法']);
  });

  it('name the plan a cited notice circulates', () => {
    expect(cited('落实《某省人民政府关于印发数字政府建设行动方案的通知》要求')).toEqual(['IMPLEMENTS:数字政府建设行动方案']);
    expect(cited('根据《市委 市政府关于印发〈智慧城市三年行动纲要〉的通知》')).toEqual(['IMPLEMENTS:智慧城市三年行动纲要']);
  });

  it('link a plan cited without 《》 when it reads as a title: an issuer at its start, a plan word at its end', () => {
    expect(cited('认真落实浙江省数字经济高质量发展总体方案的工作要求')).toEqual(['IMPLEMENTS:浙江省数字经济高质量发展总体方案']);
    expect(cited('贯彻落实国务院关于加快推进政务服务标准化的指导意见精神')).toEqual(['IMPLEMENTS:国务院关于加快推进政务服务标准化的指导意见']);
  });

  it('do not read a decision, a requirement or a short generic phrase as an unquoted plan', () => {
    expect(cited('贯彻落实党中央、国务院关于数字中国建设的决策部署')).toEqual([]);
    expect(cited('落实全市工作要点,按照省里部署推进')).toEqual([]);
    expect(cited('落实国家规划')).toEqual([]);
  });
});

describe('the year of a plan', () => {
  it('is the year printed with 年 in its title, else a bare year, and never a number that is not a year', () => {
    expect(planYear('2024年数字乡村工作要点')).toBe(2024);
    expect(planYear('智慧城市行动计划(2023-2025年)')).toBe(2025);
    expect(planYear('数字经济发展规划2030')).toBe(2030);
    expect(planYear('坚持“3820”战略工程思想精髓的行动纲要')).toBeUndefined();
  });
});
