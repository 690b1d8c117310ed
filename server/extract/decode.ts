/*
 * Byte decoding: policy texts arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or the
 * GB18030/GBK family still common on Chinese government sites. Decoding is strict so that a
 * binary or mangled file fails loudly instead of feeding replacement characters to extraction.
 */

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(message: string, readonly file?: string) {
    super(file ? `${file}: ${message}` : message);
  }
}

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });

// C0 controls other than tab/newline/CR/form-feed mean the file is binary, not text.
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

function checkText(text: string, encoding: TextEncodingName, file?: string): DecodedText {
  if (BINARY_CONTROL.test(text)) {
    throw new DecodeError(`contains control characters; looks like a binary file, not ${encoding} text`, file);
  }
  return { text, encoding };
}

/** Decodes bytes as UTF-8/UTF-16 (BOM) or GB18030; throws DecodeError naming the reason. */
export function decodeBytes(bytes: Uint8Array, file?: string): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return checkText(utf8.decode(bytes.subarray(3)), 'utf-8-bom', file);
    } catch (e) {
      if (e instanceof DecodeError) throw e;
      throw new DecodeError('starts with a UTF-8 byte-order mark but is not valid UTF-8', file);
    }
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return checkText((le ? utf16le : utf16be).decode(bytes.subarray(2)), le ? 'utf-16le' : 'utf-16be', file);
    } catch (e) {
      if (e instanceof DecodeError) throw e;
      throw new DecodeError(`starts with a UTF-16 byte-order mark but is not valid UTF-16`, file);
    }
  }
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined) return checkText(text, 'utf-8', file);
  try {
    text = gb18030.decode(bytes);
  } catch {
    throw new DecodeError('invalid bytes: neither valid UTF-8 nor valid GB18030/GBK', file);
  }
  return checkText(text, 'gb18030', file);
}
