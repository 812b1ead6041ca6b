import type { StudioConfig } from '../config/load-studio-config.js';

/** One entry of a GraphQL response's `errors` list, as far as the studio reads it. */
export interface GraphQLResponseError {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
}

/** Thrown for transport failures and for responses whose `errors` list is not empty. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLResponseError[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/**
 * Runs one operation against the configured endpoint with the configured headers and
 * resolves with `data`. Any `errors` entry rejects: the studio's admin screens have no use
 * for partial data, and showing the server's message beats rendering half a page.
 */
export async function requestGraphQL<TData>(
  config: Pick<StudioConfig, 'endpoint' | 'headers'>,
  query: string,
  variables?: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(config.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json;q=0.9',
        ...config.headers,
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new GraphQLRequestError(`Could not reach ${config.endpoint}: ${(error as Error).message}`);
  }

  const body = (await response.json().catch(() => null)) as { data?: TData | null; errors?: GraphQLResponseError[] } | null;
  if (body?.errors?.length) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join('\n'), body.errors, response.status);
  }
  if (!response.ok || body?.data == null) {
    throw new GraphQLRequestError(`${config.endpoint} answered HTTP ${response.status} without data`, [], response.status);
  }
  return body.data;
}
