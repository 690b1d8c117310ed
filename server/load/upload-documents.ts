/*
 * Documents uploaded over HTTP: the same extraction (extract-file.ts, the CLI's gazetteer), the same
 * validation (prepareDocument) and the same writer as `npm run load`, but for bytes that arrive in a
 * request rather than files on disk. Two differences from loadPaths, both because a person is waiting
 * for the answer: every file is checked before anything is written, so one bad file refuses the whole
 * upload with a 4xx naming it; and all files are written in one transaction, so a failed upload leaves
 * the graph exactly as it was. A dry run answers the preview (what was read, what it would do) and
 * writes nothing. Removal goes through the writer's removal, like `--remove`.
 */
import path from 'node:path';
import { AppError } from '../errors.ts';
import { DecodeError } from '../extract/decode.ts';
import { DOCUMENT_EXTENSIONS, documentIdOf } from '../extract/read-document-file.ts';
import { CONVERT_TO_DOCX, SAVE_AS_DOCX } from '../extract/read-docx.ts';
import type { GraphDb } from '../graph/graph-db.ts';
import { zeroCounters, type WriteCounters } from '../graph/writer/counters.ts';
import { ENTITY_LABELS, type DocumentCounts } from '../graph/writer/document-readings.ts';
import { storedDocuments } from '../graph/writer/graph-state.ts';
import { FactsError, prepareDocument, type PreparedDocument } from '../graph/writer/prepare-facts.ts';
import { removeDocument } from '../graph/writer/remove-document.ts';
import { WriteError, writeDocuments, type WriteOptions, type WriteStatus } from '../graph/writer/write-documents.ts';
import { documentNodeId, type PropValue } from '../extract/graph-facts.ts';
import type { DocumentWarning } from './document-warnings.ts';
import { extractFile, type Gazetteer } from './extract-file.ts';

/** The multipart field the files come under. */
export const UPLOAD_FIELD = 'file';
/** Files per upload request at most: a person's selection, not an archive (use `npm run load` for that). */
export const MAX_UPLOAD_FILES = 100;
/** What an uploaded file may be called: the extensions a folder load reads. */
export const UPLOAD_EXTENSIONS = [...DOCUMENT_EXTENSIONS];

export interface UploadInput {
  /** The file name the client sent. */
  name: string;
  bytes: Uint8Array;
}

/** What an upload would do to the graph: a document not loaded, the same bytes again, or a new version. */
export type UploadStatus = 'new' | 'unchanged' | 'replacement';

export interface PreviewUnit { id: string; name: string; role: string | null; rank: number | null; resolved: boolean }

export interface DocumentPreview {
  file: string;
  docId: string;
  size: number;
  sha256: string;
  status: UploadStatus;
  /** The loaded document this one replaces (same id, i.e. same file base name), for a replacement. */
  replaces: { file: string | null } | null;
  document: { title: string; issuer: string | null; jurisdiction: string | null; jurisdictionLevel: string | null; issued: string | null; kind: string };
  counts: DocumentCounts;
  tasks: { id: string; path: string | null; section: string | null; title: string; units: PreviewUnit[] }[];
  entities: { id: string; label: string; name: string }[];
  targets: { id: string; name: string; value: PropValue; unit: PropValue; year: PropValue }[];
  warnings: DocumentWarning[];
  /** What the write did (absent in a dry run): loaded, replaced, or unchanged (a no-op). */
  written?: WriteStatus;
}

export interface UploadResult {
  dryRun: boolean;
  documents: DocumentPreview[];
  /** What the write transaction changed (all zero in a dry run or when every file was unchanged). */
  counters: WriteCounters;
}

interface Checked { preview: DocumentPreview; prepared: PreparedDocument }

const unprocessable = (message: string, details?: unknown) => new AppError(422, 'UNPROCESSABLE_DOCUMENT', message, details);

/** The file name without any folder a client may have sent; refuses names that cannot be a document id. */
function documentName(sent: string, index: number): string {
  const name = sent.split(/[\\/]/).pop()?.trim() ?? '';
  const where = `file ${index + 1}${sent ? ` (${JSON.stringify(sent)})` : ''}`;
  if (!name) throw AppError.badRequest(`${where} has no file name; the document id is the file name without its extension`, { file: sent });
  if (/[\u0000-\u001f\u007f]/.test(name)) throw AppError.badRequest(`${where}: the file name contains control characters`, { file: sent });
  const ext = path.extname(name).toLowerCase();
  if (CONVERT_TO_DOCX.has(ext)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${name}: ${ext} files are not read; ${SAVE_AS_DOCX}`, { file: name, extensions: UPLOAD_EXTENSIONS });
  }
  if (!DOCUMENT_EXTENSIONS.has(ext)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${name}: only ${UPLOAD_EXTENSIONS.join(', ')} files are read (text, Markdown, HTML, Word .docx)`, { file: name, extensions: UPLOAD_EXTENSIONS });
  }
  const id = documentIdOf(name);
  if (!id || id.startsWith('.')) throw AppError.badRequest(`${name}: the file name needs a name before its extension (it becomes the document id)`, { file: name });
  if (id.length > 200) throw AppError.badRequest(`${name}: the file name is longer than 200 characters`, { file: name });
  return name;
}

/** Extracts and validates one file; throws a 4xx naming it when it is not a readable document. */
function checkFile(name: string, bytes: Uint8Array, gazetteer: Gazetteer): Checked {
  if (bytes.length === 0) throw unprocessable(`${name} is empty (0 bytes)`, { file: name });
  let extracted;
  try {
    extracted = extractFile(name, bytes, gazetteer);
  } catch (err) {
    if (err instanceof DecodeError) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${err.message}; upload text (UTF-8 or GBK/GB18030), Markdown, HTML or Word .docx`, { file: name });
    }
    throw err;
  }
  const findings = extracted.findings ?? extracted.warnings.map((message) => ({ code: 'extractor' as const, message }));
  if (findings.some((w) => w.code === 'empty')) throw unprocessable(`${name} holds no text (only white space)`, { file: name });
  let prepared: PreparedDocument;
  try {
    prepared = prepareDocument(extracted.facts, extracted.text, { size: bytes.length, warnings: extracted.warnings });
  } catch (err) {
    if (err instanceof FactsError) throw unprocessable(`${name}: what was read cannot be stored: ${err.message}`, { file: name });
    throw err;
  }
  return { prepared, preview: previewOf(name, bytes, prepared, findings, gazetteer) };
}

function previewOf(name: string, bytes: Uint8Array, p: PreparedDocument, warnings: DocumentWarning[], gazetteer: Gazetteer): DocumentPreview {
  const props = p.documentProps;
  const str = (v: PropValue | undefined) => (typeof v === 'string' ? v : null);
  const num = (v: PropValue | undefined) => (typeof v === 'number' ? v : 0);
  const names = new Map(p.nodes.map((n) => [n.id, String(n.props.name)]));
  const unitsOf = new Map<string, PreviewUnit[]>();
  for (const r of p.relationships) {
    if (r.type !== 'RESPONSIBLE_FOR') continue;
    const unitName = names.get(r.from) ?? r.from;
    const units = unitsOf.get(r.to) ?? [];
    units.push({
      id: r.from, name: unitName, role: typeof r.props.role === 'string' ? r.props.role : null,
      rank: typeof r.props.rank === 'number' ? r.props.rank : null, resolved: gazetteer.byName.has(unitName),
    });
    unitsOf.set(r.to, units);
  }
  const tasks = p.nodes
    .filter((n) => n.label === 'Task')
    .sort((a, b) => num(a.props.order) - num(b.props.order))
    .map((n) => ({
      id: n.id, path: str(n.props.path), section: str(n.props.section), title: String(n.props.name),
      units: (unitsOf.get(n.id) ?? []).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)),
    }));
  return {
    file: name,
    docId: p.docId,
    size: bytes.length,
    sha256: p.sha256,
    status: 'new',
    replaces: null,
    document: {
      title: String(props.name), issuer: str(props.issuer), jurisdiction: str(props.jurisdiction),
      jurisdictionLevel: str(props.jurisdictionLevel), issued: str(props.issued), kind: String(props.kind),
    },
    counts: {
      tasks: num(props.taskCount), responsibilities: num(props.responsibilityCount), entities: num(props.entityCount),
      targets: num(props.targetCount), observations: num(props.observationCount), warnings: num(props.warningCount),
    },
    tasks,
    entities: p.nodes.filter((n) => ENTITY_LABELS.includes(n.label)).map((n) => ({ id: n.id, label: n.label, name: String(n.props.name) })),
    targets: p.nodes.filter((n) => n.label === 'Target').map((n) => ({
      id: n.id, name: String(n.props.name), value: n.props.value ?? null, unit: n.props.unit ?? null, year: n.props.year ?? null,
    })),
    warnings,
  };
}

/**
 * Checks every file, then previews (dryRun) or writes them all in one transaction. Throws a 4xx AppError
 * naming the first file that is not a readable document, before anything is written.
 */
export interface UploadOptions {
  dryRun: boolean;
  gazetteer: Gazetteer;
  /** Passed to the write transaction (tests inject failures with beforeCommit). */
  write?: Pick<WriteOptions, 'beforeCommit'>;
}

export async function uploadDocuments(db: GraphDb, files: readonly UploadInput[], opts: UploadOptions): Promise<UploadResult> {
  const names = files.map((f, i) => documentName(f.name, i));
  const byId = new Map<string, string>();
  for (const name of names) {
    const id = documentIdOf(name);
    const other = byId.get(id);
    if (other) throw AppError.badRequest(`${name} and ${other} would both be document ${id} (the id is the file name without its extension): upload them separately or rename one`, { files: [other, name] });
    byId.set(id, name);
  }
  const checked = files.map((f, i) => checkFile(names[i]!, f.bytes, opts.gazetteer));

  const stored = await storedDocuments(db);
  for (const { preview } of checked) {
    const old = stored.get(preview.docId);
    if (!old) continue;
    preview.status = old.sha256 === preview.sha256 ? 'unchanged' : 'replacement';
    preview.replaces = preview.status === 'replacement' ? { file: old.file } : null;
  }
  const documents = checked.map((c) => c.preview);
  if (opts.dryRun) return { dryRun: true, documents, counters: zeroCounters() };

  const writing = checked.filter((c) => c.preview.status !== 'unchanged');
  for (const c of checked) if (c.preview.status === 'unchanged') c.preview.written = 'unchanged';
  if (writing.length === 0) return { dryRun: false, documents, counters: zeroCounters() };
  try {
    const result = await writeDocuments(db, writing.map((c) => c.prepared), opts.write);
    writing.forEach((c, i) => (c.preview.written = result.documents[i]!.status));
    return { dryRun: false, documents, counters: result.counters };
  } catch (err) {
    // The transaction rolled back: nothing of this upload is in the graph.
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof AppError && cause.status === 503) throw cause;
    if (err instanceof WriteError) {
      throw unprocessable(`Nothing was loaded: writing ${writing.map((c) => c.preview.file).join(', ')} failed: ${err.message}`, { files: writing.map((c) => c.preview.file) });
    }
    throw err;
  }
}

export interface RemoveAnswer {
  docId: string;
  removed: true;
  /** What the removal changed: nodes and relationships only this document supported are deleted; shared ones updated. */
  counters: WriteCounters;
}

/** Removes a loaded document (id `document:<id>` or bare) and what only it supported; 404 when none is loaded. */
export async function removeLoadedDocument(db: GraphDb, id: string): Promise<RemoveAnswer> {
  const docId = id.startsWith('document:') ? id.slice('document:'.length) : id;
  if (!docId) throw AppError.badRequest("The document id is empty after 'document:'");
  const r = await removeDocument(db, docId);
  if (!r.removed) throw AppError.notFound(`No document '${docId}' is loaded`, { id: documentNodeId(docId) });
  return { docId, removed: true, counters: r.counters };
}

