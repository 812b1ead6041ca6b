import { unitOfRecordType, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { useWorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';

/**
 * Whether the signed-in admin may change the forms and UI policies of `recordType`, decided as the server decides
 * (the unit the type belongs to), with the reason when not. Null while the published metadata loads.
 */
export function useTypeEditable(recordType: string | null, working: MetadataSnapshot | undefined): { editable: boolean; reason: string | null } | null {
  const access = useStudioAccess();
  const published = useWorkingMetadata(true).metadata?.snapshot;
  if (access.platformAdmin) return { editable: true, reason: null };
  if (!recordType || !working || !published) return null;
  const placement = unitOfRecordType({ published, working }, recordType);
  if (placement.unit === null) return { editable: false, reason: placement.reason };
  if (!access.administeredUnits.includes(placement.unit)) return { editable: false, reason: `record type "${recordType}" belongs to business unit "${placement.unit}"` };
  return { editable: true, reason: null };
}
