/*
 * The shapes of the document write API as the browser reads them (server/load/upload-documents.ts,
 * server/api/write-access.ts, server/graph/queries/overview.ts), kept beside the upload and overview
 * code that uses them so the shared api/types.ts does not grow with every area.
 */
import type { ApiGraph } from '../api/types.ts';

export interface WriteCapabilities {
  write: { allowed: boolean; via: 'loopback' | 'token' | null; reason: string | null; tokenRequired: boolean };
  requiredHeader: string;
  limits: { maxFileBytes: number; maxRequestBytes: number; maxFiles: number };
  extensions: string[];
}

export type UploadStatus = 'new' | 'unchanged' | 'replacement';
export type PropValue = string | number | boolean | null | string[] | number[];

export interface PreviewUnit { id: string; name: string; role: string | null; rank: number | null; resolved: boolean }

export interface DocumentCounts { tasks: number; responsibilities: number; entities: number; targets: number; observations: number; warnings: number }

export interface DocumentPreview {
  file: string;
  docId: string;
  size: number;
  sha256: string;
  status: UploadStatus;
  replaces: { file: string | null } | null;
  document: { title: string; issuer: string | null; jurisdiction: string | null; jurisdictionLevel: string | null; issued: string | null; kind: string };
  counts: DocumentCounts;
  tasks: { id: string; path: string | null; section: string | null; title: string; units: PreviewUnit[] }[];
  entities: { id: string; label: string; name: string }[];
  targets: { id: string; name: string; value: PropValue; unit: PropValue; year: PropValue }[];
  warnings: { code: string; message: string; unit?: string }[];
  written?: 'loaded' | 'replaced' | 'unchanged';
}

export interface UploadResult {
  dryRun: boolean;
  documents: DocumentPreview[];
  counters: Record<string, number>;
}

/** One row of GET /api/documents (only what upload and overview read). */
export interface LibraryDocument {
  id: string; docId: string; title: string; file: string; plan: string | null; counts: DocumentCounts | null;
}

export interface RankedAgency { id: string; name: string; tasks: number }

export interface Overview {
  counts: { documents: number; plans: number; tasks: number; agencies: number };
  years: { year: string; count: number }[];
  undated: number;
  agencies: { lead: RankedAgency[]; support: RankedAgency[] };
  latestPlan: {
    id: string; name: string; issued: string | null; year: number | string | null; document: string | null; tasks: number;
    sections: { section: string; tasks: number }[];
    agencies: { id: string; name: string; tasks: number; led: number }[];
    agencyCount: number;
  } | null;
}

export type YearDocuments = ApiGraph & { year: string };
