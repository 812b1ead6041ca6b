import { useMemo } from 'react';
import { unitOfRecordType, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { useWorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';

/**
 * The working metadata with the published snapshot beside it (a type's unit is decided on both, as the server
 * decides it), and who may change the rules of which type.
 */
export function useAccessMetadata() {
  const working = useWorkingMetadata();
  const published = useWorkingMetadata(true);
  const access = useStudioAccess();
  const snapshot = working.metadata?.snapshot;
  const publishedSnapshot = published.metadata?.snapshot;
  const unitOf = useMemo(() => {
    if (!snapshot || !publishedSnapshot) return () => null;
    return (typeName: string): string | null => unitOfRecordType({ published: publishedSnapshot as MetadataSnapshot, working: snapshot }, typeName).unit;
  }, [snapshot, publishedSnapshot]);
  const canEdit = (typeName: string) => access.platformAdmin || access.administeredUnits.includes(unitOf(typeName) ?? '');
  return {
    metadata: working.metadata,
    error: working.error ?? published.error,
    isLoading: working.isLoading || published.isLoading,
    unitOf,
    canEdit,
    platformAdmin: access.platformAdmin,
  };
}
