import type { StudioConfig } from '../config/load-studio-config.js';
import type { TypedDocumentString } from './generated/graphql.js';
import { requestGraphQL } from './request-graphql.js';

/** The endpoint and headers every operation is sent with (the identity included). */
export type RequestConfig = Pick<StudioConfig, 'endpoint' | 'headers'>;

/**
 * Runs one generated, typed operation. Variables and result are typed by the document, which codegen made from
 * the server's schema: a field the server lacks fails the type check, not the user.
 */
export function execute<TResult, TVariables>(
  config: RequestConfig,
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  return requestGraphQL<TResult>(config, document.toString(), (variables ?? undefined) as Record<string, unknown> | undefined, signal);
}
