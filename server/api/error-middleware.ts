/*
 * The one place errors become HTTP responses: `{error: {code, message, details}}` with the AppError's
 * status. Anything unexpected is logged server-side and answered as a 500 without a stack trace.
 * Database failures arrive here as AppErrors already: the graph layer (GraphDb) is the one place that
 * knows Neo4j's errors, so nothing here imports Neo4j code.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export function zodToAppError(err: z.ZodError, where: string): AppError {
  // An unknown key has an empty path; name the key itself so the message still points at the field.
  const issues = err.issues.map((i) => ({
    field: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : where),
    message: i.message,
  }));
  const first = issues[0];
  const message = first ? `Invalid ${where} field '${first.field}': ${first.message}` : `Invalid ${where}`;
  return new AppError(400, 'VALIDATION_FAILED', message, { issues });
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(AppError.notFound(`No API route ${req.method} ${req.path}`));
};

/**
 * What Express and its body parser refuse before a route runs — a path that is not valid percent-encoding
 * (/api/nodes/%FF), a Content-Encoding or charset it cannot decode, a body cut short — arrives as an
 * http-errors object with a 4xx status. These are the client's mistakes, so they are answered as such.
 */
function httpError(err: unknown): AppError | undefined {
  const e = err as { status?: unknown; statusCode?: unknown; expose?: unknown; type?: unknown; message?: unknown; encoding?: unknown; charset?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (err instanceof URIError) {
    return AppError.badRequest('The URL path is not valid percent-encoding (a % must be followed by two hex digits of UTF-8)', { reason: String(e?.message) });
  }
  if (status === undefined || status < 400 || status > 499 || e?.expose === false) return undefined;
  if (e?.type === 'encoding.unsupported') {
    return AppError.badRequest(`Content-Encoding '${String(e.encoding)}' is not supported: send the body uncompressed, gzip, deflate or br`);
  }
  if (e?.type === 'charset.unsupported') {
    return new AppError(415, 'BAD_REQUEST', `Charset '${String(e.charset)}' is not supported: send the body as UTF-8`);
  }
  const message = typeof e?.message === 'string' && e.message ? e.message : 'Bad request';
  return new AppError(status, 'BAD_REQUEST', `The request was refused: ${message}`, typeof e?.type === 'string' ? { type: e.type } : undefined);
}

export function errorMiddleware(log: (line: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (err instanceof z.ZodError) appError = zodToAppError(err, 'request');
    else if (err?.type === 'entity.too.large') appError = new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large', { limit: err.limit });
    else if (err?.type === 'entity.parse.failed') appError = AppError.badRequest('The request body is not valid JSON');
    else appError = httpError(err) ?? new AppError(500, 'INTERNAL', 'Internal error');
    if (appError.status >= 500 && appError.code === 'INTERNAL') log(`error: ${err?.stack ?? String(err)}`);
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.message, ...(appError.details === undefined ? {} : { details: appError.details }) },
    });
  };
}
