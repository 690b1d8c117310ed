/*
 * One composition root in the client: main.ts builds every action factory (createActions, createExploreActions,
 * createQueryActions, …) once and injects the results; no panel, mode or other factory builds its own, so there
 * is one set of actions and one graph-change function per page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../../server/version.ts';

const SRC = path.join(ROOT_DIR, 'client', 'src');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Calls of an action factory (`createXActions(` or `createGraphChanges(`), not their definitions. */
function factoryCalls(source: string): string[] {
  return [...source.matchAll(/(?<!function\s)\b(create\w*Actions|createGraphChanges)\s*\(/g)].map((m) => m[1]!);
}

describe('action factories', () => {
  it('are called only in main.ts', () => {
    const callers = walk(SRC)
      .filter((f) => path.relative(SRC, f) !== 'main.ts')
      .flatMap((f) => factoryCalls(fs.readFileSync(f, 'utf8')).map((c) => `${path.relative(SRC, f).split(path.sep).join('/')}: ${c}`));
    expect(callers).toEqual([]);
  });

  it('are all called in main.ts, each once', () => {
    const calls = factoryCalls(fs.readFileSync(path.join(SRC, 'main.ts'), 'utf8'));
    const defined = walk(SRC).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/export function (create\w*Actions|createGraphChanges)\s*\(/g)].map((m) => m[1]!));
    expect(defined.length).toBeGreaterThan(5);
    expect([...calls].sort()).toEqual([...defined].sort());
  });
});
