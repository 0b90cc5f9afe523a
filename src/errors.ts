import { GraphQLError } from 'graphql';

/**
 * Errors clients may see, each with a stable code (contract section 4). Anything that is
 * not an ApiError is masked by `formatError` outside development mode.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

export class ApiError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) } });
    this.name = 'ApiError';
  }
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class BadUserInputError extends ApiError {
  constructor(readonly fieldErrors: readonly FieldError[], message?: string) {
    super(
      'BAD_USER_INPUT',
      message ?? `Invalid input: ${fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      { fieldErrors },
    );
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message = 'A valid bearer token is required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = 'Not allowed') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends ApiError {
  constructor(typeName: string, id: string) {
    super('NOT_FOUND', `${typeName} ${id} does not exist`);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class QueryTooComplexError extends ApiError {
  constructor(message: string) {
    super('QUERY_TOO_COMPLEX', message);
  }
}

/** Storage refused a change that would lose data (contract section 5). */
export class DestructiveChangeError extends Error {
  constructor(readonly statements: readonly string[]) {
    super(
      'Refusing to change the database: the definitions no longer describe storage that holds data ' +
        '(a removed field or type, or a changed field type). Restore the definition; the following would have run:\n' +
        statements.map((s) => `  ${s}`).join('\n'),
    );
    this.name = 'DestructiveChangeError';
  }
}

/** A second server tried to open an embedded data directory that is in use. */
export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`The data directory ${dir} is in use by another Relata process (pid ${pid}); stop it first.`);
    this.name = 'DataDirLockedError';
  }
}

/** A migration plan with refused steps: nothing was applied (issue 4, rule 2). */
export class MigrationRefusedError extends Error {
  constructor(readonly refused: readonly { target: string; reason: string }[]) {
    super(`Refusing to migrate, nothing was changed:\n${refused.map((s) => `  ${s.target}: ${s.reason}`).join('\n')}`);
    this.name = 'MigrationRefusedError';
  }
}

/** The definition files are older than the version the database was migrated to (issue 4, rule 4). */
export class DefinitionsBehindError extends Error {
  constructor(dir: string, filesVersion: number, appliedVersion: number, appliedBy: string, appliedAt: Date) {
    super(
      `The definitions in ${dir} are version ${filesVersion}, but the database is at version ${appliedVersion} ` +
        `(applied ${appliedAt.toISOString()} by ${appliedBy}). Refusing to serve a schema that does not match ` +
        'the database, and not rolling it back: update the files to the applied version (or newer) and start again.',
    );
    this.name = 'DefinitionsBehindError';
  }
}

/** `--drop-retired` named something that is not retired in the applied version. */
export class RetiredNotFoundError extends Error {
  constructor(item: string, available: readonly string[]) {
    super(`"${item}" is not retired in the applied definitions version; retired: ${available.length ? available.join(', ') : 'nothing'}`);
    this.name = 'RetiredNotFoundError';
  }
}
