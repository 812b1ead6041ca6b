import { useEffect, useState } from 'react';

/**
 * Whether someone published since the page opened: the version seen first is kept; a newer one that this page did
 * not publish itself means the review is of a moved base. `acknowledge` takes the current version as the new base
 * (after this page's own publish).
 */
export function usePublishedSinceOpen(publishedVersion: number | undefined): {
  publishedSinceOpen: boolean;
  openedAt: number | null;
  acknowledge(version: number): void;
} {
  const [openedAt, setOpenedAt] = useState<number | null>(null);
  useEffect(() => {
    if (openedAt === null && publishedVersion !== undefined) setOpenedAt(publishedVersion);
  }, [openedAt, publishedVersion]);
  return {
    publishedSinceOpen: openedAt !== null && publishedVersion !== undefined && publishedVersion > openedAt,
    openedAt,
    acknowledge: (version) => setOpenedAt(version),
  };
}
