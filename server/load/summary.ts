/*
 * What a load run did, per document and in total, and its human-readable form. Shared by the CLI,
 * npm start's log and the benchmark so all three report the same figures the same way.
 */
import { addCounters, zeroCounters, type WriteCounters } from '../graph/writer/counters.ts';

/** `not-loaded`: never tried, or tried when the database failed (summary.stopped says why); a rerun picks it up. */
export type DocumentStatus = 'loaded' | 'replaced' | 'unchanged' | 'failed' | 'removed' | 'not-found' | 'checked' | 'not-loaded';

export interface DocumentOutcome {
  file: string;
  docId: string;
  status: DocumentStatus;
  /** Why it failed, or what a dry run would do. */
  reason?: string;
  warnings: string[];
  /** What a removal changed. Writes share transactions, so their counters go to LoadSummary.counters directly. */
  counters?: WriteCounters;
}

export interface LoadSummary {
  documents: Record<DocumentStatus, number>;
  counters: WriteCounters;
  failures: { file: string; reason: string }[];
  warnings: string[];
  outcomes: DocumentOutcome[];
  seconds: number;
  /** Time spent in extraction (CPU, summed over documents). */
  extractSeconds: number;
  /** Time spent in write transactions (summed over transactions; they overlap when concurrency > 1). */
  writeSeconds: number;
  dryRun: boolean;
  /** Why the run stopped early: the database failed (unavailable, internal error, disk full), not a document. */
  stopped?: string;
}

export function emptySummary(dryRun: boolean): LoadSummary {
  return {
    documents: { loaded: 0, replaced: 0, unchanged: 0, failed: 0, removed: 0, 'not-found': 0, checked: 0, 'not-loaded': 0 },
    counters: zeroCounters(), failures: [], warnings: [], outcomes: [], seconds: 0, extractSeconds: 0, writeSeconds: 0, dryRun,
  };
}

export function record(summary: LoadSummary, outcome: DocumentOutcome): void {
  summary.outcomes.push(outcome);
  summary.documents[outcome.status] += 1;
  if (outcome.counters) addCounters(summary.counters, outcome.counters);
  for (const w of outcome.warnings) summary.warnings.push(w); // not push(...): a huge document has many
  if (outcome.status === 'failed') summary.failures.push({ file: outcome.file, reason: outcome.reason ?? 'unknown error' });
}

export function formatSummary(s: LoadSummary): string[] {
  const d = s.documents;
  const c = s.counters;
  const lines = [
    s.dryRun
      ? `Dry run: ${d.checked} documents would be written or removed, ${d.unchanged} unchanged, ${d.failed} failed (nothing was written).`
      : `Documents: ${d.loaded} loaded, ${d.replaced} replaced, ${d.unchanged} unchanged, ${d.failed} failed` +
        (d.removed || d['not-found'] ? `, ${d.removed} removed, ${d['not-found']} not found` : '') +
        (d['not-loaded'] ? `, ${d['not-loaded']} not loaded` : '') + '.',
  ];
  if (s.stopped) {
    lines.push(`STOPPED: ${s.stopped}. The loader stopped at the first database failure instead of trying every remaining document.`);
    const written = listed(s.outcomes.filter((o) => o.status === 'loaded' || o.status === 'replaced').map((o) => o.file));
    lines.push(`  Written before the stop (${d.loaded + d.replaced}): ${written || 'none'}.`);
    lines.push(`  Not loaded (${d['not-loaded']}): ${listed(s.outcomes.filter((o) => o.status === 'not-loaded').map((o) => o.file)) || 'none'}.`);
    lines.push('  Run the same command again when the database is back: documents already written are skipped as unchanged.');
  }
  if (!s.dryRun) {
    lines.push(`Nodes: ${c.nodesCreated} created, ${c.nodesUpdated} updated, ${c.nodesDeleted} deleted.`);
    lines.push(`Relationships: ${c.relationshipsCreated} created, ${c.relationshipsUpdated} updated, ${c.relationshipsDeleted} deleted.`);
  }
  lines.push(`Time: ${s.seconds.toFixed(1)} s (extraction ${s.extractSeconds.toFixed(1)} s summed over documents, writing ${s.writeSeconds.toFixed(1)} s summed over transactions).`);
  for (const f of s.failures) lines.push(`FAILED ${f.file}: ${f.reason}`);
  return lines;
}

/** A list of files for one line: the first ten and how many more. */
function listed(files: string[], max = 10): string {
  return files.length <= max ? files.join(', ') : `${files.slice(0, max).join(', ')} … and ${files.length - max} more`;
}
