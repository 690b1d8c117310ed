/*
 * Reads the gazetteer from disk: a folder of YAML files (seeds/gazetteer/: fuzhou.yaml, counties.yaml,
 * national.yaml, areas.yaml, and any city a user adds) or one YAML file. The second place in
 * server/extract/ that touches the file system; parsing stays in gazetteer.ts, which is pure.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GazetteerError, loadGazetteer, type Gazetteer } from './gazetteer.ts';

/** The *.yaml / *.yml files of a gazetteer folder in name order, or the one file given. */
export function gazetteerFiles(fileOrDir: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(fileOrDir).isDirectory();
  } catch {
    throw new GazetteerError(`${fileOrDir}: cannot read the gazetteer (no such file or folder)`);
  }
  if (!isDir) return [fileOrDir];
  const files = readdirSync(fileOrDir).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => path.join(fileOrDir, f));
  if (files.length === 0) throw new GazetteerError(`${fileOrDir}: the gazetteer folder has no .yaml files`);
  return files;
}

/** Reads and parses the gazetteer at `fileOrDir`; errors name the file at fault. */
export function readGazetteer(fileOrDir: string): Gazetteer {
  const sources = gazetteerFiles(fileOrDir).map((f) => {
    try {
      return { name: path.basename(f), text: readFileSync(f, 'utf8') };
    } catch {
      throw new GazetteerError(`${f}: cannot read the gazetteer`);
    }
  });
  return loadGazetteer(sources);
}
