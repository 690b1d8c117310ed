/*
 * Neo4j's error codes become domain errors here, so that "the database is down" is a 503 with a reason
 * and a syntax error is a 400 with Neo4j's message and position — never a 500 with a driver stack.
 */
import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../errors.ts';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof Neo4jError)) {
    const e = err as { code?: string; message?: string };
    if (e?.code && UNAVAILABLE.has(e.code)) return AppError.unavailable('Neo4j is unavailable', { reason: e.message });
    return new AppError(500, 'INTERNAL', 'Internal error');
  }
  const code = err.code;
  const message = err.message;
  if (UNAVAILABLE.has(code) || /ECONNREFUSED|connection.*(closed|refused)|Pool is closed|Failed to connect/i.test(message)) {
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

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Neo4j prints `(line 1, column 8 (offset: 7))` in syntax errors; the console uses it to mark the spot. */
export function syntaxPosition(message: string): { line: number; column: number; offset: number } | undefined {
  const m = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) } : undefined;
}
