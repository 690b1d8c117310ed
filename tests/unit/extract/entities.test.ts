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

describe('platforms, bases, institutions and companies named without a suffix walk', () => {
  it('include a platform named by whose it is or which public service it runs', () => {
    expect(entities('上线社会保障卡公共服务平台,实现全程网办')).toEqual(['Platform:社会保障卡公共服务平台']);
    expect(entities('依托省电子证照共享交换平台开展互认')).toEqual(['Platform:省电子证照共享交换平台']);
    expect(entities('建成厦门市智慧停车调度系统')).toEqual(['Platform:厦门市智慧停车调度系统']);
  });

  it('do not include platforms and systems that only name a kind', () => {
    expect(entities('建设企业服务平台和两地政务服务平台')).toEqual([]);
    expect(entities('打造全市统一的安全态势感知系统')).toEqual([]);
    expect(entities('发挥政策发布平台、成果展示平台作用')).toEqual([]);
    expect(entities('推进城市综合管理平台建设')).toEqual([]);
  });

  it('include the platforms listed before 等 and the kind they are, when they read as names', () => {
    expect(entities('培育了星链云、榕工云等6个省级工业互联网平台')).toEqual(['Platform:星链云', 'Platform:榕工云']);
    expect(entities('推动“侨乡通”“闽商汇”等侨务数字化平台建设')).toEqual(['Platform:侨乡通', 'Platform:闽商汇']);
    expect(entities('汇聚政务数据、信用数据等一批大数据平台')).toEqual([]);
  });

  it('include a quoted name before 平台 inside a clause, not at its head', () => {
    expect(entities('运营好“智慧工会”平台')).toEqual(['Platform:智慧工会']);
    expect(entities('在园区,“国字号”平台纷纷落地')).toEqual([]);
  });

  it('share a quoted park name among the places listed before it', () => {
    expect(entities('建设南湖、北湖和西湖“双创园”')).toEqual(['Park:南湖双创园', 'Park:北湖双创园', 'Park:西湖双创园']);
  });

  it('include named bases and keep a short noun joined by 与 before a bracketed qualifier', () => {
    expect(entities('推进国家数据安全人才与产业(厦门)基地建设')).toEqual(['Park:国家数据安全人才与产业(厦门)基地']);
    expect(entities('打造环湖新区网络直播生态基地')).toEqual(['Park:环湖新区网络直播生态基地']);
    expect(entities('建设造船基地、数据标注基地,支持校企共建实训基地')).toEqual([]);
    expect(entities('打造1—2个数据标注基地')).toEqual([]);
  });

  it('include institutions named by their kind of centre, association or exchange', () => {
    expect(entities('成立泉州市人工智能协会')).toEqual(['Institution:泉州市人工智能协会']);
    expect(entities('推动海峡数据交易所建设')).toEqual(['Institution:海峡数据交易所']);
    expect(entities('深化与南海航运保障中心合作')).toEqual(['Institution:南海航运保障中心']);
    expect(entities('发挥5G等行业协会的作用')).toEqual([]);
  });

  it('read short forms only in a list of them, and a group as each of its members', () => {
    expect(entities('支持电信、移动、联通建设5G网络')).toEqual(['Company:中国电信', 'Company:中国移动', 'Company:中国联通']);
    expect(entities('推广移动支付和移动互联网应用')).toEqual([]);
    expect(entities('协调三大运营商加快建设')).toEqual(['Company:中国电信', 'Company:中国移动', 'Company:中国联通']);
    expect(entities('打造苏万宝(苏宁、万象、宝龙)商圈')).toEqual(['Company:苏宁', 'Company:华润万象生活', 'Company:宝龙']);
  });

  it('name a known company\'s cloud as a platform', () => {
    expect(entities('推广华为数字政务云')).toEqual(['Company:华为', 'Platform:华为数字政务云']);
  });

  it('include a quoted name with the kind of event it is', () => {
    expect(entities('记者从“智慧海洋产业合作”新闻发布会上获悉')).toEqual(['Event:智慧海洋产业合作新闻发布会']);
  });

  it('say that a park\'s district comes from the gazetteer when the text does not state it', () => {
    const [soft] = recogniser.find('入驻福州软件园', 0, 7, []);
    expect(soft?.locatedIn).toMatchObject({ name: '鼓楼区', fromGazetteer: true });
    const [named] = recogniser.find('建设长乐海洋遥感产业园', 0, 11, []);
    expect(named?.locatedIn).toMatchObject({ name: '长乐区' });
    expect(named?.locatedIn?.fromGazetteer).toBeUndefined();
  });
});

describe('descriptions that look like names', () => {
  it('are not entities: an item marker glued to a kind, a description, a congress, a verb phrase', () => {
    expect(entities('3.进一步加强高新技术产业园')).toEqual([]);
    expect(entities('建设东南沿海重要现代产业基地')).toEqual([]);
    expect(entities('落实市第十五届人民代表大会精神')).toEqual([]);
    expect(entities('大幅压减论坛、庆典活动')).toEqual([]);
  });
});
