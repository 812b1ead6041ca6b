import { useMutation, useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { TypedDocumentString } from './generated/graphql.js';
import { execute } from './execute.js';
import { useRequestConfig } from '../shell/studio-context.js';

/** The operation's name, the first key part: `invalidate: ['MetadataSnapshot']` refetches every query of it. */
function operationName(document: { toString(): string }): string {
  return /(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? document.toString();
}

/**
 * A typed query through TanStack Query, keyed by operation, variables and identity: signing in as someone else
 * asks again instead of showing the last user's answer.
 */
export function useGqlQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: Omit<UseQueryOptions<TResult, Error, TResult, QueryKey>, 'queryKey' | 'queryFn'> = {},
) {
  const config = useRequestConfig();
  return useQuery({
    queryKey: [operationName(document), variables ?? null, config.headers.Authorization ?? config.headers.authorization ?? ''],
    queryFn: ({ signal }) => execute(config, document, variables, signal),
    ...options,
  });
}

/**
 * A typed mutation; on success the named operations' queries are refetched (by default the metadata snapshot and
 * the drafts, which nearly every studio mutation changes).
 */
export function useGqlMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, invalidate: readonly string[] = METADATA_QUERIES) {
  const config = useRequestConfig();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: TVariables) => execute(config, document, variables),
    onSuccess: () => Promise.all(invalidate.map((name) => client.invalidateQueries({ queryKey: [name] }))),
  });
}

/** Queries that read metadata as drafted: what a save, a removal or a publish makes stale. */
export const METADATA_QUERIES = ['StudioMetadataSnapshot', 'StudioDrafts', 'StudioValidate', 'StudioDocuments', 'StudioDocument', 'StudioVersions'] as const;
