/*
 * Who may change the graph over HTTP (uploads and removals of documents). Reads stay open; writes come
 * only from the machine itself by default, because the explorer is a planner's local tool and anybody who
 * can reach a server bound to 0.0.0.0 could otherwise replace its documents. With ADMIN_TOKEN set, any
 * client that sends it as a bearer token may write, and every client must: behind a reverse proxy on the
 * same machine every request arrives from loopback, so loopback alone proves nothing once the server is
 * shared. Every write must also carry an X-Requested-With header: a page on another site can make a
 * browser post a cross-site form, but cannot add that header without a CORS preflight this server never
 * grants. The decision is a pure function, so it is tested without sockets; the middleware applies it.
 */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

export interface WriteAccessInput {
  /** The socket's peer address (never X-Forwarded-For: it is whatever the client says). */
  remoteAddress: string | undefined;
  /** The Authorization header, if any. */
  authorization: string | undefined;
}

export type WriteAccess =
  | { allowed: true; via: 'loopback' | 'token' }
  | { allowed: false; reason: string };

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  return v4 !== null && v4[1] === '127' && v4.slice(1).every((o) => Number(o) <= 255);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return m?.[1];
}

function sameSecret(given: string, expected: string): boolean {
  // Compare digests, so neither the length nor the content leaks through timing.
  const h = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(h(given), h(expected));
}

export function decideWriteAccess(input: WriteAccessInput, adminToken: string | undefined): WriteAccess {
  const token = bearerToken(input.authorization);
  if (adminToken !== undefined) {
    if (token === undefined) return { allowed: false, reason: 'this server accepts uploads and removals only with its admin token: send Authorization: Bearer <ADMIN_TOKEN>' };
    if (!sameSecret(token, adminToken)) return { allowed: false, reason: 'the bearer token is not this server\'s ADMIN_TOKEN' };
    return { allowed: true, via: 'token' };
  }
  if (isLoopback(input.remoteAddress)) return { allowed: true, via: 'loopback' };
  return {
    allowed: false,
    reason: `uploads and removals are accepted only from this machine (loopback), and this request came from ${input.remoteAddress ?? 'an unknown address'}; set ADMIN_TOKEN on the server to allow other clients that send it as a bearer token`,
  };
}

export const REQUIRED_WRITE_HEADER = 'X-Requested-With';

/** Refuses (403) a write without X-Requested-With or from a client that may not write, before its body is read. */
export function requireWriteAccess(adminToken: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (req.get(REQUIRED_WRITE_HEADER) === undefined) {
      return next(new AppError(403, 'FORBIDDEN', `Write requests must carry an ${REQUIRED_WRITE_HEADER} header (any value); a cross-site form cannot add it`, { header: REQUIRED_WRITE_HEADER }));
    }
    const access = decideWriteAccess({ remoteAddress: req.socket.remoteAddress, authorization: req.get('authorization') }, adminToken);
    if (!access.allowed) return next(new AppError(403, 'FORBIDDEN', `Not allowed to change documents: ${access.reason}`, { reason: access.reason }));
    next();
  };
}

export interface WriteCapabilities {
  /** Whether this client may upload and remove documents, and if not, why. */
  write: { allowed: boolean; via: 'loopback' | 'token' | null; reason: string | null; tokenRequired: boolean };
  /** The header every write must carry (any value). */
  requiredHeader: string;
  limits: { maxFileBytes: number; maxRequestBytes: number; maxFiles: number };
  extensions: string[];
}

/** What the UI needs to decide whether to show write controls and what to accept, for this client. */
export function writeCapabilities(
  input: WriteAccessInput,
  config: { adminToken: string | undefined; maxDocumentBytes: number; maxUploadBytes: number },
  upload: { maxFiles: number; extensions: string[] },
): WriteCapabilities {
  const access = decideWriteAccess(input, config.adminToken);
  return {
    write: {
      allowed: access.allowed,
      via: access.allowed ? access.via : null,
      reason: access.allowed ? null : access.reason,
      tokenRequired: config.adminToken !== undefined,
    },
    requiredHeader: REQUIRED_WRITE_HEADER,
    limits: { maxFileBytes: config.maxDocumentBytes, maxRequestBytes: config.maxUploadBytes, maxFiles: upload.maxFiles },
    extensions: upload.extensions,
  };
}
