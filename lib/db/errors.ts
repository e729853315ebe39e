// Typed errors of the storage layer, and the translation of driver errors into them.
//
// Callers (route handlers, the CLI) branch on these classes to answer 404/409/422 instead of
// parsing driver messages. better-sqlite3 and pg report constraint violations differently
// (SQLITE_CONSTRAINT_* codes vs SQLSTATE 23xxx); `constraintViolation` hides that difference.

/// Base class: every error lib/db throws on purpose is a DbError.
export class DbError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/// A row with this id already exists.
export class DuplicateIdError extends DbError {
  constructor(readonly entity: string, readonly id: string, options?: { cause?: unknown }) {
    super(`${entity} with id "${id}" already exists`, options);
  }
}

/// The referenced row does not exist.
export class NotFoundError extends DbError {
  constructor(readonly entity: string, readonly id: string, options?: { cause?: unknown }) {
    super(`${entity} "${id}" not found`, options);
  }
}

/// The data breaks an invariant the storage layer guards (e.g. tokens that do not cover the text).
export class InvalidDataError extends DbError {}

/// The database stayed locked by another process (SQLite shared with the CLI) for longer than a
/// request may wait. Nothing was written; the caller may retry (503).
export class DatabaseBusyError extends DbError {
  constructor(options?: { cause?: unknown }) {
    super('the database is busy with another writer: try again shortly', options);
  }
}

/// An optimistic-concurrency write was based on an outdated version of the map.
/// `currentVersion` lets the client tell the user and reload.
export class StaleVersionError extends DbError {
  constructor(
    readonly mapId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `argument map "${mapId}" is at version ${currentVersion}, not ${expectedVersion}: reload and retry`,
    );
  }
}

/// A batch id already applied to the map came again with other operations: a client bug or a
/// forgery, never a resend (a resend carries the same operations).
export class BatchReusedError extends DbError {
  constructor(readonly batchId: string) {
    super(`batch "${batchId}" was already applied with other operations: a new batch needs a new id`);
  }
}

export type ConstraintKind = 'unique' | 'foreign_key' | 'check' | 'not_null';

/// Which kind of constraint a driver error reports, or null when it is not a constraint error.
export function constraintViolation(err: unknown): ConstraintKind | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  switch (code) {
    // PostgreSQL SQLSTATEs
    case '23505':
      return 'unique';
    case '23503':
      return 'foreign_key';
    case '23514':
      return 'check';
    case '23502':
      return 'not_null';
    // better-sqlite3 extended result codes
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case 'SQLITE_CONSTRAINT_UNIQUE':
      return 'unique';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'foreign_key';
    case 'SQLITE_CONSTRAINT_CHECK':
      return 'check';
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return 'not_null';
    default:
      return null;
  }
}

/// An operation that does not fit the map or the document; `index` is its position in the
/// request, so the client can tell which of its changes was refused.
export class OperationRejectedError extends DbError {
  constructor(
    readonly index: number,
    readonly reason: string,
    /// The model's code for the problem (lib/argument/operations OperationCode), when it has one.
    readonly operationCode?: string,
  ) {
    super(`operation ${index} was refused: ${reason}`);
  }
}

/// The session a write was made in has ended (signed out, expired, or ended by a password reset
/// — perhaps by another app instance) by the time the write reached the database: a write that
/// names its session (applyOperations) is refused then, and nothing is written.
export class SessionEndedError extends DbError {
  constructor() {
    super('not signed in (or the session has expired): sign in first');
  }
}

/// The map has been submitted (argument_maps.submitted_at is set): it is read-only until an
/// instructor unlocks it. Nothing was written.
export class MapLockedError extends DbError {
  constructor(
    readonly mapId: string,
    readonly submittedAt: string,
  ) {
    super(`argument map "${mapId}" was submitted at ${submittedAt} and is locked: an instructor must unlock it before it can change`);
  }
}

/// A grading request the rules refuse: the HTTP status to answer, a reason code the client
/// words (lib/i18n/grading.ts) and its params. Nothing was written.
export class GradingRefusal extends DbError {
  constructor(
    readonly status: 404 | 409 | 422 | 423,
    readonly code: string,
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message);
  }
}
