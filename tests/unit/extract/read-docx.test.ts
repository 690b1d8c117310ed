/*
 * Word .docx documents: what the reader makes of paragraphs, tracked changes, tables and Word's automatic
 * numbering, that a genre text and the same document saved as .docx by LibreOffice give the same
 * responsibility pairs, and that a broken, encrypted, bomb-like or old-format file is refused by name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../../server/extract/decode.ts';
import { extractDocument } from '../../../server/extract/extract-document.ts';
import { decodeDocumentBytes, formatListNumber, MAX_DOCX_PART_BYTES, readDocx } from '../../../server/extract/read-docx.ts';
import { docx, lvl, num, p, zip } from './docx-zip.ts';
import { extractFile, FIXTURES, gazetteer, responsibilityPairs } from './helpers.ts';

const DOCX = path.join(FIXTURES, 'docx');
const GENRE = path.join(FIXTURES, 'genre');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(DOCX, name)));

function refusal(bytes: Uint8Array, file: string): string {
  try {
    decodeDocumentBytes(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    return (e as Error).message;
  }
  throw new Error(`${file} was read`);
}

describe('the text of a .docx', () => {
  it('puts each paragraph on a line, a w:tab as a tab and a w:br as a line break', () => {
    const body = `${p('一、总体要求')}<w:p><w:r><w:t>序号</w:t><w:tab/><w:t>任务</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`;
    expect(readDocx(docx(body))).toBe('一、总体要求\n序号\t任务\n第二行\n');
  });

  it('leaves out deleted, moved-away and hidden text and field codes, and keeps inserted text', () => {
    const body = '<w:p><w:r><w:t>由</w:t></w:r><w:del w:id="1"><w:r><w:delText>市财政局</w:delText></w:r></w:del>'
      + '<w:ins w:id="2"><w:r><w:t>市发改委</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'
      + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>牵头</w:t></w:r></w:p>';
    expect(readDocx(docx(body))).toBe('由市发改委牵头\n');
  });

  it('prints a text box once, on lines after the paragraph that anchors it', () => {
    const box = `<w:txbxContent>${p('附件：任务清单')}</w:txbxContent>`;
    const body = '<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
      + `<mc:Choice Requires="wps"><w:drawing>${box}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box}</w:pict></mc:Fallback>`
      + `</mc:AlternateContent></w:r></w:p>${p('下一段')}`;
    expect(readDocx(docx(body))).toBe('正文\n附件：任务清单\n下一段\n');
  });

  it('decodes XML entities and character references', () => {
    expect(readDocx(docx(p('A&amp;B &lt;规划&gt; &#x4E00;&#20108;&quot;')))).toBe('A&B <规划> 一二"\n');
  });

  it('reads WordprocessingML under whatever prefix the file declares', () => {
    const bytes = zip([{ name: 'word/document.xml', data: '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>正文</x:t></x:r></x:p></x:body></x:document>' }]);
    expect(readDocx(bytes)).toBe('正文\n');
  });

  const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${text ? p(text) : '<w:p/>'}</w:tc>`;
  const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

  it('writes a table one cell per line with a blank line between cells, header row first, a cell merged across columns once', () => {
    const table = `<w:tbl><w:tblPr/>${tr(tc('序号'), tc('任务'), tc('责任单位'))}${tr(tc('1'), tc('任务甲'), `<w:tc>${p('区财政局')}${p('区税务局')}</w:tc>`)}`
      + `${tr(tc('合计：一项', '<w:gridSpan w:val="3"/>'))}</w:tbl>`;
    expect(readDocx(docx(`${p('附件')}${table}${p('完')}`)))
      .toBe('附件\n\n序号\n\n任务\n\n责任单位\n\n1\n\n任务甲\n\n区财政局\n区税务局\n\n合计：一项\n\n完\n');
  });

  it('writes a cell merged down rows in every row it covers, and an empty cell as /, so no row is a line short', () => {
    const table = `<w:tbl>${tr(tc('序号'), tc('牵头单位'), tc('配合单位'))}`
      + `${tr(tc('1'), tc('区发改局', '<w:vMerge w:val="restart"/>'), tc('区统计局'))}`
      + `${tr(tc('2'), tc('', '<w:vMerge/>'), tc(''))}</w:tbl>`;
    expect(readDocx(docx(table))).toBe('序号\n\n牵头单位\n\n配合单位\n\n1\n\n区发改局\n\n区统计局\n\n2\n\n区发改局\n\n/\n');
  });

  it('gives a lead unit merged over two rows to both tasks and an empty cell no unit, shifting no row onto the next row\'s units', () => {
    const body = p('某某县人民政府办公室关于印发2024年重点工作责任分解的通知') + p('各乡镇人民政府，县政府各部门：')
      + `<w:tbl>${tr(tc('序号'), tc('重点工作'), tc('牵头单位'), tc('配合单位'))}`
      + tr(tc('1'), tc('地区生产总值增长6%左右。'), tc('县发改局', '<w:vMerge w:val="restart"/>'), tc('县统计局'))
      + tr(tc('2'), tc('固定资产投资增长8%。'), tc('', '<w:vMerge/>'), tc('县住建局'))
      + tr(tc('3'), tc('一般公共预算收入增长5%。'), tc('县财政局'), tc(''))
      + tr(tc('4'), tc('新增城镇就业2000人。'), tc('县人力社保局'), tc('县经信局'))
      + '</w:tbl>';
    const pairs = responsibilityPairs(extractDocument({ id: 't', file: 't.docx', bytes: docx(body), gazetteer: gazetteer() }).facts);
    expect(pairs.filter((x) => !x.startsWith('3|'))).toEqual(['1|县发改局|lead', '1|县统计局|support', '2|县住建局|support', '2|县发改局|lead', '4|县人力社保局|lead', '4|县经信局|support']);
    // Row 3's lead beside an empty 配合 cell is the table rules' to read; what matters here is that no
    // unit of row 4 lands on row 3.
    expect(pairs.filter((x) => x.startsWith('3|')).every((x) => x.startsWith('3|县财政局|'))).toBe(true);
  });
});

describe('Word numbering printed as text', () => {
  const numbering = (levels: string, more = '') =>
    `<w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>${more}`;

  it('prints 一、 （一） 1. by level, counting each level and starting lower levels again', () => {
    const levels = lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') + lvl(1, 'chineseCountingThousand', '（%2）') + lvl(2, 'decimal', '%3.');
    const body = [p('总体要求', num(1, 0)), p('完善平台', num(1, 1)), p('任务甲', num(1, 2)), p('任务乙', num(1, 2)),
      p('强化共享', num(1, 1)), p('任务丙', num(1, 2)), p('保障措施', num(1, 0)), p('加强领导', num(1, 1))].join('');
    expect(readDocx(docx(body, { numbering: numbering(levels) }))).toBe(
      '一、总体要求\n（一）完善平台\n1.任务甲\n2.任务乙\n（二）强化共享\n1.任务丙\n二、保障措施\n（一）加强领导\n');
  });

  it('honours start values, a start override, multi-level text and a tab after a bare number', () => {
    const levels = lvl(0, 'decimal', '%1').replace('<w:start w:val="1"/>', '<w:start w:val="3"/>') + lvl(1, 'decimal', '%1.%2');
    const more = '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>';
    const body = [p('甲', num(1, 0)), p('乙', num(1, 1)), p('丙', num(1, 1)), p('丁', num(2, 0))].join('');
    expect(readDocx(docx(body, { numbering: numbering(levels, more) }))).toBe('3 甲\n3.1 乙\n3.2 丙\n7 丁\n');
  });

  it('continues a list across paragraphs between its items and across instances of one abstract list', () => {
    const more = '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>';
    const body = [p('甲', num(1)), p('说明文字'), p('乙', num(2)), p('', num(1)), p('丙', num(1)), p('不编号', num(0))].join('');
    expect(readDocx(docx(body, { numbering: numbering(lvl(0, 'decimal', '%1.'), more) }))).toBe('1.甲\n说明文字\n2.乙\n\n3.丙\n不编号\n');
  });

  it('keeps a lower level counting when its w:lvlRestart says not to start again', () => {
    const levels = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>');
    const body = [p('一节', num(1, 0)), p('甲', num(1, 1)), p('二节', num(1, 0)), p('乙', num(1, 1))].join('');
    expect(readDocx(docx(body, { numbering: numbering(levels) }))).toBe('一、一节\n1.甲\n二、二节\n2.乙\n');
  });

  it('takes numbering a paragraph style carries, through w:basedOn', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="List1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="Task"><w:basedOn w:val="List1"/></w:style>';
    const body = [p('甲', '<w:pStyle w:val="Task"/>'), p('乙', '<w:pStyle w:val="Task"/>')].join('');
    expect(readDocx(docx(body, { numbering: numbering(lvl(0, 'decimal', '%1、')), styles }))).toBe('1、甲\n2、乙\n');
  });

  it('numbers headings whose styles name the list, each at the level the list links to its style', () => {
    const styles = ['Heading1', 'Heading2'].map((id) => `<w:style w:type="paragraph" w:styleId="${id}"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`).join('');
    const levels = lvl(0, 'chineseCounting', '第%1章', '<w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/>')
      + lvl(1, 'decimal', '%1.%2', '<w:pStyle w:val="Heading2"/><w:isLgl/><w:suff w:val="space"/>');
    const body = [p('总则', '<w:pStyle w:val="Heading1"/>'), p('目标', '<w:pStyle w:val="Heading2"/>'), p('任务', '<w:pStyle w:val="Heading2"/>'), p('保障', '<w:pStyle w:val="Heading1"/>')].join('');
    expect(readDocx(docx(body, { numbering: numbering(levels), styles }))).toBe('第一章总则\n1.1 目标\n1.2 任务\n第二章保障\n');
  });

  it('prints bullets as nothing, since a bullet is no number an item is found by', () => {
    expect(readDocx(docx(p('要点', num(1)), { numbering: numbering(lvl(0, 'bullet', '•')) }))).toBe('要点\n');
  });

  it.each([
    [1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [11, 'chineseCounting', '十一'], [20, 'chineseCountingThousand', '二十'],
    [105, 'chineseCountingThousand', '一百零五'], [3, 'ideographTraditional', '丙'], [10, 'ideographTraditional', '癸'],
    [12, 'chineseLegalSimplified', '壹拾贰'], [3, 'decimalEnclosedCircle', '③'], [4, 'upperRoman', 'IV'], [28, 'lowerLetter', 'bb'], [7, 'decimalZero', '07'], [2024, 'ideographDigital', '二〇二四'], [1010, 'chineseCounting', '一千零一十'],
  ])('formats %i in %s as %s', (n, format, printed) => {
    expect(formatListNumber(n, format)).toBe(printed);
  });
});

describe('a .docx made by LibreOffice reads like the text it was made from', () => {
  it.each([
    ['a plain list document', 'jingmen-2022-gov-open-division'],
    ['a table flattened one cell per line', 'shapingba-2022-work-report-targets-table'],
    ['a table whose group column is merged down its rows', 'liandu-2023-work-report-duties-table'],
  ])('gives %s the same responsibility pairs as its genre text', (_what, slug) => {
    const fromText = responsibilityPairs(extractFile(path.join(GENRE, `${slug}.txt`)).facts);
    const fromWord = responsibilityPairs(extractFile(path.join(DOCX, `${slug}.docx`)).facts);
    expect(fromText.length).toBeGreaterThan(5);
    expect(fromWord).toEqual(fromText);
  });

  it('finds the items of Word lists numbered 一、 （一） 1. by their printed numbers', () => {
    const r = extractFile(path.join(DOCX, 'chinese-numbering.docx'));
    expect(r.text).toContain('\n二、提升政务服务效能\n（一）深化一网通办\n1.推动高频事项跨区域通办。');
    const leads = responsibilityPairs(r.facts).filter((x) => x.endsWith('|lead'));
    expect(leads).toEqual(['1.1.1|市大数据局|lead', '1.1.2|市大数据局|lead', '1.2.1|市大数据局|lead', '2.1.1|市政务服务中心|lead', '2.1.2|市政务服务中心|lead']);
  });

  it('finds the items of an HTML <ol> saved as a decimal Word list, every one with its lead unit', () => {
    const r = extractFile(path.join(DOCX, 'decimal-numbering.docx'));
    const leads = responsibilityPairs(r.facts).filter((x) => x.endsWith('|lead')).map((x) => x.split('|')[1]);
    expect(leads.sort()).toEqual(['市人力资源社会保障局', '市住建局', '市市场监管局', '市自然资源局', '市财政局'].sort());
  });

  it('reads a table whose group column is merged down its rows as the table rules read it flattened', () => {
    const pairs = responsibilityPairs(extractFile(path.join(DOCX, 'merged-cells.docx')).facts);
    expect(pairs).toEqual(['1|县发改局|lead', '1|县统计局|responsible', '2|县税务局|responsible', '2|县财政局|lead',
      '3|县交通运输局|lead', '3|县财政局|responsible', '4|县人力社保局|lead', '4|县经信局|responsible']);
  });

  it('keeps the file name as the document file and its base name as the id', () => {
    const r = extractDocument({ id: 'merged-cells', file: 'merged-cells.docx', bytes: fixture('merged-cells.docx'), gazetteer: gazetteer() });
    expect([r.document.id, r.document.file, r.encoding]).toEqual(['merged-cells', 'merged-cells.docx', 'docx']);
  });
});

describe('files that are refused, by name and with what to do', () => {
  it('refuses a Word 97–2003 .doc (or .wps) by its signature, saying to save it as .docx, even when named .txt', () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
    for (const name of ['规划.doc', '规划.wps', '规划.txt', '加密.docx']) {
      const message = refusal(ole, name);
      expect(message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: is a Word 97–2003 \\(\\.doc\\) or WPS \\(\\.wps\\) file, or a password-protected`));
      expect(message).toContain('save it as .docx');
    }
  });

  it('refuses a .docx cut short as a corrupt zip', () => {
    const whole = fixture('merged-cells.docx');
    expect(refusal(whole.subarray(0, whole.length - 40), 'cut.docx')).toMatch(/^cut\.docx: is not a readable \.docx: the zip archive is corrupt \(no end of central directory/);
  });

  it('refuses a part whose bytes were damaged by its checksum or its deflate stream', () => {
    const bytes = Uint8Array.from(docx(p('一二三四五六七八九十'.repeat(20))));
    const at = Buffer.from(bytes).indexOf('word/document.xml') + 'word/document.xml'.length + 5;
    bytes[at] = bytes[at]! ^ 0xff;
    expect(refusal(bytes, 'damaged.docx')).toMatch(/^damaged\.docx: is not a readable \.docx: word\/document\.xml in the zip archive is corrupt/);
  });

  it('refuses an encrypted zip entry, saying to save it without a password', () => {
    const bytes = zip([{ name: 'word/document.xml', data: '<w:document/>', flags: 1 }]);
    expect(refusal(bytes, 'locked.docx')).toMatch(/^locked\.docx: is an encrypted zip archive .*save it as \.docx .*without a password/);
  });

  it('refuses a zip without word/document.xml, such as an OpenDocument file renamed .docx', () => {
    const bytes = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true }, { name: 'content.xml', data: '<office:document/>' }]);
    expect(refusal(bytes, 'odt.docx')).toBe('odt.docx: is a zip archive without word/document.xml, so not a Word .docx document');
    expect(refusal(bytes, 'archive.txt')).toMatch(/^archive\.txt: is a zip archive, not text/);
  });

  it('refuses a part that unpacks past the size cap, whether or not the directory declares its true size', () => {
    const zeros = new Uint8Array(MAX_DOCX_PART_BYTES + 1024);
    expect(refusal(zip([{ name: 'word/document.xml', data: zeros }]), 'bomb.docx')).toMatch(/^bomb\.docx: word\/document\.xml unpacks to \d+ bytes, above the limit/);
    expect(refusal(zip([{ name: 'word/document.xml', data: zeros, size: 100 }]), 'liar.docx')).toMatch(/^liar\.docx: word\/document\.xml unpacks to more than \d+ bytes/);
  });

  it('refuses malformed XML naming the part', () => {
    const bytes = zip([{ name: 'word/document.xml', data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>' }]);
    expect(refusal(bytes, 'bad.docx')).toMatch(/^bad\.docx: is not a readable \.docx: word\/document\.xml is not well-formed XML \(end tag <\/w:body> does not match <w:p>/);
  });

  it('refuses a .docx that is not a zip at all', () => {
    expect(refusal(new TextEncoder().encode('一、总体要求'), 'plain.docx')).toBe('plain.docx: is not a .docx: it does not start like a zip archive (PK)');
  });
});
