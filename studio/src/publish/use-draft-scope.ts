import { useMemo } from 'react';
import type { MetadataSnapshot } from '../../../schema/metadata/index.js';
import { StudioDraftsDocument, type StudioDraftsQuery } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { useWorkingMetadata, type WorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { splitDraftsByUnits } from './draft-scope.js';

export type Draft = StudioDraftsQuery['metadataDrafts'][number];

export interface DraftScope {
  /** Drafts the user's publish takes: all for the platform admin, its units' for a unit administrator. */
  mine: Draft[];
  /** Drafts outside the user's units, which only their administrators (or the platform admin) publish. */
  others: Draft[];
  /** The units a unit administrator publishes for; null for the platform admin. */
  units: string[] | null;
  working: WorkingMetadata | null;
  published: MetadataSnapshot | null;
  isPending: boolean;
  error: Error | null;
}

/**
 * The drafts as this user's publish would take them. The server lists every draft to every designer but
 * publishes only a unit administrator's own units' drafts, so the studio shows the same split.
 */
export function useDraftScope(): DraftScope {
  const access = useStudioAccess();
  const drafts = useGqlQuery(StudioDraftsDocument);
  const working = useWorkingMetadata();
  const published = useWorkingMetadata(true);
  const units = access.platformAdmin ? null : access.administeredUnits;
  const split = useMemo(() => {
    const list = drafts.data?.metadataDrafts ?? [];
    if (units === null) return { mine: list, others: [] };
    if (!working.metadata || !published.metadata) return { mine: [], others: [] };
    return splitDraftsByUnits(
      list,
      {
        published: published.metadata.snapshot,
        working: working.metadata.snapshot,
      },
      units,
    );
  }, [drafts.data, working.metadata, published.metadata, units]);
  return {
    ...split,
    units,
    working: working.metadata,
    published: published.metadata?.snapshot ?? null,
    isPending: drafts.isPending || working.isPending || published.isPending,
    error: drafts.error ?? working.error ?? published.error,
  };
}
