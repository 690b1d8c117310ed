/*
 * The loader's orchestration, shared by the CLI, `npm start` and the benchmark: files → bytes →
 * (skip if the stored hash matches) → extract → validate → one write transaction per document.
 * A failing document is recorded with its file and reason and the rest go on; several documents are
 * in flight at once so extraction (CPU) overlaps with Neo4j round trips.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { GraphDb } from '../graph/graph-db.ts';
import { zeroCounters } from '../graph/writer/counters.ts';
import { clearGraph, storedDocuments, type StoredDocument } from '../graph/writer/graph-state.ts';
import { prepareDocument } from '../graph/writer/prepare-facts.ts';
import { removeDocument } from '../graph/writer/remove-document.ts';
import { writeDocument, type WriteOptions } from '../graph/writer/write-document.ts';
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
  /** Documents in flight at once (default 4). */
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
  const owners = new Map<string, string>();
  const tasks = files.map((file) => () => loadOne(db, file, stored, owners, extract, opts, summary));
  await pool(tasks, Math.max(1, opts.concurrency ?? 4), done);

  opts.progress?.finish();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function loadOne(
  db: GraphDb, file: string, stored: Map<string, StoredDocument>, owners: Map<string, string>,
  extract: NonNullable<LoadOptions['extract']>, opts: LoadOptions, summary: LoadSummary,
): Promise<DocumentOutcome> {
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
    const t1 = performance.now();
    const result = await writeDocument(db, prepared, { force: opts.force, beforeCommit: opts.beforeCommit });
    summary.writeSeconds += (performance.now() - t1) / 1000;
    return { file: rel, docId, status: result.status, warnings: extracted.warnings, counters: result.counters };
  } catch (err) {
    return outcome(rel, docId, 'failed', reasonOf(err));
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
  return { file, docId, status, ...(reason ? { reason } : {}), warnings: [], counters: zeroCounters() };
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    const details = (err as { details?: { reason?: string; neo4jCode?: string } }).details;
    const extra = details?.reason ?? details?.neo4jCode;
    return extra ? `${err.message} (${extra})` : err.message;
  }
  return String(err);
}

/** Runs tasks with at most `limit` in flight, reporting each result as it completes. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number, each: (r: T) => void): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      each(await task());
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
