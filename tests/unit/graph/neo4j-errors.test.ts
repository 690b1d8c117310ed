// Which failures are the database's rather than the document's: the loader stops at the first of these
// (docs/loading.md), and everything else stays a per-document failure.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { databaseFault, toAppError } from '../../../server/graph/neo4j-errors.ts';
import { WriteError } from '../../../server/graph/writer/write-documents.ts';

const neo = (code: string, message: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('databaseFault', () => {
  it('calls a refused connection, a lost session and an unavailable database "unavailable"', () => {
    expect(databaseFault(neo('ServiceUnavailable', 'Failed to connect to server. Please ensure that your database is listening on the correct host and port. Caused by: connect ECONNREFUSED 127.0.0.1:7688'))).toEqual({
      kind: 'unavailable', reason: 'Neo4j is unavailable (Failed to connect to server: connect ECONNREFUSED 127.0.0.1:7688)',
    });
    expect(databaseFault(neo('SessionExpired', 'session expired'))).toMatchObject({ kind: 'unavailable' });
    expect(databaseFault(neo('Neo.TransientError.General.DatabaseUnavailable', 'The database has encountered a critical error, and needs to be restarted.'))?.kind).toBe('database-error');
    expect(databaseFault(neo('Neo.TransientError.General.DatabaseUnavailable', 'Database neo4j is unavailable.'))?.kind).toBe('unavailable');
  });

  it('calls a full disk by its name and a Neo.DatabaseError an internal failure', () => {
    const full = databaseFault(neo('Neo.DatabaseError.Transaction.TransactionCommitFailed', 'Could not apply the transaction: java.io.IOException: No space left on device'));
    expect(full).toEqual({ kind: 'disk-full', reason: "the database's disk is full (Could not apply the transaction: java.io.IOException: No space left on device)" });
    expect(databaseFault(neo('Neo.DatabaseError.General.UnknownError', 'boom'))).toEqual({
      kind: 'database-error', reason: 'Neo4j failed internally and may need a restart (Neo.DatabaseError.General.UnknownError: boom)',
    });
  });

  it('sees through the loader\'s WriteError and the API\'s AppError to the Neo4j error inside', () => {
    const inner = toAppError(neo('Neo.DatabaseError.Statement.ExecutionFailed', 'java.io.IOException: No space left on device'));
    expect(inner.message).toBe('Neo4j failed to run the request');
    expect(databaseFault(new WriteError('writing failed', { cause: inner }))?.kind).toBe('disk-full');
    expect(databaseFault(AppError.unavailable('Neo4j is unavailable', { reason: 'connection refused' }))?.kind).toBe('unavailable');
  });

  it('leaves a document\'s own failures to the document, even when their message quotes alarming text', () => {
    expect(databaseFault(neo('Neo.ClientError.Schema.ConstraintValidationFailed', "Node(1) already exists with property `name` = 'No space left on device'"))).toBeUndefined();
    expect(databaseFault(neo('Neo.ClientError.Statement.SyntaxError', 'Invalid input'))).toBeUndefined();
    expect(databaseFault(neo('Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'The allocation of an extra 2 MiB would use more than the limit'))).toBeUndefined();
    expect(databaseFault(new Error('injected failure'))).toBeUndefined();
    expect(databaseFault(new AppError(503, 'NEO4J_UNAVAILABLE', 'Neo4j is busy; try again', { neo4jCode: 'Neo.TransientError.Transaction.DeadlockDetected' }))).toBeUndefined();
  });
});
