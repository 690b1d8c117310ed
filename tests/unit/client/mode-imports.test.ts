/*
 * Modes depend on the Mode contract (client/src/modes/mode.ts), not on each other: a file under
 * client/src/modes/<a>/ may import its own folder, mode.ts and anything outside modes/, but never another
 * mode's folder or the registry (modes/index.ts imports every mode). Shared helpers live outside modes/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../../server/version.ts';

const MODES_DIR = path.join(ROOT_DIR, 'client', 'src', 'modes');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : /\.(ts|css)$/.test(e.name) ? [full] : [];
  });
}

/** Every module a file names: static imports and re-exports, side-effect imports, dynamic import() and CSS @import. */
function importedSpecifiers(source: string): string[] {
  const re = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|@import\s+(?:url\()?['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

/** The imports of `file` (under modes/<mode>/) that reach into modes/ outside its own folder and mode.ts. */
function crossModeImports(file: string): string[] {
  const own = path.relative(MODES_DIR, file).split(path.sep)[0]!;
  return importedSpecifiers(fs.readFileSync(file, 'utf8'))
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.relative(MODES_DIR, path.resolve(path.dirname(file), spec)).split(path.sep).join('/'))
    .filter((target) => !target.startsWith('..') && target !== 'mode.ts' && !target.startsWith(`${own}/`))
    .map((target) => `${path.relative(ROOT_DIR, file).split(path.sep).join('/')} → modes/${target}`);
}

const modeFiles = fs.readdirSync(MODES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => walk(path.join(MODES_DIR, e.name)));

describe('modes', () => {
  it('import neither another mode nor the mode registry', () => {
    expect(modeFiles.flatMap(crossModeImports)).toEqual([]);
  });

  it('are found and read: each mode folder has a file importing the Mode contract', () => {
    const folders = new Set(modeFiles.filter((f) => importedSpecifiers(fs.readFileSync(f, 'utf8')).some((s) => s.endsWith('/mode.ts')))
      .map((f) => path.relative(MODES_DIR, f).split(path.sep)[0]));
    expect([...folders].sort()).toEqual(expect.arrayContaining(['analysis', 'library', 'present', 'query']));
  });

  it('reads every kind of import a file can make', () => {
    const source = [
      "import type { Mode } from '../mode.ts';",
      "import { x,\n  y } from '../query/query-model.ts';",
      "export { z } from './z.ts';",
      "import './present.css';",
      "const v = await import('../library/library-view.ts');",
      "@import url('../analysis/targets.css');",
    ].join('\n');
    expect(importedSpecifiers(source)).toEqual(['../mode.ts', '../query/query-model.ts', './z.ts', './present.css', '../library/library-view.ts', '../analysis/targets.css']);
  });
});
