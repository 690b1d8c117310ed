/*
 * Progress for long loads: a redrawn bar on a terminal, one plain line per document otherwise (logs,
 * CI, npm start's output), so a 2,000-document load neither floods a terminal nor goes silent in a log.
 */
import type { DocumentOutcome } from './summary.ts';

export interface Progress {
  start(total: number): void;
  document(outcome: DocumentOutcome): void;
  finish(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

export function createProgress(stream: ProgressStream = process.stderr): Progress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

class LineProgress implements Progress {
  private total = 0;
  private done = 0;
  constructor(private readonly out: ProgressStream) {}
  start(total: number): void {
    this.total = total;
  }
  document(o: DocumentOutcome): void {
    this.done += 1;
    const why = o.reason ? `: ${o.reason}` : '';
    this.out.write(`[${this.done}/${this.total}] ${o.status} ${o.file}${why}\n`);
  }
  finish(): void {}
}

class BarProgress implements Progress {
  private total = 0;
  private done = 0;
  private failed = 0;
  private started = Date.now();
  private lastDraw = 0;
  constructor(private readonly out: ProgressStream) {}
  start(total: number): void {
    this.total = total;
    this.started = Date.now();
  }
  document(o: DocumentOutcome): void {
    this.done += 1;
    if (o.status === 'failed') {
      this.failed += 1;
      // Failures are kept on screen above the bar, not overwritten by it.
      this.out.write(`\r\x1b[K${o.status} ${o.file}: ${o.reason ?? ''}\n`);
    }
    const now = Date.now();
    if (now - this.lastDraw > 100 || this.done === this.total) {
      this.lastDraw = now;
      this.draw();
    }
  }
  finish(): void {
    if (this.total > 0) this.out.write('\n');
  }
  private draw(): void {
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 50));
    const ratio = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(ratio * width);
    const secs = (Date.now() - this.started) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const fail = this.failed ? `, ${this.failed} failed` : '';
    this.out.write(`\r\x1b[K${bar} ${this.done}/${this.total} documents (${rate.toFixed(0)}/s${fail})`);
  }
}
