import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findResponsibilityLists, splitUnits } from '../../../server/extract/responsibility.ts';
import { extractText } from '../../../server/extract/extract-document.ts';
import { extractFile, FIXTURES, gazetteer, responsibilityPairs } from './helpers.ts';

const FORMS = path.join(FIXTURES, 'forms');
const formPairs = (file: string): string[] => responsibilityPairs(extractFile(path.join(FORMS, file)).facts);
const units = (text: string): string[] => findResponsibilityLists(text).flatMap((l) => l.units.map((u) => `${u.name}|${u.role}`));

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

describe('every common list form', () => {
  it('reads any label of the family by its role word, and stops at other fields of the same bracket', () => {
    expect(formPairs('labelled-family.txt')).toEqual([
      '1|市应急管理局|support', '1|市气象局|support', '1|市水利局|lead',
      '2|市大数据中心|responsible', '2|市水利局|responsible',
      '3|市城管委|responsible',
      '4|市发展改革委|support', '4|市机关事务管理局|support', '4|市水利局|lead',
      '5|市卫生健康委|support', '5|市水利局|lead', '5|市生态环境局|support',
      '6|示范县人民政府|responsible',
      '7|团市委|support', '7|市水利局|lead', '7|市科协|support',
    ]);
  });

  it('reads unlabelled lists that end in 负责, 牵头, 按职责分工负责 or 配合, and not a bracket whose last clause has no verb', () => {
    expect(formPairs('unlabelled-verbs.txt')).toEqual([
      '1|市市场监管局|responsible', '1|市税务局|responsible',
      '2|市住建局|support', '2|市税务局|support', '2|市自然资源局|lead',
      '3|市交通运输局|responsible', '3|市商务局|responsible',
      '4|各区政府|support', '4|市政务服务中心|lead', '4|市数据局|lead',
      '5|各有关部门|support', '5|市发展改革委|lead',
      '8|各区政府|support', '8|市商务局|lead', '8|市委编办|lead', '8|市政府办公室|lead', '8|市直有关部门(单位)|support',
      '9|市发展改革委|lead', '9|市工信局|support', '9|市财政局|support',
    ]);
  });

  it('reads 按职责牵头 as a lead, and skips a clause of posts held by people (分管副省长、协管副秘书长负责) while reading the bodies after it', () => {
    expect(units('推进。(省政府办公厅、省委编办、商务厅按职责牵头,省直有关部门(单位)及各市(州)人民政府按职责分工负责)')).toEqual([
      '省政府办公厅|lead', '省委编办|lead', '商务厅|lead', '省直有关部门(单位)|support', '各市(州)人民政府|support',
    ]);
    expect(units('能耗下降2.5%(分管副省长、协管副秘书长负责,省发展改革委牵头,省工业和信息化厅、省财政厅配合)')).toEqual([
      '省发展改革委|lead', '省工业和信息化厅|support', '省财政厅|support',
    ]);
    expect(units('推进。(分管副市长负责)')).toEqual([]);
  });

  it('reads a clause that ends in 落实 or 实施 as a duty, as division plans hand the ministries\' work to the provinces, and not one after an adverb or a modal', () => {
    // (X、Y按职责分工负责,各省级人民政府落实): all carry it out; after a 牵头 clause the implementers support.
    expect(formPairs('division-implement.txt')).toEqual([
      '1|各省级人民政府|responsible', '1|商务部|responsible', '1|国家发展改革委|responsible',
      '2|各地区|support', '2|商务部|lead',
      '3|各省、自治区、直辖市人民政府|responsible', '3|文化和旅游部|responsible',
      '5|商务部|lead', '5|有关部门|support',
      '6|人力资源社会保障部|lead', '6|教育部|support',
    ]);
    expect(units('推进。(各部门要切实落实)')).toEqual([]);
    expect(units('推进。(各县区认真落实)')).toEqual([]);
    expect(units('推进。(市发改委牵头,市财政局等部门配合,各县(市、区)政府具体实施)')).toEqual([
      '市发改委|lead', '市财政局|support', '各县(市、区)政府|support',
    ]);
    expect(units('推进。(各区县政府负责实施)')).toEqual(['各区县政府|responsible']);
    expect(units('推进。(试点先行、逐步实施)')).toEqual([]);
  });

  it('reads a bracket in which a body helps another carry the work out (X配合Y落实) as Y leading and X in support, never as one unit', () => {
    // A province's five-year target division closes one line so: 落实 after 部门 closes lists, but 省人事厅配合省委有关部门 is no unit.
    expect(units('纳入政绩考核。(省人事厅配合省委有关部门落实)')).toEqual(['省人事厅|support', '省委有关部门|lead']);
    expect(units('推进。(市财政局协助市发改委负责)')).toEqual(['市财政局|support', '市发改委|lead']);
    // Two bodies joined by 协同 (市工信局协同市商务局落实) are still no unit, and no reading either.
    expect(units('推进。(市工信局协同市商务局落实)')).toEqual([]);
    // The verbs at the clauses' ends still read, and a unit whose name holds 协同 after no body word stays one.
    expect(units('推进。(市发改委牵头,市财政局配合落实)')).toEqual(['市发改委|lead', '市财政局|support']);
    expect(units('推进。(市协同创新中心负责)')).toEqual(['市协同创新中心|responsible']);
  });

  it('reads X会同Y负责 as X leading with Y in support, and not 会同 that is a county\'s name or follows a name ending in 会', () => {
    expect(units('推进。(由市商务局会同市财政局负责)')).toEqual(['市商务局|lead', '市财政局|support']);
    expect(units('推进。(责任单位:市发改委会同市财政局)')).toEqual(['市发改委|lead', '市财政局|support']);
    expect(units('推进。(国家发展改革委牵头,财政部会同有关部门配合)')).toEqual(['国家发展改革委|lead', '财政部|support', '有关部门|support']);
    expect(units('推进。(洪江市、会同县人民政府负责)')).toEqual(['洪江市人民政府|responsible', '会同县人民政府|responsible']);
    expect(units('推进。(市工商联会同市商务局负责)')).toEqual(['市工商联|lead', '市商务局|support']);
    // 协会 / 管委会 end in 会: the 同 after them starts no 会同, so no 市旅游协 is cut off the name.
    expect(units('推进。(市旅游协会同市体育局负责)')).not.toContain('市旅游协|lead');
  });

  it('applies the first-position convention to its own list and every later list without printed roles', () => {
    expect(formPairs('convention.txt')).toEqual([
      '1|区农业农村局|responsible', '1|区工信局|responsible',
      '2|区农业农村局|lead', '2|区商务局|support', '2|各镇人民政府|support',
      '3|区人社局|support', '3|区商务局|lead', '3|团区委|support',
      '4|区农业农村局|lead', '4|区科技局|support',
      '5|区农业农村局|support', '5|区市场监管局|lead',
    ]);
  });

  it('reads label lines under an item as that item\'s list, and skips people and deadlines', () => {
    expect(formPairs('line-lists.txt')).toEqual([
      '1|各区县人民政府|responsible', '1|市发展改革委|lead', '1|市统计局|responsible', '1|市财政局|responsible',
      '2|市住建局|support', '2|市发展改革委|lead', '2|市自然资源局|support',
      '3|各区县|support', '3|各部门|support', '3|市商务局|lead',
    ]);
  });

  it('reads the label columns of a task-breakdown table flattened to tab- or pipe-separated rows', () => {
    expect(formPairs('table-rows.txt')).toEqual([
      '1|区住建局|lead', '1|区财政局|responsible', '1|各街道办事处|responsible',
      '2|区数据局|responsible', '2|区民政局|lead',
      '3|区人社局|lead', '3|区总工会|support', '3|团区委|support',
    ]);
  });

  it('reads a table flattened with every cell on a line of its own by counting the header\'s cells, and skips a 责任领导 column', () => {
    const text = ['2025年开发区重点工作及责任清单', '序号 |', '重点工作 |', '责任领导 |', '责任单位 |', '完成时限 |',
      '1 |', '坚持服务跟着项目走。 |', '张三 |', '招商工作部、安商工作部 |', '全年 |',
      '2 |', '全力推进空间再造。 |', '李四 |', '改革办 |', '全年 |'].join('\n');
    expect(units(text)).toEqual(['招商工作部|responsible', '安商工作部|responsible', '改革办|responsible']);
    const r = extractText('d', 'd.txt', text, '0'.repeat(64), gazetteer());
    expect(responsibilityPairs(r.facts)).toEqual(['1|安商工作部|responsible', '1|招商工作部|responsible', '2|改革办|responsible']);
    const tasks = r.facts.nodes.filter((n) => n.label === 'Task').map((n) => String(n.props.title));
    expect(tasks).toEqual(['坚持服务跟着项目走', '全力推进空间再造']);
  });

  it('reads a table flattened one cell per line without bars, blank lines between the cells, its rows numbered by bare numbers under a lone 序号', () => {
    const text = ['2022年预期目标任务分解表', '', '序号', '', '2022年预期目标', '', '责任单位', '',
      '1', '', '地区生产总值增长5.5%左右', '', '区发展改革委', '', '2', '', '工业增加值增长7%左右', '', '区经济信息委'].join('\n');
    const r = extractText('d', 'd.txt', text, '0'.repeat(64), gazetteer());
    expect(responsibilityPairs(r.facts)).toEqual(['1|区发展改革委|responsible', '2|区经济信息委|responsible']);
    expect(r.facts.nodes.filter((n) => n.label === 'Task').map((n) => String(n.props.title))).toEqual(['地区生产总值增长5.5%左右', '工业增加值增长7%左右']);
    // A count column printing the next row's number is a cell, not a row: rows open a header's width apart.
    const counted = ['重点项目表', '序号', '项目', '个数', '责任单位', '1', '新建基站', '2', '区经济信息委', '2', '改造管网', '5', '区住房城乡建委'].join('\n');
    const c = extractText('c', 'c.txt', counted, '0'.repeat(64), gazetteer());
    expect(responsibilityPairs(c.facts)).toEqual(['1|区经济信息委|responsible', '2|区住房城乡建委|responsible']);
    // Without the 序号 header a bare number alone on its line (a page number) opens no row.
    const noHeader = extractText('e', 'e.txt', text.replace('序号', '编号'), '0'.repeat(64), gazetteer());
    expect(noHeader.facts.nodes.filter((n) => n.label === 'Task')).toEqual([]);
  });

  it('reads a table flattened one cell per line without bars whose first row is a cell short and a heading row stands between the header and the rows, a row for every number', () => {
    // Header 序号 / 主要工作举措 / 牵头单位 / 配合单位 / 责任领导; row 1 prints no 责任领导 cell, so row 2's number
    // comes a line before a row is due; the heading `一、…` after the header is no header cell and no row cell.
    const text = ['任务分解表', '', '序号', '', '主要工作举措', '', '牵头单位', '', '配合单位', '', '责任领导', '', '一、做大做强主导产业', '',
      '1', '', '加快构建现代化产业体系。', '', '区农业农村局', '', '区发展改革局', '',
      '2', '', '加快在建项目的建设进度。', '', '区工业和信息化局', '', '区发展改革局', '', '张三', '',
      '二、扩大有效投资', '',
      '3', '', '推动签约项目落地。', '', '区商务局', '', '各镇政府(街道办事处)', '', '张三'].join('\n');
    const r = extractText('t', 't.txt', text, '0'.repeat(64), gazetteer());
    expect(r.facts.nodes.filter((n) => n.label === 'Task').map((n) => String(n.props.path))).toEqual(['1', '2', '3']);
    expect(responsibilityPairs(r.facts)).toEqual([
      '1|区农业农村局|lead', '1|区发展改革局|support', '2|区发展改革局|support', '2|区工业和信息化局|lead',
      '3|区商务局|lead', '3|各镇政府(街道办事处)|support',
    ]);
  });

  it('reads the last column of a space-separated table whose header ends in a label, for rows whose last word is units', () => {
    expect(formPairs('table-last-column.txt')).toEqual([
      '1|发展改革委|lead', '2|人力资源社会保障部|lead', '3|财政部|lead', '4|发展改革委|lead', '4|工业和信息化部|lead',
    ]);
  });

  it('splits at 及 between units, drops 等 tails, keeps brackets inside units and groups printed in parts', () => {
    expect(formPairs('splitting.txt')).toEqual([
      '1|各区、县(市)政府|responsible', '1|市大数据局|responsible', '1|市大数据局（市政务服务中心）|responsible', '1|市工信局|responsible', '1|市财政局|responsible',
      '2|各县(市、区)政府|responsible', '2|市金融办|responsible', '2|高新区管委会|responsible',
      '3|市公安局|responsible', '3|市委网信办|responsible', '3|市直各委、办、局|responsible',
      '4|各设区市人民政府|responsible', '4|省国资委|responsible', '4|省财政厅|responsible',
      '5|市直有关部门、单位|responsible', '5|福州新区管委会(长乐区政府)|responsible',
      '6|各市(州)人民政府|responsible', '6|省发展改革委(省数据局)|responsible', '6|省市场监管局|responsible', '6|科技厅|responsible',
      '7|各州、市人民政府|responsible', '7|省投资促进局|responsible', '7|省财政厅|responsible',
    ]);
  });

  it('drops a tail whose kind is glossed in a bracket or joined by a second kind (等部门(单位), 等有关部门和单位), not the unit after it', () => {
    expect(units('推进。(省市场监管局等部门(单位)和各市(州)人民政府按职责分工负责)')).toEqual([
      '省市场监管局|responsible', '各市(州)人民政府|responsible',
    ]);
    expect(units('推进。(责任单位:省财政厅等有关部门和单位)')).toEqual(['省财政厅|responsible']);
    expect(units('推进。(责任单位:省财政厅等有关部门及单位,各州、市人民政府)')).toEqual(['省财政厅|responsible', '各州、市人民政府|responsible']);
  });

  it('keeps a group whose areas are printed in 〔〕 inside a round-bracket list (各县〔市、区〕政府) as one unit', () => {
    const t = '市税务局、市财政局,各县〔市、区〕政府';
    expect(splitUnits(t, 0, t.length).map((u) => u.name)).toEqual(['市税务局', '市财政局', '各县〔市、区〕政府']);
    expect(units('推进。(市税务局、市财政局,各县〔市、区〕政府,列第一位的为牵头单位,下同。以下均需各县〔市、区〕政府落实,不再列出)')).toEqual([
      '市税务局|lead', '市财政局|support', '各县〔市、区〕政府|support',
    ]);
  });

  it('reads bare one-unit brackets as lists once a list remarks that the later lists leave a body out (…落实,不再列出)', () => {
    expect(units('1.甲。〔市人社局,此项及以下任务均需各县(市、区)落实,不再列出。各责任单位按职责分工落实〕\n2.乙。(市人社局)\n3.丙。(市发改委、市财政局)')).toEqual([
      '市人社局|responsible', '市人社局|responsible', '市发改委|responsible', '市财政局|responsible',
    ]);
    // Before the remark a bare bracket that closes no numbered item is still no list, nor is one without any remark
    // or convention.
    expect(units('推进甲。(市人社局)\n2.乙。(市发改委,以下均需各县落实,不再列出)\n推进丙。(市财政局)')).toEqual([
      '市发改委|responsible', '市财政局|responsible',
    ]);
    expect(units('推进甲。(市人社局)\n推进乙。(市发改委)')).toEqual([]);
    // The remark does not make prose brackets lists: every piece must still read as a unit.
    expect(units('推进。(市发改委,以下均需各县落实,不再列出)\n2.乙。(以下简称“数据局”)')).toEqual(['市发改委|responsible']);
  });

  it('reads clauses joined by 、 after their verbs (X牵头、Y配合) as two clauses, and 、 between units as one clause', () => {
    expect(units('推进。(责任部门:省政务服务和数字化建设管理局牵头、中省直有关部门配合)')).toEqual([
      '省政务服务和数字化建设管理局|lead', '中省直有关部门|support',
    ]);
    expect(units('推进。(省发展改革委负责、各市政府配合)')).toEqual(['省发展改革委|lead', '各市政府|support']);
    expect(units('推进。(省商务厅、省财政厅配合)')).toEqual(['省商务厅|support', '省财政厅|support']);
  });

  it('gives nothing for rules about lists, abbreviations, dates, document numbers, examples or prose', () => {
    expect(formPairs('not-lists.txt')).toEqual([]);
    expect(units('说明。(未注明牵头单位的,列第一位者为牵头单位)')).toEqual([]);
    expect(units('市大数据委(以下简称“大数据委”)负责。(2023年底前)(国发〔2021〕7号)')).toEqual([]);
    expect(units('各区可探索多种方式(如市发改委、市财政局负责的项目)。')).toEqual([]);
    expect(units('由市大数据委牵头,市工信局配合,抓好落实。')).toEqual([]);
    expect(units('推进试点(试点区县负责人培训)。')).toEqual([]);
    expect(units('所需经费(资金由市财政局负责)。')).toEqual([]);
    expect(units('说明(列第一位者为牵头单位)。\n1.甲。请于月底前报送市政府办公室(市督查室)。')).toEqual([]);
    expect(units('说明(列第一位者为牵头单位)。\n1.甲。推进工作(市督查室、市财政局)。')).toEqual(['市督查室|lead', '市财政局|support']);
  });

  it('reads a list after a time field and a labelled list closed by a sentence that is not units', () => {
    expect(units('推进。(国务院各部门分别负责,年内持续推进)')).toEqual(['国务院各部门|responsible']);
    expect(units('落实。(责任单位:市工信局、市财政局等有关部门,各县区人民政府。以下措施均需各县区落实,不再列出)'))
      .toEqual(['市工信局|responsible', '市财政局|responsible', '各县区人民政府|responsible']);
    expect(units('落实。(责任单位:省发改委、商务厅按职责分工负责。具体任务涉及相关市(州)人民政府,下同。)'))
      .toEqual(['省发改委|responsible', '商务厅|responsible']);
  });

  it('reads a label that follows a sentence on the same line, outside brackets, as the list of that line', () => {
    expect(units('1.推进试点。责任单位:市发改委、共青团中央\n2.推广经验(责任单位:市商务局)')).toEqual([
      '市发改委|responsible', '共青团中央|responsible', '市商务局|responsible',
    ]);
  });

  it('reads a label in brackets of its own before its units, 分别 before a verb, and the convention in reverse word order', () => {
    expect(units('推进。【牵头单位】市发改委、市财政局【配合单位】市工信局\n下一行')).toEqual(['市发改委|lead', '市财政局|lead', '市工信局|support']);
    expect(units('推进。(市发改委、市财政局分别牵头,市工信局配合)')).toEqual(['市发改委|lead', '市财政局|lead', '市工信局|support']);
    expect(units('注:牵头单位均列第一位。\n1.甲。(市发改委、市财政局负责)')).toEqual(['市发改委|lead', '市财政局|support']);
  });

  it('reads 主办 as a lead and 协办 as a support at the end of an unlabelled list, as their labels read', () => {
    expect(units('推进。(省财政厅主办,省国税局、地税局协办)')).toEqual(['省财政厅|lead', '省国税局|support', '地税局|support']);
    expect(units('推进。(省工信委主办)')).toEqual(['省工信委|lead']);
    expect(units('推进。(省发改委、农委、统计局分别负责)')).toEqual(['省发改委|responsible', '农委|responsible', '统计局|responsible']);
  });

  it('keeps a group naming several kinds of area (各省、自治区、直辖市人民政府) as one unit beside the ministries of a national list', () => {
    expect(units('推进。(国家发展改革委、财政部牵头,各省、自治区、直辖市人民政府负责)')).toEqual([
      '国家发展改革委|lead', '财政部|lead', '各省、自治区、直辖市人民政府|support',
    ]);
    expect(units('推进。(责任单位:工业和信息化部、各省、自治区、直辖市)')).toEqual([
      '工业和信息化部|responsible', '各省、自治区、直辖市|responsible',
    ]);
    // A named area after the kinds is a body of its own and stays apart.
    expect(units('推进。(责任单位:各省、自治区、新疆生产建设兵团)')).toEqual(['各省、自治区|responsible', '新疆生产建设兵团|responsible']);
  });

  it('keeps a group of areas whose second part is a bare level of area (各区、县级市, 各有关区、县级市) as one unit after a second comma of the list', () => {
    expect(units('推进。(牵头单位:市发展改革委,配合单位:市委组织部、市人社局,各区、县级市)')).toEqual([
      '市发展改革委|lead', '市委组织部|support', '市人社局|support', '各区、县级市|support',
    ]);
    expect(units('推进。(牵头单位:市农业局,配合单位:市科协,各有关区、县级市)')).toEqual([
      '市农业局|lead', '市科协|support', '各有关区、县级市|support',
    ]);
    // The government of such a group may carry its other body in a bracket.
    expect(units('推进。(市生态环境局牵头,市发展和改革局参与,各县、区人民政府(管委会)负责落实)')).toEqual([
      '市生态环境局|lead', '市发展和改革局|support', '各县、区人民政府(管委会)|support',
    ]);
    // A named county-level city is a body of its own and stays apart.
    expect(units('推进。(牵头单位:市农业局,配合单位:各区、从化市)')).toEqual(['市农业局|lead', '各区|support', '从化市|support']);
  });

  it('reads city names printed bare before the last one\'s 市政府 as those cities\' governments, and 相关市、县政府 as one group', () => {
    const lists = findResponsibilityLists('推进。(哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责)');
    expect(lists.flatMap((l) => l.units.map((u) => `${u.name}|${u.end - u.start}`))).toEqual([
      '哈尔滨机场扩建指挥部|10', '哈尔滨市政府|3', '黑河市政府|2', '绥芬河市政府|6', '省农垦总局|5',
    ]);
    expect(units('推进。(省发改委、铁路办、相关市、县政府负责)')).toEqual(['省发改委|responsible', '铁路办|responsible', '相关市、县政府|responsible']);
    // A named city or county before the government shares it as well (绥芬河市、抚远县人民政府).
    expect(findResponsibilityLists('推进。(省商务厅、绥芬河市、抚远县人民政府负责)').flatMap((l) => l.units.map((u) => u.name)))
      .toEqual(['省商务厅', '绥芬河市人民政府', '抚远县人民政府']);
    // A bare piece that is not before a government stays prose: the bracket is no list.
    expect(units('推进。(哈尔滨、黑河负责)')).toEqual([]);
  });

  it('reads 分别牵头 as a lead for every unit before it, also in a label line after the first-position convention', () => {
    expect(units('推进。(市人力社保局、市农业农村局分别牵头)')).toEqual(['市人力社保局|lead', '市农业农村局|lead']);
    const text = '4.甲。\n责任单位:市发改委、市经信局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)\n6.乙。\n责任单位:市人力社保局、市农业农村局分别牵头\n7.丙。\n责任单位:市财政局';
    expect(units(text)).toEqual(['市发改委|lead', '市经信局|support', '市人力社保局|lead', '市农业农村局|lead', '市财政局|lead']);
  });

  it('reads a lead marked on the unit itself, and drops a counted tail (等14个部门)', () => {
    expect(units('推进。(责任单位:市发改委(牵头)、市财政局、市工信局)')).toEqual(['市发改委|lead', '市财政局|support', '市工信局|support']);
    expect(units('推进。(生态环境部、国家发展改革委、科技部等14个部门按照职责分工负责)')).toEqual([
      '生态环境部|responsible', '国家发展改革委|responsible', '科技部|responsible',
    ]);
  });

  it('keeps printed roles beside the convention, and a rule glued to the last unit is not part of it', () => {
    const text = '1.甲。\n责任单位:省政府办公厅、省财政厅牵头,省商务厅、省文旅厅(除标注为“牵头”单位外,列第一位的为牵头或汇总单位,下同)\n2.乙。\n责任单位:省财政厅、省发展改革委';
    expect(units(text)).toEqual(['省政府办公厅|lead', '省财政厅|lead', '省商务厅|support', '省文旅厅|support', '省财政厅|lead', '省发展改革委|support']);
  });

  it('reads the comma convention (逗号前为牵头单位) stated inside a list: units before the first comma lead, after it support, in that list and later ones', () => {
    const text = '(一)甲。(责任单位:市发展改革委、市商务局,各区县政府、高新区管委会。逗号前为牵头单位,多个牵头单位的按职责分别牵头,下同)\n(二)乙。(责任单位:市经济和信息化局,各区县政府)\n(三)丙。(责任单位:市文化广电旅游局、市商务局)';
    expect(units(text)).toEqual([
      '市发展改革委|lead', '市商务局|lead', '各区县政府|support', '高新区管委会|support',
      '市经济和信息化局|lead', '各区县政府|support',
      '市文化广电旅游局|lead', '市商务局|lead',
    ]);
    // Before the convention is stated, a list keeps the role its label gives.
    expect(units('(一)甲。(责任单位:市发改委,各区县政府)\n(二)乙。(责任单位:市商务局,各区县政府。逗号前为牵头单位)')).toEqual([
      '市发改委|responsible', '各区县政府|responsible', '市商务局|lead', '各区县政府|support',
    ]);
  });

  it('ends a labelled list at a clause that remarks on it (以下均需…落实, 不再逐一列出) instead of naming a unit', () => {
    expect(units('推进。(牵头单位:市审批局;责任单位:市直各部门,各县市区,以下均需各县市区落实,不再逐一列出)')).toEqual([
      '市审批局|lead', '市直各部门|responsible', '各县市区|responsible',
    ]);
  });

  it('drops a tail that names a group\'s members (等数字经济工作领导小组成员单位) and keeps the units before it', () => {
    expect(units('推进。(责任单位:区政府办公室、区商务局等数字经济工作领导小组成员单位,各乡、街办、管理处)')).toEqual([
      '区政府办公室|responsible', '区商务局|responsible', '各乡|responsible', '街办|responsible', '管理处|responsible',
    ]);
  });

  it('reads each of several lists strung through one block, mid-sentence or after it, for the same task', () => {
    const text = '(一)做好信息公开。推进升级。(牵头单位:区发改委;责任单位:各街道)、重塑商圈(牵头单位:区商务局;责任单位:各街道)、做好投资公开。(责任单位:区发改委),深化改革。(责任单位:区国资中心)';
    expect(units(text)).toEqual([
      '区发改委|lead', '各街道|responsible', '区商务局|lead', '各街道|responsible', '区发改委|responsible', '区国资中心|responsible',
    ]);
  });

  it('reads bare 〔〕 brackets of units at a line end as lists, before and after it, in a document that prints a list with a verb in 〔〕', () => {
    // Brackets at the end of a line that is no numbered item: only the 〔〕 ones are lists, as the document prints its
    // lists in 〔〕; a round one and a document number stay no list.
    const text = '甲。〔新能源司、电力司,华中能源监管局〕\n乙。〔规划司牵头,局内各单位参与〕\n丙。〔油气司〕\n丁。(规划司)\n戊。见国能发〔2022〕';
    expect(units(text)).toEqual([
      '新能源司|responsible', '电力司|responsible', '华中能源监管局|responsible', '规划司|lead', '局内各单位|support', '油气司|responsible',
    ]);
    expect(units('甲。〔新能源司、电力司〕\n乙。〔油气司〕')).toEqual([]);
    expect(units('甲。(规划司牵头)\n乙。〔油气司〕')).toEqual(['规划司|lead']);
  });

  it('reads a bare bracket that closes a numbered item\'s last sentence as the item\'s list, and no other bare bracket', () => {
    expect(units('1.提升鲜活农产品通关效率。实施预约通关保障。(厦门海关)\n2.深化物流一体化。推广离港确认模式。(厦门海关、市交通局)')).toEqual([
      '厦门海关|responsible', '厦门海关|responsible', '市交通局|responsible',
    ]);
    expect(units('(一)开展消费帮扶。组织干部购买农产品。(机关工会)')).toEqual(['机关工会|responsible']);
    // Not after a sentence's end, not at a line's end, not a line that is no item, not a piece that is no unit.
    expect(units('1.报送市政府办公室(市督查室)汇总。\n2.推进。(市发改委)等部门研究\n推进。(市发改委)\n3.推进。(2023年底前)\n4.推进。(以下简称“数据局”)')).toEqual([]);
  });

  it('reads an event notice\'s organisers (一、组织机构 / 主办单位:X / 承办单位:Y) as no task of theirs, and the tasks of a plan as before', () => {
    const notice = '关于举办2024年数字经济创新大赛的通知\n\n各县(市)区政府,市直各有关单位:\n为推动数字经济发展,决定举办创新大赛。现将有关事项通知如下:\n'
      + '一、组织机构\n主办单位:市人民政府\n承办单位:市大数据委、市工信局\n协办单位:市数字经济协会\n二、参赛对象\n全市各类企业。\n三、时间安排\n2024年5月至9月。\n';
    expect(responsibilityPairs(extractText('n', 'n.txt', notice, '0'.repeat(64), gazetteer()).facts)).toEqual([]);
    const plan = '2024年数字经济工作要点\n\n一、推进大赛组织\n主办单位:市大数据委\n协办单位:市工信局\n';
    expect(responsibilityPairs(extractText('p', 'p.txt', plan, '0'.repeat(64), gazetteer()).facts)).toEqual(['1|市大数据委|lead', '1|市工信局|support']);
  });

  it('reads a web page\'s footer credits (主办单位:X beside 网站标识码, ICP备, 网站地图) as no list, and the last item\'s own list before them', () => {
    const page = '某市2024年数字政府工作要点\n\n一、夯实数字底座\n1.建设一体化数据平台。(牵头单位:市大数据局;配合单位:市财政局)\n2.推进政务云扩容。(责任单位:市大数据局)\n'
      + '主办单位:某市人民政府办公室\n承办单位:某市大数据中心\n网站标识码:3501000001 闽ICP备05000000号\n联系我们 | 网站地图 | 主办:某市人民政府办公室\n';
    expect(responsibilityPairs(extractText('w', 'w.txt', page, '0'.repeat(64), gazetteer()).facts)).toEqual([
      '1|市大数据局|lead', '1|市财政局|support', '2|市大数据局|responsible',
    ]);
  });

  it('reads no bracket closing an item that says what to do or when as a list, though its pieces end as bodies do (出台, 推行, 部署, 督办, 招商)', () => {
    const items = ['力争年内出台', '全面推行', '加大招商', '统筹部署', '市政府督查室跟踪督办', '市委市政府已部署', '持续攻关', '重点实施', '省里统一部署实施', '各单位自行组织'];
    expect(units(items.map((b, i) => `${i + 1}.推进数据共享。建设平台。(${b})`).join('\n'))).toEqual([]);
    // Bodies whose names end in such a character stay units.
    expect(units('1.推进审计监督。(审计署、海关总署)\n2.开展招商引资。(市招商办)')).toEqual(['审计署|responsible', '海关总署|responsible', '市招商办|responsible']);
  });

  it('extracts the exact pairs of a bureau\'s work points whose (一) blocks close with 〔〕 lists of its departments, mostly bare, and one round', () => {
    expect(formPairs('hex-bracket-lists.txt')).toEqual([
      '1|华中监管局|responsible', '1|新能源司|responsible', '1|电力司|responsible',
      '2|油气司|responsible',
      '3|规划司|lead',
      '4|局内各单位|support', '4|核电中心|responsible', '4|核电司|responsible', '4|规划司|responsible',
      '5|有结对任务的单位|responsible', '5|机关党委（人事司）|responsible',
      '6|机关工会|responsible',
    ]);
  });

  it('reads the units before a support clause as the responsible ones when no clause leads (X、Y,Z,W参与), and as support after a lead', () => {
    expect(units('推进。〔规划司、核电司,核电中心,局内各单位参与〕')).toEqual([
      '规划司|responsible', '核电司|responsible', '核电中心|responsible', '局内各单位|support',
    ]);
    expect(units('推进。(规划司牵头,核电司,局内各单位参与)')).toEqual(['规划司|lead', '核电司|support', '局内各单位|support']);
    expect(units('推进。(市发改委,市财政局负责)')).toEqual(['市发改委|responsible', '市财政局|responsible']);
  });

  it('reads a group named by the work its members have (有结对任务的单位) as a unit, and other brackets with 的 as prose', () => {
    expect(units('1.甲。〔机关党委(人事司),有结对任务的单位〕\n2.乙。〔规划司牵头〕')).toEqual([
      '机关党委(人事司)|responsible', '有结对任务的单位|responsible', '规划司|lead',
    ]);
    expect(units('推进。(有条件的地区负责)')).toEqual([]);
  });

  it('reads the first-position convention worded 第一责任单位为牵头单位, glued to a list line under a (一) block', () => {
    const text = '(一)推进完善机制。\n责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n时限要求:持续推进\n(二)严格落实政策。\n责任单位:市建设局\n时限要求:持续推进';
    expect(units(text)).toEqual(['市发改委|lead', '市财政局|support', '市建设局|lead']);
  });
});

describe('pages that lost their line breaks and tables that lost their columns', () => {
  it('reads items glued to the sentence before them (…意见。1.对…。责任单位:X、Y。2.…), each with the colon list after its last sentence', () => {
    expect(formPairs('glued-items.txt')).toEqual([
      '1|市委组织部|responsible', '1|市科技局|responsible', '2|市发改委|responsible', '2|市财政局|responsible',
      '3|市商务局|lead', '3|市税务局|support', '5|市住建局|responsible',
    ]);
  });

  it('reads a breakdown flattened onto one line: a heading after a title where its first item follows, each list line ending at the space before the next item or heading', () => {
    expect(formPairs('one-line-breakdown.txt')).toEqual([
      '1.1|县发改局|lead', '1.1|县统计局|support', '1.1|县财政局|support', '1.2|县财政局|lead',
      '2.1|县司法局|lead', '2.1|县政府办公室|support', '2.2|县住建局|lead',
    ]);
    // An enumeration inside an item after a space (包括 1.学校建设 2.…) opens no item: it follows no list.
    const r = extractFile(path.join(FORMS, 'one-line-breakdown.txt'));
    expect(r.facts.nodes.filter((n) => n.label === 'Task').map((n) => String(n.props.path))).toEqual(['1.1', '1.2', '2.1', '2.2']);
  });

  it('reads a table exported one cell per line whose group column (分类) before 序号 is printed only on each group\'s first row, a row for every number', () => {
    // Header 分类 / 序号 / 事项 / 责任单位 / 牵头单位: the 责任单位 column before the lead column, each gives its role.
    expect(formPairs('table-group-column.txt')).toEqual([
      '1|区发改局|lead', '1|区发改局|responsible', '1|区统计局|responsible', '2|区发改局|lead', '2|区发改局|responsible',
      '3|区数据局|responsible', '3|区行政服务中心|lead', '3|区行政服务中心|responsible', '4|区财政局|lead', '4|区财政局|responsible',
    ]);
    const r = extractFile(path.join(FORMS, 'table-group-column.txt'));
    expect(r.facts.nodes.filter((n) => n.label === 'Task').map((n) => String(n.props.path))).toEqual(['1', '2', '3', '4']);
  });

  it('reads a table exported one cell per line whose rows are narrower than its header (a merged cell), by what the cells hold, rows numbered from 7', () => {
    // Header: `牵头 单位` wrapped inside its words; 责任主体与协同单位 joins two labels, beside a lead column: support.
    expect(formPairs('table-cells-merged.txt')).toEqual([
      '7|住建局|support', '7|园林局|lead', '7|相关街道|support',
      '8|住建局|lead', '8|各街道|support',
      '9|交通局|lead', '9|各街道|support', '9|城管局|support',
    ]);
  });

  it('splits no figure, date or article number after a sentence end, nor an enumeration inside an item, into items', () => {
    const r = extractFile(path.join(FORMS, 'glued-items.txt'));
    const titles = r.facts.nodes.filter((n) => n.label === 'Task').map((n) => String(n.props.title).slice(0, 6));
    expect(titles).toEqual(['对来本市创新', '对实际投资 ', '对新引进的总', '支持人才安居', '优化人才服务']);
  });

  it('reads a label in brackets right after a word of its kind as a gloss in prose, not a list (牵头单位(责任单位)对照…)', () => {
    expect(units('二、按时报告。各责任事项牵头单位(责任单位)对照目标任务要求,科学谋划,认真制定方案。')).toEqual([]);
    expect(units('推进。【牵头单位】市发改委、市财政局\n下一行')).toEqual(['市发改委|lead', '市财政局|lead']);
  });

  it('reads a space-separated table with two label columns at its end, a lead cell printed one unit per line and headings between rows', () => {
    expect(formPairs('table-label-columns.txt')).toEqual([
      '1|区发改委|lead', '1|区政府各部门|support', '1|各乡镇人民政府|support',
      '2|区政府有关部门|support', '2|区税务局|lead', '2|区财政局|lead',
      '3|区交通局|support', '3|区住建局|lead', '3|区自然资源局|support',
    ]);
  });
});
