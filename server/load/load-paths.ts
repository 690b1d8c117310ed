/*
 * The loader's orchestration, shared by the CLI, `npm start` and the benchmark: files → bytes →
 * (skip if the stored hash matches) → extract → validate → write, many documents per transaction.
 * A failing document is recorded with its file and reason and the rest go on: when a transaction of
 * several documents fails, each of its documents is retried in a transaction of its own, so one bad
 * document never takes the others down and never lands half-written. Extraction of the next documents
 * overlaps with the writes in flight.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { GraphDb } from '../graph/graph-db.ts';
import { addCounters } from '../graph/writer/counters.ts';
import { clearGraph, storedDocuments, type StoredDocument } from '../graph/writer/graph-state.ts';
import { prepareDocument, type PreparedDocument } from '../graph/writer/prepare-facts.ts';
import { removeDocument } from '../graph/writer/remove-document.ts';
import { writeDocuments, type WriteOptions } from '../graph/writer/write-documents.ts';
import { collectFiles } from './collect-files.ts';
import { documentIdOf } from '../extract/read-document-file.ts';
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

  if (opts.reset && !opts.dryRun) await clearGraph(db);
  for (const m of missing) done(outcome(m.file, documentIdOf(m.file), 'failed', m.reason));
  for (const name of opts.remove ?? []) done(await removeOne(db, name, opts.dryRun ?? false));

  const stored = await storedDocuments(db);
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
    // A batch that replaces loaded documents runs alone: it decides which of their old nodes keep support
    // from what is committed, and a load in flight beside it would commit its support later, in the wrong
    // order for "the same graph as a fresh load" (docs/loading.md, Concurrency).
    const replaces = docs.some((d) => stored.has(d.prepared.docId));
    while (inFlight.size >= (replaces ? 1 : limit)) await Promise.race(inFlight);
    const t0 = performance.now();
    const p: Promise<void> = writeBatch(db, docs, opts, summary)
      .then((outcomes) => {
        summary.writeSeconds += (performance.now() - t0) / 1000;
        outcomes.forEach(done);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (replaces) await p;
  };

  const owners = new Map<string, string>();
  for (const file of files) {
    const r = await prepareOne(file, stored, owners, extract, opts, summary);
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
    const bytes = await fs.readFile(file);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    // Cheap skip before extraction; the write transaction re-checks under lock.
    if (!opts.force && stored.get(docId)?.sha256 === sha) return outcome(rel, docId, 'unchanged');
    const t0 = performance.now();
    const extracted = await extract(file, bytes);
    const prepared = prepareDocument(extracted.facts, extracted.text);
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
async function writeBatch(db: GraphDb, docs: Pending[], opts: LoadOptions, summary: LoadSummary): Promise<DocumentOutcome[]> {
  const writeOpts: WriteOptions = { force: opts.force, beforeCommit: opts.beforeCommit };
  try {
    const result = await writeDocuments(db, docs.map((d) => d.prepared), writeOpts);
    addCounters(summary.counters, result.counters);
    return docs.map((d, i) => ({ file: d.file, docId: d.prepared.docId, status: result.documents[i]!.status, warnings: d.warnings }));
  } catch (err) {
    if (docs.length === 1) return [outcome(docs[0]!.file, docs[0]!.prepared.docId, 'failed', reasonOf(err))];
    const outcomes: DocumentOutcome[] = [];
    for (const d of docs) outcomes.push(...(await writeBatch(db, [d], opts, summary)));
    return outcomes;
  }
}

async function removeOne(db: GraphDb, name: string, dryRun: boolean): Promise<DocumentOutcome> {
  const docId = documentIdOf(name);
  if (dryRun) return outcome(name, docId, 'checked', 'would remove');
  try {
    const r = await removeDocument(db, docId);
    return { ...outcome(name, docId, r.removed ? 'removed' : 'not-found', r.removed ? undefined : `no document ${docId} is loaded`), counters: r.counters };
  } catch (err) {
    return outcome(name, docId, 'failed', reasonOf(err));
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

