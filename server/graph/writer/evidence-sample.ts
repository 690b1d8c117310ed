/*
 * How much of a fact's evidence the relationship itself holds (docs/graph-storage.md, Evidence).
 * Every document's spans of every fact it states are on its STATES (`outSpans`); the relationship keeps
 * the spans of its lowest-id documents only — a sample the views quote without a second hop — and counts
 * of all of them. A fact that every document restates (a district's MEMBER_OF its group) would otherwise
 * carry a list entry per document, rewritten by every transaction that states it again: at 20,000
 * documents that rewriting was what made each load slower than the last.
 */
/** Documents whose spans a relationship holds itself: the lowest ids among those that state it. */
export const SAMPLE_DOCUMENTS = 20;

export interface EvidenceLists {
  documents: string[];
  evidenceDocs: string[];
  evidenceStarts: number[];
  evidenceEnds: number[];
  evidenceTexts: string[];
}

export interface SampledEvidence extends EvidenceLists {
  /** How many documents state the fact: the sample's own length only while it holds them all. */
  documentCount: number;
  /** How many spans all of them give. */
  evidenceCount: number;
}

/**
 * The lists a relationship stores for documents sorted by id and their spans grouped in that order (as
 * combineDocuments builds them): the first SAMPLE_DOCUMENTS documents and their spans, with the counts
 * of all.
 */
export function sampleEvidence(all: EvidenceLists): SampledEvidence {
  const counts = { documentCount: all.documents.length, evidenceCount: all.evidenceDocs.length };
  // Nearly every relationship of a load: stated by a few documents, kept whole without copying its lists.
  if (all.documents.length <= SAMPLE_DOCUMENTS) return { ...all, ...counts };
  const documents = all.documents.slice(0, SAMPLE_DOCUMENTS);
  const kept = new Set(documents);
  const at = all.evidenceDocs.flatMap((d, i) => (kept.has(d) ? [i] : []));
  return {
    documents,
    evidenceDocs: at.map((i) => all.evidenceDocs[i]!),
    evidenceStarts: at.map((i) => all.evidenceStarts[i]!),
    evidenceEnds: at.map((i) => all.evidenceEnds[i]!),
    evidenceTexts: at.map((i) => all.evidenceTexts[i]!),
    ...counts,
  };
}

/** A document outside a relationship's sample, as sample-candidates.cypher reads it from its STATES. */
export interface SampleCandidate { docId: string; text: string | null; spans: [number, number][] }

/**
 * What append-sample.cypher appends to a relationship whose sample lost a document: the next documents
 * by id and their spans, with each span's text cut from the document as the extractor cut it.
 */
export function sampleAppend(candidates: readonly SampleCandidate[]): EvidenceLists {
  const evidenceDocs: string[] = [];
  const evidenceStarts: number[] = [];
  const evidenceEnds: number[] = [];
  const evidenceTexts: string[] = [];
  for (const c of candidates) {
    for (const [start, end] of c.spans) {
      evidenceDocs.push(c.docId);
      evidenceStarts.push(start);
      evidenceEnds.push(end);
      evidenceTexts.push((c.text ?? '').slice(start, end));
    }
  }
  return { documents: candidates.map((c) => c.docId), evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts };
}
