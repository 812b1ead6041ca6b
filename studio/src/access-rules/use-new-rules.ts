import { useCallback, useMemo, useState } from 'react';
import type { AclDoc } from '../../../schema/access/index.js';
import { listLocalDrafts, readLocalDraft } from '../metadata/index.js';

/**
 * Rules added on this page and not yet saved. Kept in this browser by the editing loop, so the ones left unsaved
 * on a previous visit come back (those of this type whose name no saved rule has).
 */
export function useNewRules(recordType: string, saved: Record<string, unknown> | undefined) {
  const [added, setAdded] = useState<AclDoc[]>(() =>
    listLocalDrafts()
      .filter((d) => d.kind === 'acl')
      .map((d) => readLocalDraft<AclDoc>('acl', d.name)?.doc)
      .filter((doc): doc is AclDoc => !!doc && doc.recordType === recordType),
  );
  const pending = useMemo(() => added.filter((doc) => !saved || !(doc.name in saved)), [added, saved]);
  const add = useCallback((doc: AclDoc) => setAdded((list) => [...list.filter((d) => d.name !== doc.name), doc]), []);
  const forget = useCallback((name: string) => setAdded((list) => list.filter((d) => d.name !== name)), []);
  return { pending, add, forget };
}
