/*
 * The loader's orchestration, shared by the CLI, `npm start` and the benchmark: files → bytes →
 * (skip if the stored hash matches) → extract → validate → write, many documents per transaction.
 * A failing document is recorded with its file and reason and the rest go on: when a transaction of
 * several documents fails, each of its documents is retried in a transaction of its own, so one bad
 * document never takes the others down and never lands half-written. Extraction of the next documents
 * overlaps with the writes in flight. A failure of the database itself (unavailable, internal error, disk
 * full: databaseFault) is different: no later document could succeed, so the run stops at the first one,
 * records every document not written as `not-loaded` and says why once (summary.stopped); a rerun
 * continues, since the documents already written are skipped as unchanged.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { GraphDb } from '../graph/graph-db.ts';
import { databaseFault } from '../graph/neo4j-errors.ts';
import { addCounters } from '../graph/writer/counters.ts';
import { clearGraph, storedDocuments, type StoredDocument } from '../graph/writer/graph-state.ts';
import { prepareDocument, type PreparedDocument } from '../graph/writer/prepare-facts.ts';
import { removeDocument } from '../graph/writer/remove-document.ts';
import { writeDocuments, type WriteOptions } from '../graph/writer/write-documents.ts';
import { collectFiles } from './collect-files.ts';
import { DEFAULT_MAX_DOCUMENT_BYTES, documentIdOf, readRegularFile } from '../extract/read-document-file.ts';
import { extractFile, gazetteerFrom, type Extracted, type Gazetteer } from './extract-file.ts';
import type { Progress } from './progress.ts';
import { emptySummary, record, type DocumentOutcome, type LoadSummary } from './summary.ts';

export interface LoadOptions {
  /** Delete the whole graph first. */
  reset?: boolean;
  /** Extract and validate, report what would be written, write nothing. */
  dryRun?: boolean;
  /** Documents (ids, or file names whose base name is the id) to take out before loading. */
  remove?: readonly string[];
  /** Documents per write transaction (default 50; 1 writes each document in its own transaction). */
  batchSize?: number;
  /** Write transactions in flight at once (default 2). */
  concurrency?: number;
  /** Rewrite documents even when their hash is unchanged. */
  force?: boolean;
  gazetteer?: Gazetteer;
  progress?: Progress;
  /** Replaces the extractor (tests feed hand-written facts; the bench feeds pre-extracted ones). */
  extract?: (file: string, bytes: Uint8Array) => Extracted | Promise<Extracted>;
  /** Passed to every write transaction (tests inject failures). */
  beforeCommit?: WriteOptions['beforeCommit'];
  /** Awaited after each write transaction with its documents' outcomes (tests stop the database here). */
  afterWrite?: (outcomes: readonly DocumentOutcome[]) => Promise<void> | void;
  /** Larger files fail with the limit in the reason (default 20 MB, MAX_DOCUMENT_SIZE). */
  maxFileBytes?: number;
}

export const DEFAULT_BATCH_SIZE = 50;
export const DEFAULT_CONCURRENCY = 2;
/** Facts (nodes + relationships) per transaction, whatever the batch size: bounds Neo4j's transaction memory. */
const MAX_BATCH_FACTS = 40_000;

/** A document extracted and validated, waiting for its write transaction. */
interface Pending {
  file: string;
  prepared: PreparedDocument;
  warnings: string[];
}

/** Why the run stopped, once set: the first database fault seen by any transaction. */
interface RunState {
  stopped?: string;
}

export async function loadPaths(db: GraphDb, paths: readonly string[], opts: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const summary = emptySummary(opts.dryRun ?? false);
  const { files, missing } = collectFiles(paths);
  const total = files.length + missing.length + (opts.remove?.length ?? 0);
  opts.progress?.start(total);
  const done = (o: DocumentOutcome) => {
    record(summary, o);
    opts.progress?.document(o);
  };

  const state: RunState = {};
  const notLoaded = (file: string) => record(summary, outcome(path.relative(process.cwd(), file) || file, documentIdOf(file), 'not-loaded'));
  const stop = () => {
    summary.stopped = state.stopped;
    for (const name of opts.remove?.slice(removed) ?? []) notLoaded(name);
    for (const file of files.slice(prepared)) notLoaded(file);
    opts.progress?.finish();
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  };
  let removed = 0;
  let prepared = 0;

  if (opts.reset && !opts.dryRun) await clearGraph(db);
  for (const m of missing) done(outcome(m.file, documentIdOf(m.file), 'failed', m.reason));
  for (const name of opts.remove ?? []) {
    const r = await removeOne(db, name, opts.dryRun ?? false, state);
    removed += 1;
    if (state.stopped) {
      record(summary, r);
      return stop();
    }
    done(r);
  }

  let stored: Map<string, StoredDocument>;
  try {
    stored = await storedDocuments(db);
  } catch (err) {
    const fault = databaseFault(err);
    if (!fault) throw err;
    state.stopped = fault.reason;
    return stop();
  }
  const extract = opts.extract ?? ((file: string, bytes: Uint8Array) => extractFile(file, bytes, opts.gazetteer ?? gazetteerFrom()));
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const limit = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const inFlight = new Set<Promise<void>>();
  let batch: Pending[] = [];
  let batchFacts = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const docs = batch;
    batch = [];
    batchFacts = 0;
    if (state.stopped) {
      for (const d of docs) record(summary, notLoadedOutcome(d));
      return;
    }
    // A batch that replaces loaded documents runs alone. Node locks already keep support exact beside it,
    // but not property values: a node whose only support was the replaced versions is deleted and set
    // afresh by a later batch of the run when that batch commits after the replacement, and keeps the old
    // version's values when it commits first (docs/loading.md, Concurrency, point 4; tested).
    const replaces = docs.some((d) => stored.has(d.prepared.docId));
    while (inFlight.size >= (replaces ? 1 : limit)) await Promise.race(inFlight);
    const t0 = performance.now();
    const p: Promise<void> = writeBatch(db, docs, opts, summary, state)
      .then(async (outcomes) => {
        summary.writeSeconds += (performance.now() - t0) / 1000;
        // Documents not written because the database failed are listed by the stop, not as progress.
        for (const o of outcomes) (o.status === 'not-loaded' ? record(summary, o) : done(o));
        await opts.afterWrite?.(outcomes);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (replaces) await p;
  };

  const owners = new Map<string, string>();
  for (const file of files) {
    if (state.stopped) break;
    const r = await prepareOne(file, stored, owners, extract, opts, summary);
    prepared += 1;
    if ('status' in r) {
      done(r);
      continue;
    }
    const facts = r.prepared.nodes.length + r.prepared.relationshipCount;
    if (batch.length > 0 && batchFacts + facts > MAX_BATCH_FACTS) await flush();
    batch.push(r);
    batchFacts += facts;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  if (state.stopped) {
    // The batch still being filled when a write in flight found the database gone.
    await flush();
    return stop();
  }

  opts.progress?.finish();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Reads, hashes, extracts and validates one file: a Pending write, or the document's final outcome. */
async function prepareOne(
  file: string, stored: Map<string, StoredDocument>, owners: Map<string, string>,
  extract: NonNullable<LoadOptions['extract']>, opts: LoadOptions, summary: LoadSummary,
): Promise<Pending | DocumentOutcome> {
  const rel = path.relative(process.cwd(), file) || file;
  const docId = documentIdOf(file);
  const owner = owners.get(docId);
  if (owner) return outcome(rel, docId, 'failed', `document id ${docId} is already taken by ${owner} (ids are file base names)`);
  owners.set(docId, rel);
  try {
    const bytes = await readRegularFile(file, opts.maxFileBytes ?? DEFAULT_MAX_DOCUMENT_BYTES);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    // Cheap skip before extraction; the write transaction re-checks under lock.
    if (!opts.force && stored.get(docId)?.sha256 === sha) return outcome(rel, docId, 'unchanged');
    const t0 = performance.now();
    const extracted = await extract(file, bytes);
    const prepared = prepareDocument(extracted.facts, extracted.text, { size: bytes.length, warnings: extracted.warnings });
    summary.extractSeconds += (performance.now() - t0) / 1000;
    if (prepared.docId !== docId) throw new Error(`the extractor named the document ${prepared.docId}, expected ${docId}`);
    if (opts.dryRun) {
      const what = stored.has(docId) ? 'would replace' : 'would load';
      const o = outcome(rel, docId, 'checked', `${what}: ${prepared.nodes.length} nodes, ${prepared.relationshipCount} relationships`);
      return { ...o, warnings: extracted.warnings };
    }
    return { file: rel, prepared, warnings: extracted.warnings };
  } catch (err) {
    return outcome(rel, docId, 'failed', reasonOf(err));
  }
}

/**
 * One transaction for the whole batch; if it fails (after the driver's retries of transient errors),
 * one transaction per document, so the failure is pinned on the document that caused it. The counters of
 * a shared transaction belong to no single document, so they go straight into the summary's totals.
 */
async function writeBatch(db: GraphDb, docs: Pending[], opts: LoadOptions, summary: LoadSummary, state: RunState): Promise<DocumentOutcome[]> {
  const writeOpts: WriteOptions = { force: opts.force, beforeCommit: opts.beforeCommit };
  if (state.stopped) return docs.map(notLoadedOutcome);
  try {
    const result = await writeDocuments(db, docs.map((d) => d.prepared), writeOpts);
    addCounters(summary.counters, result.counters);
    return docs.map((d, i) => ({ file: d.file, docId: d.prepared.docId, status: result.documents[i]!.status, warnings: d.warnings }));
  } catch (err) {
    const fault = databaseFault(err);
    if (fault) {
      state.stopped ??= fault.reason;
      return docs.map(notLoadedOutcome);
    }
    if (docs.length === 1) return [outcome(docs[0]!.file, docs[0]!.prepared.docId, 'failed', reasonOf(err))];
    const outcomes: DocumentOutcome[] = [];
    for (const d of docs) for (const o of await writeBatch(db, [d], opts, summary, state)) outcomes.push(o);
    return outcomes;
  }
}

function notLoadedOutcome(d: Pending): DocumentOutcome {
  return { ...outcome(d.file, d.prepared.docId, 'not-loaded'), warnings: d.warnings };
}

async function removeOne(db: GraphDb, name: string, dryRun: boolean, state: RunState): Promise<DocumentOutcome> {
  const docId = documentIdOf(name);
  if (dryRun) return outcome(name, docId, 'checked', 'would remove');
  try {
    const r = await removeDocument(db, docId);
    return { ...outcome(name, docId, r.removed ? 'removed' : 'not-found', r.removed ? undefined : `no document ${docId} is loaded`), counters: r.counters };
  } catch (err) {
    const fault = databaseFault(err);
    if (!fault) return outcome(name, docId, 'failed', reasonOf(err));
    state.stopped ??= fault.reason;
    return outcome(name, docId, 'not-loaded');
  }
}

function outcome(file: string, docId: string, status: DocumentOutcome['status'], reason?: string): DocumentOutcome {
  return { file, docId, status, ...(reason ? { reason } : {}), warnings: [] };
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    const details = (err as { details?: { reason?: string; neo4jCode?: string } }).details;
    const extra = details?.reason ?? details?.neo4jCode;
    return extra ? `${err.message} (${extra})` : err.message;
  }
  return String(err);
}

