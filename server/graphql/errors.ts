import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '../domain-error.js';

/** A domain error as a GraphQL error: its code in `extensions.code`, its details beside it. */
export function toGraphQLError(err: DomainError): GraphQLError {
  return new GraphQLError(err.message, { extensions: { code: err.code, ...err.details } });
}

/**
 * The only place errors become what clients see. Domain errors keep their code and message; errors from
 * validation keep theirs; anything else is logged and masked as INTERNAL_SERVER_ERROR — no stack, no SQL.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // A domain error raised before execution (a validation rule, a request plugin) arrives wrapped by Apollo.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError ? unwrapped.originalError : unwrapped;
    if (original instanceof DomainError) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code, ...original.details } };
    }
    // Errors graphql-js and Apollo raise before execution (parse, validation, variable coercion) are about the
    // request itself and safe to show; resolver failures that are not domain errors are not.
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && !(original.path && original.originalError)) {
      // graphql-js raises a few request errors with no code (too many invalid variables), which Apollo labels
      // INTERNAL_SERVER_ERROR; one that wraps a crash (a non-GraphQL original error) stays internal.
      const codeless = !original.path && original.extensions?.code === undefined && (!original.originalError || original.originalError instanceof GraphQLError);
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: typeof code === 'string' && !codeless ? code : ErrorCode.BAD_REQUEST } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error while executing an operation');
    return { message: 'Internal server error; it has been logged.', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
