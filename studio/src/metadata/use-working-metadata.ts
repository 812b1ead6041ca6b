import { useMemo } from 'react';
import { buildModel, validateSnapshot, type MetadataProblem, type MetadataSnapshot, type Model } from '../../../schema/metadata/index.js';
import { StudioMetadataSnapshotDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

export interface WorkingMetadata {
  /** The newest published version, to tell when someone published since an editor opened. */
  publishedVersion: number;
  draftCount: number;
  snapshot: MetadataSnapshot;
  /** Built by the same `schema/` code the server runs; null only when the drafts are too broken to build one. */
  model: Model | null;
  /** The shared validator's verdict on the whole working snapshot (drafts laid over). */
  problems: MetadataProblem[];
}

/**
 * All metadata with the drafts laid over it (or as published), as one snapshot, its model and its problems. Every
 * designer reads field lists, criteria names and the like from here, so they agree with one another and with what a
 * publish would check.
 */
export function useWorkingMetadata(published = false) {
  const query = useGqlQuery(StudioMetadataSnapshotDocument, { published }, { staleTime: 5_000 });
  const data = query.data?.metadataSnapshot;
  const value = useMemo<WorkingMetadata | null>(() => (data ? analyse(data.snapshot as unknown as MetadataSnapshot, data.publishedVersion, data.draftCount) : null), [data]);
  return { ...query, metadata: value };
}

/**
 * Problems and model of a snapshot. The model is built even when there are problems (a draft elsewhere may be
 * half done), so designers keep working; a publish refuses until the problems are gone.
 */
export function analyse(snapshot: MetadataSnapshot, publishedVersion = 0, draftCount = 0): WorkingMetadata {
  const problems = validateSnapshot(snapshot);
  let model: Model | null = null;
  try {
    model = buildModel(snapshot);
  } catch {
    model = null;
  }
  return { publishedVersion, draftCount, snapshot, model, problems };
}
