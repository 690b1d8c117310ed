/*
 * The shapes of the document write API and the overview as the browser reads them: the server's own
 * types, imported as types only (nothing of the server is bundled), so the two cannot drift apart.
 */
import type { ApiGraph } from '../api/types.ts';

export type { WriteCapabilities } from '../../../server/api/write-access.ts';
export type { DocumentPreview, PreviewUnit, UploadResult } from '../../../server/load/upload-documents.ts';
export type { DocumentCounts } from '../../../server/graph/writer/document-readings.ts';
export type { Overview, RankedAgency } from '../../../server/graph/queries/overview.ts';
/** One row of GET /api/documents. */
export type { DocumentSummary as LibraryDocument } from '../../../server/graph/queries/documents.ts';
/** GET /api/overview/years/:year: graph elements in the client's one shape for them. */
export type YearDocuments = ApiGraph & { year: string };
