/*
 * The one error type the app raises on purpose. It carries the HTTP status and a stable code, so the
 * graph layer can say "Neo4j is unavailable" or "that query writes" without knowing about Express,
 * and the error middleware can answer `{error: {code, message, details}}` without knowing about Neo4j.
 */
/** Every code an error response can carry; the client has a message for each in both languages (unit-tested). */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN_QUERY',
  'CYPHER_SYNTAX',
  'CYPHER_ERROR',
  'QUERY_TIMEOUT',
  'RESULT_TOO_LARGE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_DOCUMENT',
  'MISDIRECTED_REQUEST',
  'NEO4J_UNAVAILABLE',
  'DISK_FULL',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static badRequest(message: string, details?: unknown) {
    return new AppError(400, 'BAD_REQUEST', message, details);
  }
  static notFound(message: string, details?: unknown) {
    return new AppError(404, 'NOT_FOUND', message, details);
  }
  static unavailable(message: string, details?: unknown) {
    return new AppError(503, 'NEO4J_UNAVAILABLE', message, details);
  }
}
