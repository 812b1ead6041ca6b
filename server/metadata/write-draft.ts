import { unstorableText, type MetadataSnapshot } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import { draftConflict } from './draft-conflict.js';
import { metadataStore, type DraftMeta, type DraftRow, type NewDraft } from './metadata-store.js';

export interface DraftWrite<D extends NewDraft['document']> {
  /** The draft's row name (see `draftName`). */
  name: string;
  /** The draft version the client read (0: there was no draft); undefined when it named none. */
  sent: number | undefined;
  /**
   * `whole`: the document replaces whatever is there, so without a version it may only start a draft, never
   * overwrite one. `relative`: an edit (add a field, remove an ACL…) applied to the latest draft when no version
   * is named, which loses nothing because it is made from that draft under its lock.
   */
  mode: 'whole' | 'relative';
  actor: string;
  /** The new document from the current draft (null: none) and the published head; a DomainError refuses the edit. */
  build: (current: DraftRow | null, head: { id: number; snapshot: MetadataSnapshot }) => D;
}

/**
 * Saves one draft atomically: under a lock on its name, checks the version the client read, builds the document
 * from the latest draft and saves it with a new version. Two edits of one draft at once (in one process or many)
 * run one after the other, so neither is lost; a stale version is a CONFLICT naming who changed the draft.
 */
export async function writeDraft<D extends NewDraft['document']>(db: Database, w: DraftWrite<D>): Promise<{ document: D; draft: DraftMeta }> {
  return db.transaction(async (tx) => {
    await metadataStore.lockDraft(tx, w.name);
    // The row lock too: a publish deleting this draft as it read it waits, then sees the new version and keeps it.
    const current = await metadataStore.draft(tx, w.name, { forUpdate: true });
    const version = current?.version ?? 0;
    if (w.sent !== undefined && w.sent !== version) throw draftConflict(w.name, current, w.sent);
    if (w.sent === undefined && w.mode === 'whole' && current) throw draftConflict(w.name, current, undefined);
    const head = await metadataStore.head(tx);
    const document = w.build(current, head);
    const bad = unstorableText(document);
    if (bad) throw new DomainError(ErrorCode.VALIDATION_FAILED, bad[1], { problems: [{ path: bad[0], code: 'INVALID_DOCUMENT', message: bad[1] }] });
    const saved = await metadataStore.saveDraft(tx, { name: w.name, document, baseVersion: head.id, updatedBy: w.actor }, version);
    // Cannot happen under the lock; if it does, it is still someone else's change, not ours to overwrite.
    if (!saved) throw draftConflict(w.name, await metadataStore.draft(tx, w.name), version);
    return { document, draft: saved };
  });
}
