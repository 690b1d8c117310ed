/*
 * The one place the loader calls the extractor, so a change in its entry point is a change here only.
 * Reads nothing itself: bytes in, facts and the original text out.
 */
import path from 'node:path';
import { extractDocument } from '../extract/extract-document.ts';
import { documentIdOf } from '../extract/read-document-file.ts';
import type { Gazetteer } from '../extract/gazetteer.ts';
import { readGazetteer } from '../extract/read-gazetteer.ts';
import type { GraphFacts } from '../extract/graph-facts.ts';
import { ROOT_DIR } from '../version.ts';
import { documentWarnings, type DocumentWarning } from './document-warnings.ts';

export type { Gazetteer };

export interface Extracted {
  facts: GraphFacts;
  /** The original decoded text, which evidence spans index. */
  text: string;
  warnings: string[];
  /** The same warnings with their kind (document-warnings.ts), for callers that show them by kind. */
  findings?: DocumentWarning[];
}

export const DEFAULT_GAZETTEER = path.join(ROOT_DIR, 'seeds', 'gazetteer');

const gazetteers = new Map<string, Gazetteer>();

/** Parses (once per file or folder) the gazetteer the extractor resolves names with. */
export function gazetteerFrom(file = DEFAULT_GAZETTEER): Gazetteer {
  let gaz = gazetteers.get(file);
  if (!gaz) {
    gaz = readGazetteer(file);
    gazetteers.set(file, gaz);
  }
  return gaz;
}


export function extractFile(file: string, bytes: Uint8Array, gazetteer: Gazetteer): Extracted {
  const r = extractDocument({ id: documentIdOf(file), file: path.basename(file), bytes, gazetteer });
  const findings = documentWarnings(path.basename(file), r.facts, r.warnings, gazetteer);
  return { facts: r.facts, text: r.text, warnings: findings.map((w) => w.message), findings };
}
