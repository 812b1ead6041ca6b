/** The one error vocabulary: every error a client sees carries one of these as `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  BAD_REQUEST = 'BAD_REQUEST',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNSAFE_CHANGE = 'UNSAFE_CHANGE',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNIQUE_VIOLATION = 'UNIQUE_VIOLATION',
  REFERENCE_NOT_FOUND = 'REFERENCE_NOT_FOUND',
  REFERENCED = 'REFERENCED',
  REQUIRED_FIELD = 'REQUIRED_FIELD',
  /** A value sent for a field a UI policy makes read-only on this record (details.fields names them). */
  READ_ONLY_FIELD = 'READ_ONLY_FIELD',
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_ID = 'INVALID_ID',
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NAME_CLASH = 'NAME_CLASH',
  /** A state change its record's state model does not allow from where the record is, for this user. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** A request's statement ran past its time budget and was stopped. */
  TIMEOUT = 'TIMEOUT',
  /** Too many requests from one client on an anonymous or sign-in path. */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * An error the platform raises on purpose, with a message a person can act on.
 * Engines and services throw these; only server/graphql/errors.ts turns them into GraphQL errors.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
