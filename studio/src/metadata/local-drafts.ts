/**
 * Unsaved edits kept in the browser, per document, so a reload (or a crash of the tab) loses nothing: the editor
 * offers them back on open. Saved drafts live on the server; this is only what was never sent.
 */
export interface LocalDraft<T = unknown> {
  doc: T;
  /** The server draft version the edits started from (0: none), to warn when the server moved on. */
  baseDraftVersion: number;
  savedAt: string;
}

const PREFIX = 'atrium.studio.unsaved:';

export function localDraftKey(kind: string, name: string): string {
  return `${PREFIX}${kind}:${name}`;
}

export function readLocalDraft<T>(kind: string, name: string): LocalDraft<T> | null {
  try {
    const raw = localStorage.getItem(localDraftKey(kind, name));
    return raw ? (JSON.parse(raw) as LocalDraft<T>) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft<T>(kind: string, name: string, draft: LocalDraft<T> | null): void {
  try {
    if (draft) localStorage.setItem(localDraftKey(kind, name), JSON.stringify(draft));
    else localStorage.removeItem(localDraftKey(kind, name));
  } catch {
    // Storage full or disabled: the edits stay in memory; nothing else to do.
  }
}

/** Every document with unsaved edits in this browser, for the overview. */
export function listLocalDrafts(): { kind: string; name: string; savedAt: string }[] {
  const out: { kind: string; name: string; savedAt: string }[] = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const [kind, ...rest] = key.slice(PREFIX.length).split(':');
    const draft = readLocalDraft(kind!, rest.join(':'));
    if (draft) out.push({ kind: kind!, name: rest.join(':'), savedAt: draft.savedAt });
  }
  return out;
}
