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
