/*
 * Neo4j's error codes become domain errors here, so that "the database is down" is a 503 with a reason
 * and a syntax error is a 400 with Neo4j's message and position — never a 500 with a driver stack.
 */
import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../errors.ts';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|EPIPE|connection.*(closed|refused|reset|lost)|Pool is closed|Failed to connect/i;
const DISK_FULL = /No space left on device|ENOSPC|disk (is )?full|not enough (free )?(disk )?space/i;
export const PANIC = /critical error.*restart|database (has )?panic|kernel panic/i;

/**
 * A failure of the database itself rather than of what was sent to it: no later request can succeed
 * until someone acts, so the loader stops at the first one instead of trying every remaining document.
 */
export interface DatabaseFault {
  kind: 'unavailable' | 'disk-full' | 'database-error' | 'credentials';
  /** What to tell the user, in one line. */
  reason: string;
}

/**
 * Whether err (or an error it wraps, through `cause`) is a database fault. Document-level failures —
 * a constraint, a property too large to index, a statement error, a transaction out of memory — are not.
 */
export function databaseFault(err: unknown): DatabaseFault | undefined {
  // The whole chain is read and the most specific answer wins: the API's AppError around a disk-full
  // Neo4jError only knows "Neo.DatabaseError", the Neo4jError inside says which.
  const seen = new Set<unknown>();
  let best: DatabaseFault | undefined;
  for (let e = err; e !== null && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const found = faultOf(e);
    if (found && (!best || FAULT_RANK[found.kind] > FAULT_RANK[best.kind])) best = found;
  }
  return best;
}

const FAULT_RANK: Record<DatabaseFault['kind'], number> = { unavailable: 0, credentials: 1, 'database-error': 2, 'disk-full': 3 };

function faultOf(e: object): DatabaseFault | undefined {
  const o = e as { code?: unknown; message?: unknown; details?: { reason?: unknown; neo4jCode?: unknown } };
  // An AppError's own code is the API's (NEO4J_UNAVAILABLE); Neo4j's code, when it had one, is in its details.
  const code = e instanceof AppError ? (typeof o.details?.neo4jCode === 'string' ? o.details.neo4jCode : '') : typeof o.code === 'string' ? o.code : '';
  const text = [o.message, o.details?.reason].filter((x) => typeof x === 'string').join(' ');
  const said = concise(firstLine(typeof o.details?.reason === 'string' ? o.details.reason : typeof o.message === 'string' ? o.message : code));
  // A client error is about the request, and its message may quote the document (a constraint names the value).
  const aboutRequest = code.startsWith('Neo.ClientError.');
  if (!aboutRequest && DISK_FULL.test(text)) return { kind: 'disk-full', reason: `the database's disk is full (${said})` };
  if (code.startsWith('Neo.DatabaseError.') || (!aboutRequest && PANIC.test(text))) {
    return { kind: 'database-error', reason: `Neo4j failed internally and may need a restart (${code ? `${code}: ` : ''}${said})` };
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return { kind: 'credentials', reason: `Neo4j refused the credentials (${code})` };
  }
  if (UNAVAILABLE.has(code) || (!aboutRequest && CONNECTION_LOST.test(text)) || (e instanceof AppError && e.code === 'NEO4J_UNAVAILABLE' && e.status === 503 && !code.startsWith('Neo.TransientError.'))) {
    return { kind: 'unavailable', reason: `Neo4j is unavailable (${said})` };
  }
  return undefined;
}

/** The HTTP-minded error for err, keeping err as its cause so databaseFault can still see Neo4j's own words. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const mapped = mapError(err);
  mapped.cause = err;
  return mapped;
}

function mapError(err: unknown): AppError {
  if (!(err instanceof Neo4jError)) {
    const e = err as { code?: string; message?: string };
    if (e?.code && UNAVAILABLE.has(e.code)) return AppError.unavailable('Neo4j is unavailable', { reason: e.message });
    return new AppError(500, 'INTERNAL', 'Internal error');
  }
  const code = err.code;
  const message = err.message;
  if (UNAVAILABLE.has(code) || CONNECTION_LOST.test(message)) {
    return AppError.unavailable('Neo4j is unavailable; the request can be retried when it is back', { reason: firstLine(message) });
  }
  if (code.startsWith('Neo.ClientError.Statement.SyntaxError') || code === 'Neo.ClientError.Statement.ArgumentError' && /Invalid input/.test(message)) {
    return new AppError(400, 'CYPHER_SYNTAX', firstLine(message), { neo4jCode: code, position: syntaxPosition(message) });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' || /terminated.*timed? ?out|timeout/i.test(code)) {
    return new AppError(408, 'QUERY_TIMEOUT', 'The query ran longer than the allowed time and was stopped', { neo4jCode: code });
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.Forbidden')) {
    return new AppError(403, 'FORBIDDEN_QUERY', 'The query tries to change the database; only reading is allowed here', { neo4jCode: code });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return AppError.unavailable('Neo4j refused the configured credentials', { neo4jCode: code });
  }
  if (code.startsWith('Neo.ClientError.Schema.ConstraintValidationFailed')) {
    return new AppError(409, 'CONFLICT', firstLine(message), { neo4jCode: code });
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new AppError(400, 'CYPHER_ERROR', firstLine(message), { neo4jCode: code });
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new AppError(503, 'NEO4J_UNAVAILABLE', 'Neo4j is busy; try again', { neo4jCode: code });
  }
  return new AppError(500, 'INTERNAL', 'Neo4j failed to run the request', { neo4jCode: code });
}

/** The driver's connection errors are a paragraph of advice ending in "Caused by: connect ECONNREFUSED …"; keep the facts. */
function concise(message: string): string {
  const m = /^(.*?)\.\s.*Caused by:\s*(.+)$/.exec(message);
  return m ? `${m[1]}: ${m[2]}` : message;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Neo4j prints `(line 1, column 8 (offset: 7))` in syntax errors; the console uses it to mark the spot. */
export function syntaxPosition(message: string): { line: number; column: number; offset: number } | undefined {
  const m = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) } : undefined;
}
