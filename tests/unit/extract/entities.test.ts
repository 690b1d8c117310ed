import { describe, expect, it } from 'vitest';
import { EntityRecogniser } from '../../../server/extract/entities.ts';
import { gazetteer } from './helpers.ts';

const recogniser = new EntityRecogniser(gazetteer());
/** "Label:name" for every entity mention in `text`. */
const entities = (text: string): string[] => recogniser.find(text, 0, text.length, []).map((m) => `${m.label}:${m.name}`);

describe('named entities in running text', () => {
  it('do not include slogans for research institutes in general', () => {
    expect(entities('加快引进一批“大院大所大实验室”,推进重点实验室建设')).toEqual([]);
    expect(entities('积极对接大院大所,引进大院大所大实验室')).toEqual([]);
  });

  it('do not include events named only by the kind of event they belong to', () => {
    expect(entities('发挥峰会创新大赛带动效应')).toEqual([]);
    expect(entities('办好大会配套论坛和峰会分论坛')).toEqual([]);
    expect(entities('举办第三届数字经济论坛')).toEqual([]);
  });

  it('do not include generic parks and centres', () => {
    expect(entities('建设省级重点数字经济园区和一批特色小镇')).toEqual([]);
    expect(entities('支持龙头企业建设研发中心和数字经济产业园')).toEqual([]);
  });

  it('include named parks, institutions, events and companies', () => {
    expect(entities('推进闽江口数字产业园建设')).toEqual(['Park:闽江口数字产业园']);
    expect(entities('举办海峡青年创新大赛')).toEqual(['Event:海峡青年创新大赛']);
    expect(entities('与榕城智联科技有限公司合作')).toEqual(['Company:榕城智联科技有限公司']);
    expect(entities('推动联合国教科文组织教育信息技术研究所落地')).toEqual(['Institution:联合国教科文组织教育信息技术研究所']);
  });

  it('end a name before a verb that follows another entity', () => {
    expect(entities('联合星海微电子研究院共建实验室')).toEqual(['Institution:星海微电子研究院']);
    expect(entities('招引百度人工智能实验室')).toEqual(['Company:百度', 'Institution:百度人工智能实验室']);
  });
});
