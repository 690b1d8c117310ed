/*
 * The upload's decisions without a browser: how a refusal from the server becomes a reason in the UI's
 * language, what a replacement changes in the counts, the order units print in, and the finished summary.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/src/api/client.ts';
import { countChanges, failureOf, failureText, inPrintedOrder, tooLarge, unresolvedUnits, uploadSummary } from '../../../../client/src/upload/upload-model.ts';
import type { DocumentCounts, DocumentPreview, PreviewUnit } from '../../../../client/src/upload/upload-types.ts';
import { SAVE_AS_DOCX } from '../../../../server/extract/read-docx.ts';

const counts = (tasks: number, extra: Partial<DocumentCounts> = {}): DocumentCounts => ({ tasks, responsibilities: 0, entities: 0, targets: 0, observations: 0, warnings: 0, ...extra });
const unit = (name: string, role: string | null, rank: number | null, resolved = true): PreviewUnit => ({ id: `agency:${name}`, name, role, rank, resolved });
const preview = (over: Partial<DocumentPreview>): DocumentPreview => ({
  file: 'a.txt', docId: 'a', size: 1, sha256: 'x', status: 'new', replaces: null,
  document: { title: 't', issuer: null, jurisdiction: null, jurisdictionLevel: null, issued: null, kind: 'plan' },
  counts: counts(0), tasks: [], entities: [], targets: [], warnings: [], ...over,
});

describe('failureOf and failureText', () => {
  it('calls a 415 about decoding a binary or undecodable file, and one about the extension a type refusal', () => {
    const binary = failureOf(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'scan.txt: contains control characters; looks like a binary file, not UTF-8 text; upload text'));
    const type = failureOf(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'a.pdf: only .txt, .md, .html files are read (text, Markdown, HTML)'));
    expect([binary.kind, type.kind]).toEqual(['binary', 'type']);
    expect(failureText('zh', binary)).toBe('不是文本文件(二进制或无法识别的编码);请上传 UTF-8 或 GBK 文本');
    expect(failureText('en', type)).toBe('Only .txt, .md, .html and .docx files are read (a.pdf: only .txt, .md, .html files are read (text, Markdown, HTML))');
  });

  it('tells a .doc or .wps refusal apart and says in either language to save it as .docx', () => {
    const old = failureOf(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `plan.doc: .doc files are not read; ${SAVE_AS_DOCX}`));
    expect(old.kind).toBe('convert');
    expect(failureText('zh', old)).toContain('另存为 .docx');
    expect(failureText('en', old)).toMatch(/^This format is not read .*save it as \.docx.*\(plan\.doc: /);
  });

  it('tells an empty file from one whose facts cannot be stored, and gives the size limit of a 413 in MB', () => {
    expect(failureOf(new ApiError(422, 'UNPROCESSABLE_DOCUMENT', 'a.txt is empty (0 bytes)')).kind).toBe('empty');
    expect(failureOf(new ApiError(422, 'UNPROCESSABLE_DOCUMENT', 'a.txt holds no text (only white space)')).kind).toBe('empty');
    expect(failureOf(new ApiError(422, 'UNPROCESSABLE_DOCUMENT', 'a.txt: what was read cannot be stored: x')).kind).toBe('unreadable');
    const big = failureOf(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too large', { limit: 20 * 1024 * 1024 }));
    expect(failureText('zh', big)).toBe('文件太大(上限 20 MB)');
    expect(failureText('en', big)).toBe('The file is too large (limit 20 MB)');
  });

  it('calls anything that is not an answer of the server a network failure', () => {
    expect(failureOf(new TypeError('Failed to fetch'))).toEqual({ kind: 'network', detail: 'Failed to fetch' });
    expect(failureText('zh', failureOf(new ApiError(500, 'INTERNAL', 'x')))).toBe('服务器拒绝了这份文件(500)');
  });
});

describe('tooLarge', () => {
  it('refuses a file over the per-file limit before it is sent, and lets one at the limit through', () => {
    expect(tooLarge(101, 100)).toMatchObject({ kind: 'tooLarge', limit: 100 });
    expect(tooLarge(100, 100)).toBeNull();
  });
});

describe('countChanges', () => {
  it('lists only the counts that change, in a fixed order, and nothing when the loaded counts are unknown', () => {
    expect(countChanges(counts(4, { responsibilities: 8 }), counts(5, { responsibilities: 8, warnings: 1 }))).toEqual([
      { key: 'tasks', from: 4, to: 5 }, { key: 'warnings', from: 0, to: 1 },
    ]);
    expect(countChanges(null, counts(5))).toEqual([]);
  });
});

describe('inPrintedOrder', () => {
  it('puts the lead list before the support list, each in its own rank order', () => {
    const units = [unit('配合一', 'support', 1), unit('牵头', 'lead', 1), unit('配合二', 'support', 2)];
    expect(inPrintedOrder(units).map((u) => u.name)).toEqual(['牵头', '配合一', '配合二']);
  });
});

describe('uploadSummary and unresolvedUnits', () => {
  it('counts written documents by outcome, and the tasks of those that changed the graph', () => {
    const docs = [
      preview({ written: 'loaded', counts: counts(4) }), preview({ written: 'replaced', counts: counts(5) }), preview({ written: 'unchanged', counts: counts(9) }),
    ];
    expect(uploadSummary(docs, 2)).toEqual({ loaded: 1, replaced: 1, unchanged: 1, failed: 2, tasks: 9 });
  });

  it('lists each unit the gazetteer does not know once, in order of appearance', () => {
    const p = preview({ tasks: [
      { id: 't1', path: '1', section: null, title: 'a', units: [unit('甲', 'lead', 1, false), unit('乙', 'support', 1)] },
      { id: 't2', path: '2', section: null, title: 'b', units: [unit('丙', 'responsible', 1, false), unit('甲', 'responsible', 2, false)] },
    ] });
    expect(unresolvedUnits(p)).toEqual(['甲', '丙']);
  });
});
