import { DomainError, ErrorCode } from '../domain-error.js';
import type { DraftMeta } from './metadata-store.js';

/**
 * The CONFLICT an edit gets when the draft is not the one it read: who saved the draft last and when, and its
 * current version (0: there is no draft now) in `extensions`, so the client can reload, merge and send again.
 * `sent` is undefined for a whole-document save that named no version over an existing draft.
 */
export function draftConflict(name: string, current: DraftMeta | null, sent: number | undefined): DomainError {
  const details = {
    draft: name,
    currentVersion: current?.version ?? 0,
    updatedBy: current?.updatedBy ?? null,
    updatedAt: current?.updatedAt.toISOString() ?? null,
  };
  if (!current)
    return new DomainError(
      ErrorCode.CONFLICT,
      `the draft "${name}" you read (version ${sent}) is gone: it was published or discarded meanwhile; reload and apply your change again`,
      details,
    );
  const who = `${current.updatedBy} at ${details.updatedAt}`;
  if (sent === undefined)
    return new DomainError(
      ErrorCode.CONFLICT,
      `there is already a draft "${name}" (version ${current.version}, saved by ${who}); saving a whole document over it would overwrite that change: reload it, merge, and send draftVersion: ${current.version}`,
      details,
    );
  return new DomainError(
    ErrorCode.CONFLICT,
    sent === 0
      ? `a draft "${name}" was started by ${who} (version ${current.version}) after you read it; reload it and apply your change again`
      : `the draft "${name}" was changed by ${who} (it is at version ${current.version}, you sent ${sent}); reload it and apply your change again`,
    details,
  );
}
