import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../server/cli/extract.ts';
import { FIXTURES, ROOT, SEEDS } from './helpers.ts';

/** The real command in its own process: what a shell pipeline sees on stdout and stderr. */
function spawnCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli/extract.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command called in-process, its output captured (no process start per case). */
async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: async (text) => void (stdout += text),
    err: { write: (text) => ((stderr += text), true) },
  });
  return { code, stdout, stderr };
}

describe('the extract command', () => {
  it('prints one JSON object on stdout and nothing on stderr for a folder, the same bytes as in-process and twice', async () => {
    const a = spawnCli(SEEDS);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    const parsed = JSON.parse(a.stdout) as { documents: unknown[] };
    expect(parsed.documents).toHaveLength(5);
    expect((await run(SEEDS)).stdout).toBe(a.stdout);
    expect((await run(SEEDS)).stdout).toBe(a.stdout);
  }, 30000);

  it('fails with a message naming the file and prints no JSON for undecodable bytes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'extract-'));
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0xe6, 0x95, 0xb0, 0xff, 0xff, 0x80]));
    const r = await run(path.join(SEEDS, '002_bccb920477d76c9e.txt'), bad);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: invalid bytes`);
  }, 30000);

  it('fails for a missing path and for a folder without documents', async () => {
    const missing = await run(path.join(ROOT, 'no-such-folder'));
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/no-such-folder: no such file or folder/);
    const empty = await run(mkdtempSync(path.join(tmpdir(), 'extract-empty-')));
    expect(empty.code).not.toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/contains no \.txt, \.md, \.html or \.docx files/);
  }, 30000);

  it('reads a gazetteer folder given with --gazetteer, here one user city file, and names a bad file in it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
    writeFileSync(path.join(dir, 'guangzhou.yaml'), 'jurisdiction: 广州市\nprovince: 广东省\nentities:\n  - { name: 广州市人力资源和社会保障局, type: agency, aliases: [市人社局] }\n');
    const doc = path.join(dir, 'gz.txt');
    writeFileSync(doc, '广州市人民政府关于印发广州市就业工作方案的通知\n1. 稳定就业。(责任单位:市人社局)\n2. 扶持创业。(责任单位:市财政局)\n');
    const r = await run('--gazetteer', dir, doc);
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout) as { documents: { jurisdiction: string }[]; nodes: { id: string; props: Record<string, unknown> }[] };
    expect(facts.documents[0]!.jurisdiction).toBe('广州市');
    expect(facts.nodes.find((n) => n.id === 'agency:广州市人力资源和社会保障局')?.props.jurisdiction).toBe('广州市');
    writeFileSync(path.join(dir, 'bad.yaml'), 'entities:\n  - { name: 某局, type: bureau }\n');
    const bad = await run('--gazetteer', dir, doc);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad\.yaml.*某局/);
  }, 30000);

  it('warns on stderr but succeeds for a document with no recognisable structure', async () => {
    const r = await run(path.join(FIXTURES, 'no-structure.txt'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*no-structure\.txt: no recognisable structure/);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: [{ id: 'no-structure', kind: 'news' }] });
  }, 30000);
});
