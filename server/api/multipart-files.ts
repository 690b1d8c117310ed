/*
 * Reads the file parts of a multipart/form-data upload into memory with busboy (the parser behind
 * multer), holding each file to a size limit and the whole request to another, so an upload can never
 * fill the server's memory. Every way a body can be wrong — not multipart, cut short, malformed, a part
 * under another name, too many or too large files — becomes a 4xx naming what was wrong, never a 500.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '../errors.ts';
import { formatBytes } from '../extract/read-document-file.ts';

export interface UploadedFile {
  /** The file name the client sent (as sent: the service decides what a valid name is). */
  name: string;
  bytes: Buffer;
}

export interface UploadLimits {
  /** The form field the files come under. */
  field: string;
  maxFileBytes: number;
  maxRequestBytes: number;
  maxFiles: number;
}

function tooLarge(message: string, limit: number): AppError {
  return new AppError(413, 'PAYLOAD_TOO_LARGE', message, { limit, limitText: formatBytes(limit) });
}

export function readUploadedFiles(req: Request, limits: UploadLimits): Promise<UploadedFile[]> {
  const type = req.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return Promise.reject(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Upload documents as multipart/form-data with one or more parts named '${limits.field}' (got Content-Type '${type || 'none'}')`));
  }
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxRequestBytes) {
    return Promise.reject(tooLarge(`The upload is ${formatBytes(declared)}, above the limit of ${formatBytes(limits.maxRequestBytes)} per request (MAX_UPLOAD_SIZE)`, limits.maxRequestBytes));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // File names are UTF-8 in every browser's form posts; busboy's default would read them as Latin-1.
        defParamCharset: 'utf8',
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 10, parts: limits.maxFiles + 10, fieldSize: 1024 },
      });
    } catch (err) {
      reject(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `The multipart/form-data header cannot be read: ${(err as Error).message}`));
      return;
    }
    const files: UploadedFile[] = [];
    let received = 0;
    let settled = false;
    // busboy may close before the last file stream has ended; the answer waits for both.
    let pending = 0;
    let closed = false;
    const finish = () => {
      if (settled || !closed || pending > 0) return;
      settled = true;
      if (files.length === 0) reject(AppError.badRequest(`The upload holds no file: send one or more file parts named '${limits.field}'`));
      else resolve(files);
    };
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => {});
      // Read and discard the rest, so the answer reaches a client that is still sending.
      req.resume();
      reject(err);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxRequestBytes) {
        fail(tooLarge(`The upload is larger than the limit of ${formatBytes(limits.maxRequestBytes)} per request (MAX_UPLOAD_SIZE)`, limits.maxRequestBytes));
      }
    });
    req.on('aborted', () => fail(AppError.badRequest('The upload was cut off before its end')));
    parser.on('file', (field, stream, info) => {
      const name = info.filename ?? '';
      if (field !== limits.field) {
        stream.resume();
        fail(AppError.badRequest(`Unexpected form part '${field}': send each document as a file part named '${limits.field}'`, { part: field }));
        return;
      }
      const chunks: Buffer[] = [];
      pending += 1;
      stream.on('data', (c: Buffer) => chunks.push(c));
      // busboy destroys the part's stream when the body breaks off inside it; the parser reports why.
      stream.on('error', () => {});
      stream.on('limit', () => {
        fail(tooLarge(`${name || 'A file'} is larger than the limit of ${formatBytes(limits.maxFileBytes)} for one document (MAX_DOCUMENT_SIZE)`, limits.maxFileBytes));
      });
      stream.on('end', () => {
        if (!settled) files.push({ name, bytes: Buffer.concat(chunks) });
        pending -= 1;
        finish();
      });
    });
    parser.on('field', (field) => {
      fail(AppError.badRequest(
        field === limits.field
          ? `Part '${field}' is a plain form field, not a file: send it with a file name (Content-Disposition filename)`
          : `Unexpected form field '${field}': send each document as a file part named '${limits.field}'`,
        { part: field },
      ));
    });
    parser.on('filesLimit', () => fail(tooLarge(`More than ${limits.maxFiles} files in one upload; send them in several requests`, limits.maxFiles)));
    parser.on('partsLimit', () => fail(AppError.badRequest('Too many parts in the form')));
    parser.on('fieldsLimit', () => fail(AppError.badRequest('Too many form fields')));
    parser.on('error', (err: Error) => fail(AppError.badRequest(`The multipart/form-data body cannot be read: ${err.message}`)));
    parser.on('close', () => {
      closed = true;
      finish();
    });
    req.pipe(parser);
  });
}
