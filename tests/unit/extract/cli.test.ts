import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, SEEDS } from './helpers.ts';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli/extract.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the extract command', () => {
  it('prints one JSON object for a folder and the same bytes twice', () => {
    const a = run(SEEDS);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    const parsed = JSON.parse(a.stdout) as { documents: unknown[] };
    expect(parsed.documents).toHaveLength(5);
    expect(run(SEEDS).stdout).toBe(a.stdout);
  }, 30000);

  it('fails with a message naming the file and prints no JSON for undecodable bytes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'extract-'));
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0xe6, 0x95, 0xb0, 0xff, 0xff, 0x80]));
    const r = run(path.join(SEEDS, '002_bccb920477d76c9e.txt'), bad);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: invalid bytes`);
  }, 30000);

  it('fails for a missing path and for a folder without documents', () => {
    const missing = run(path.join(ROOT, 'no-such-folder'));
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/no-such-folder: no such file or folder/);
    const empty = run(mkdtempSync(path.join(tmpdir(), 'extract-empty-')));
    expect(empty.code).not.toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/contains no \.txt, \.md or \.html files/);
  }, 30000);

  it('warns on stderr but succeeds for a document with no recognisable structure', () => {
    const r = run(path.join(FIXTURES, 'no-structure.txt'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*no-structure\.txt: no recognisable structure/);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: [{ id: 'no-structure', kind: 'news' }] });
  }, 30000);
});
