import { useSearchParams } from 'react-router';
import { docsOf, unitOfDocument, type AnyDoc, type KindName, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';

/**
 * The business unit the studio is looking at (`?unit=hr`), or null for all of them. A unit administrator always
 * looks at one of its units (the first when the URL names none or another); the platform admin may look at all.
 */
export function useUnitFilter(): [string | null, (unit: string | null) => void] {
  const access = useStudioAccess();
  const [params, setParams] = useSearchParams();
  const asked = params.get('unit');
  const units = access.administeredUnits;
  const unit = asked && units.includes(asked) ? asked : access.platformAdmin ? null : (units[0] ?? null);
  const set = (next: string | null) =>
    setParams((prev) => {
      const copy = new URLSearchParams(prev);
      if (next) copy.set('unit', next);
      else copy.delete('unit');
      return copy;
    });
  return [unit, set];
}

/**
 * The documents of `kind` that lie in `unit` (decided as the server decides who may change them), or all of them
 * for no unit. Shared documents (criteria, units, platform types) lie in no unit: listed only for all units.
 */
export function documentsInUnit<K extends KindName>(snapshot: MetadataSnapshot, published: MetadataSnapshot, kind: K, unit: string | null): AnyDoc[] {
  const docs = Object.values(docsOf(snapshot, kind) as Record<string, AnyDoc>).sort((a, b) => a.name.localeCompare(b.name));
  if (unit === null) return docs;
  return docs.filter((doc) => unitOfDocument({ published, working: snapshot }, kind, doc).unit === unit);
}
