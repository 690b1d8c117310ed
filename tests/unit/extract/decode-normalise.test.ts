import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, DecodeError } from '../../../server/extract/decode.ts';
import { normaliseText, toOriginalSpan } from '../../../server/extract/normalise.ts';

describe('decoding', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = new TextEncoder().encode('数字福州');
    expect(decodeBytes(plain)).toEqual({ text: '数字福州', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text: '数字福州', encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    const bytes = new Uint8Array(iconv.encode('责任单位:市工信局', 'gbk'));
    expect(decodeBytes(bytes)).toEqual({ text: '责任单位:市工信局', encoding: 'gb18030' });
  });

  it('rejects bytes that are neither UTF-8 nor GB18030 with a DecodeError naming the file', () => {
    const bad = new Uint8Array([0xe6, 0x95, 0xb0, 0xff, 0xff, 0x80]);
    expect(() => decodeBytes(bad, 'bad.txt')).toThrow(DecodeError);
    expect(() => decodeBytes(bad, 'bad.txt')).toThrow(/^bad\.txt: invalid bytes/);
  });

  it('rejects binary files that happen to decode', () => {
    expect(() => decodeBytes(new Uint8Array([0x41, 0x00, 0x42]), 'x.bin')).toThrow(/binary/);
  });
});

describe('normalisation', () => {
  it('removes pinyin annotations and converts traditional to simplified', () => {
    const n = normaliseText('發(fā)布會現(xiàn)場,數(shù)字經(jīng)濟');
    expect(n.text).toBe('发布会现场,数字经济');
  });

  it('keeps parenthesised words that are not pinyin', () => {
    expect(normaliseText('各县(市)区政府(ICC)').text).toBe('各县(市)区政府(ICC)');
  });

  it('folds full-width digits, letters and punctuation', () => {
    expect(normaliseText('１．（责任单位：市工信局，ＡＢ）　').text).toBe('1.(责任单位:市工信局,AB) ');
  });

  it('keeps front matter title and date as metadata and strips HTML tags and entities', () => {
    const n = normaliseText('---\ntitle: \'标题\'\ndate: Tue, 23 Mar 2021 23:31:58 GMT\n---\n<div><p>甲&amp;乙</p><p>丙</p></div>');
    expect(n.frontMatter).toEqual({ title: '标题', date: '2021-03-23' });
    expect(n.text).toBe('\n\n甲&乙\n\n丙\n\n');
  });

  it('maps every normalised span back to the original text', () => {
    const original = '<p>發(fā)布會：５G基站６５００個</p>';
    const n = normaliseText(original);
    const at = n.text.indexOf('5G基站6500个');
    const span = toOriginalSpan(n, at, at + '5G基站6500个'.length);
    expect(original.slice(span.start, span.end)).toBe('５G基站６５００個');
    const pub = toOriginalSpan(n, n.text.indexOf('发布会'), n.text.indexOf('发布会') + 3);
    expect(original.slice(pub.start, pub.end)).toBe('發(fā)布會');
  });
});

describe('compatibility punctuation', () => {
  it('folds small, vertical and half-width forms to the character NFKC gives them, one for one', () => {
    const original = '1﹒加快建设﹙责任单位﹕市工信局﹑市发改委﹚﹔︵二︶︻要点︼︽规划︾﹝2023﹞｡․';
    const norm = normaliseText(original);
    expect(norm.text).toBe('1.加快建设(责任单位:市工信局、市发改委);(二)【要点】《规划》〔2023〕。.');
    expect(norm.text.length).toBe(original.length);
    for (let i = 0; i < norm.text.length; i++) expect(toOriginalSpan(norm, i, i + 1)).toEqual({ start: i, end: i + 1 });
  });

  it('folds each compatibility form exactly as NFKC does when NFKC gives one character', () => {
    for (let c = 0xfe10; c <= 0xfe6b; c++) {
      const ch = String.fromCharCode(c);
      const nfkc = ch.normalize('NFKC');
      const expected = nfkc.length === 1 ? normaliseText(nfkc).text : ch;
      expect(normaliseText(ch).text, `U+${c.toString(16).toUpperCase()}`).toBe(expected);
    }
  });

  it('leaves forms NFKC would expand to several characters as printed, so offsets stay one to one', () => {
    expect(normaliseText('等︙').text).toBe('等︙'); // ︙ → ... under NFKC
    expect(normaliseText('﹉').text).toBe('﹉');
  });

  it('already folds full-width digits and the full-width full stop of item markers', () => {
    expect(normaliseText('１２．推进').text).toBe('12.推进');
  });
});
