import { GraphQLRequestError } from '../graphql/request-graphql.js';

/** A refusal as the publish pages show it: the server's code and message, inline. */
export interface RequestFailure {
  code: string;
  message: string;
}

/** The code and message of a failed operation (REQUEST_FAILED when the server named no code). */
export function requestFailure(error: unknown): RequestFailure {
  if (error instanceof GraphQLRequestError)
    return {
      code: String(error.errors[0]?.extensions?.code ?? 'REQUEST_FAILED'),
      message: error.message,
    };
  return {
    code: 'REQUEST_FAILED',
    message: error instanceof Error ? error.message : String(error),
  };
}
