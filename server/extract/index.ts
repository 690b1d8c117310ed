/*
 * The extraction API the loader and the CLI use. Everything here is pure except
 * read-document-file.ts and read-gazetteer.ts, the places that touch the file system.
 */
export { decodeBytes, DecodeError, type DecodedText } from './decode.ts';
export { extractDocument, extractText, type ExtractInput, type ExtractResult } from './extract-document.ts';
export { mergeFacts, FactsBuilder } from './facts-builder.ts';
export { loadGazetteer, GazetteerError, agencyKey, type Gazetteer } from './gazetteer.ts';
export { detectJurisdiction, type Jurisdiction } from './jurisdiction.ts';
export { normaliseText, toOriginalSpan, type NormalisedText } from './normalise.ts';
export { documentNodeId, GraphFacts, type DocumentFact, type NodeFact, type RelationshipFact, type Evidence } from './graph-facts.ts';
export { planNodeId } from './plan-references.ts';
