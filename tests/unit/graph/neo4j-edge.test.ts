/*
 * Neo4j in one place: only the graph layer's edge modules import the driver, and every Cypher file,
 * whatever its folder, has the one header format the loader reads (cypher-files.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, parseCypherFile } from '../../../server/graph/cypher-files.ts';
import { ROOT_DIR } from '../../../server/version.ts';

function walk(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, ext) : e.name.endsWith(ext) ? [full] : [];
  });
}

/** The driver's edge: the doorway (graph-db, which also makes the driver) and its value, parameter and error converters. */
const EDGE = ['server/graph/graph-db.ts', 'server/graph/neo4j-errors.ts', 'server/graph/neo4j-params.ts', 'server/graph/neo4j-values.ts'];

describe('the Neo4j driver', () => {
  it('is imported only by the graph layer\'s edge modules', () => {
    const importers = walk(path.join(ROOT_DIR, 'server'), '.ts')
      .filter((f) => /from 'neo4j-driver'/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT_DIR, f).split(path.sep).join('/'));
    expect(importers.filter((f) => !EDGE.includes(f))).toEqual([]);
  });

  it('is not reached by the writer or the HTTP error middleware, even through the error converter', () => {
    const offenders = [...walk(path.join(ROOT_DIR, 'server', 'graph', 'writer'), '.ts'), path.join(ROOT_DIR, 'server', 'api', 'error-middleware.ts')]
      .filter((f) => /neo4j-errors|neo4j-driver/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('every Cypher file', () => {
  it('has a title and a description in the header, and a statement after it', () => {
    const bad = walk(CYPHER_DIR, '.cypher').flatMap((f) => {
      const parsed = parseCypherFile(f, fs.readFileSync(f, 'utf8'));
      const hasTitle = typeof parsed.header.title === 'string' || typeof parsed.header['title.en'] === 'string';
      const hasDescription = typeof parsed.header.description === 'string' || typeof parsed.header['description.en'] === 'string';
      return hasTitle && hasDescription && parsed.text.length > 0 ? [] : [path.relative(CYPHER_DIR, f)];
    });
    expect(bad).toEqual([]);
  });
});
