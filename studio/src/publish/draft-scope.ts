import { docsOf, unitOfDocument, type AnyDoc, type KindName, type MetadataSnapshot } from '../../../schema/metadata/index.js';

/** A server draft as `metadataDrafts` lists it. */
export interface DraftRef {
  /** The draft row's name (`acl:<name>` …): what discardDrafts takes. */
  name: string;
  kind: string;
  /** The document's name. */
  key: string;
  removal: boolean;
  version: number;
}

/**
 * Splits the drafts into those the user's publish would take and the rest. A unit administrator publishes only
 * drafts whose document lies inside its units both as published and as drafted (as the server's `draftsInside`
 * decides); the platform administrator (`units` null) publishes all of them.
 */
export function splitDraftsByUnits<D extends DraftRef>(
  drafts: readonly D[],
  view: { published: MetadataSnapshot; working: MetadataSnapshot },
  units: readonly string[] | null,
): { mine: D[]; others: D[] } {
  if (units === null) return { mine: [...drafts], others: [] };
  const mine: D[] = [];
  const others: D[] = [];
  for (const draft of drafts) {
    const kind = draft.kind as KindName;
    const docs = [docsOf(view.published, kind)?.[draft.key], docsOf(view.working, kind)?.[draft.key]].filter((d): d is AnyDoc => !!d);
    const inside =
      docs.length > 0 &&
      docs.every((doc) => {
        const place = unitOfDocument(view, kind, doc);
        return place.unit !== null && units.includes(place.unit);
      });
    (inside ? mine : others).push(draft);
  }
  return { mine, others };
}
