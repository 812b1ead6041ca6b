import { METADATA_QUERIES } from '../graphql/use-gql.js';

/** What a publish, a discard or a rollback makes stale: the drafted metadata and everything derived from it here. */
export const PUBLISH_QUERIES = [...METADATA_QUERIES, 'PublishPreview', 'PublishAccessDiff', 'PublishVersions', 'PublishVersion', 'PublishVersionDiff'] as const;
