/*
 * Builds small .docx files in tests: a zip writer (stored or deflated entries) and the WordprocessingML
 * wrapper of a body, so each reading rule can be tested on a document that holds just that case. The
 * LibreOffice-made fixtures in tests/fixtures/documents/docx/ test the reader on real Word files.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart { name: string; data: string | Uint8Array; stored?: boolean; flags?: number; size?: number }

/** A zip archive of the parts in order; `size` overrides the size the directory declares (to lie about it). */
export function zip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
    const body = p.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(p.name, 'utf8');
    // The local header and the central directory entry hold the same fields, the central one 2 bytes later.
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(p.flags ?? 0, at);
      b.writeUInt16LE(p.stored ? 0 : 8, at + 2);
      b.writeUInt32LE(crc32(raw), at + 8);
      b.writeUInt32LE(body.length, at + 12);
      b.writeUInt32LE(p.size ?? raw.length, at + 16);
      b.writeUInt16LE(name.length, at + 20);
      return b;
    };
    const head = fields(Buffer.alloc(30), 6);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    const dir = fields(Buffer.alloc(46), 8);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    central.push(dir, name);
    offset += head.length + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx whose body is `body` (WordprocessingML inside w:body), with numbering.xml / styles.xml if given. */
export function docx(body: string, extra: { numbering?: string; styles?: string } = {}): Uint8Array {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}</w:body></w:document>` },
  ];
  if (extra.numbering) parts.push({ name: 'word/numbering.xml', data: `<w:numbering ${W}>${extra.numbering}</w:numbering>` });
  if (extra.styles) parts.push({ name: 'word/styles.xml', data: `<w:styles ${W}>${extra.styles}</w:styles>` });
  return zip(parts);
}

/** A paragraph of one run of text, with optional paragraph properties. */
export const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** Paragraph properties of a list item. */
export const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
/** One level of an abstract list. */
export const lvl = (ilvl: number, format: string, text: string, more = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${more}</w:lvl>`;
