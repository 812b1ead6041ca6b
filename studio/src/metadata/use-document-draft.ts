import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { metadataKind, type KindDocs, type KindName, type MetadataProblem } from '../../../schema/metadata/index.js';
import { GraphQLRequestError } from '../graphql/request-graphql.js';
import { StudioDraftsDocument, StudioSaveDraftDocument, type MetadataKind } from '../graphql/generated/graphql.js';
import { useGqlMutation, useGqlQuery } from '../graphql/use-gql.js';
import { draftProblems } from './draft-problems.js';
import { readLocalDraft, writeLocalDraft } from './local-drafts.js';
import { useWorkingMetadata } from './use-working-metadata.js';

/** `recordType` → `RECORD_TYPE`, the GraphQL enum value of a kind. */
export function kindEnum(kind: KindName): MetadataKind {
  return kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase() as MetadataKind;
}

/** A refusal as the editor shows it: the server's code and its message. */
export interface SaveError {
  code: string;
  message: string;
}

export interface DocumentDraft<K extends KindName> {
  status: 'loading' | 'ready' | 'error';
  /** Why the metadata could not be read (status error). */
  loadError: string | null;
  /** The document as drafted on the server (null: new, or not found). */
  serverDoc: KindDocs[K] | null;
  /** The server's draft version of it (0: no draft yet): sent back on save, so a concurrent save is a CONFLICT. */
  draftVersion: number;
  /** What the editor shows: the server document with this browser's unsaved edits. */
  doc: KindDocs[K] | null;
  setDoc: (next: KindDocs[K] | ((prev: KindDocs[K]) => KindDocs[K])) => void;
  /** Edits not yet saved as a server draft (kept in localStorage meanwhile). */
  dirty: boolean;
  /** The unsaved edits were restored from this browser's storage when the editor opened. */
  restored: boolean;
  /** Live: what a publish would refuse in this document, by the shared `schema/` validators. */
  problems: MetadataProblem[];
  save: () => Promise<boolean>;
  saving: boolean;
  saveError: SaveError | null;
  /** Throws away the unsaved edits (the server draft stays). */
  discard: () => void;
  /** Someone published a new version since this editor opened: what it shows may be out of date. */
  publishedSinceOpen: boolean;
}

/**
 * The editing loop of one metadata document, the same for every designer: read it (drafts laid over), edit it
 * locally (kept in localStorage, so a reload loses nothing), see the problems live, save it as a server draft with
 * the draft version read (a concurrent save is refused, not overwritten). `initial` makes a new document when none
 * exists by `name`.
 */
export function useDocumentDraft<K extends KindName>(kind: K, name: string, initial?: () => KindDocs[K]): DocumentDraft<K> {
  const { metadata, error, isLoading } = useWorkingMetadata();
  const snapshot = metadata?.snapshot;
  const entryKey = useMemo(() => keyOf(kind), [kind]);
  const serverDoc = (snapshot ? ((snapshot[entryKey] as Record<string, KindDocs[K]>)[name] ?? null) : null) as KindDocs[K] | null;
  const [draftVersion, setDraftVersion] = useState(0);
  // Keyed by document: the same page component showing another document (a route parameter change) starts afresh.
  const docKey = `${kind}:${name}`;
  const [localState, setLocalState] = useState(() => ({ key: docKey, doc: readLocalDraft<KindDocs[K]>(kind, name)?.doc ?? null, restored: readLocalDraft(kind, name) !== null }));
  if (localState.key !== docKey) {
    const stored = readLocalDraft<KindDocs[K]>(kind, name);
    setLocalState({ key: docKey, doc: stored?.doc ?? null, restored: stored !== null });
  }
  const local = localState.key === docKey ? localState.doc : null;
  const restored = localState.key === docKey && localState.restored;
  const setLocal = useCallback(
    (update: KindDocs[K] | null | ((prev: KindDocs[K] | null) => KindDocs[K] | null)) =>
      setLocalState((prev) => ({ ...prev, doc: typeof update === 'function' ? (update as (p: KindDocs[K] | null) => KindDocs[K] | null)(prev.doc) : update })),
    [],
  );
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const openedAt = useRef<number | null>(null);
  if (openedAt.current === null && metadata) openedAt.current = metadata.publishedVersion;
  const mutation = useGqlMutation(StudioSaveDraftDocument);
  const documents = useDraftVersions(kind, name, snapshot);
  useEffect(() => setDraftVersion(documents ?? 0), [documents]);

  const doc = local ?? serverDoc ?? (snapshot && initial ? initial() : null);
  const setDoc = useCallback(
    (next: KindDocs[K] | ((prev: KindDocs[K]) => KindDocs[K])) => {
      setLocal((prev) => {
        const base = prev ?? serverDoc ?? (initial ? initial() : null);
        if (base === null) return prev;
        const value = typeof next === 'function' ? (next as (p: KindDocs[K]) => KindDocs[K])(base) : next;
        writeLocalDraft(kind, name, { doc: value, baseDraftVersion: draftVersion, savedAt: new Date().toISOString() });
        return value;
      });
    },
    [kind, name, serverDoc, initial, draftVersion],
  );
  const problems = useMemo(() => (doc && snapshot ? draftProblems(kind, doc, snapshot) : []), [kind, doc, snapshot]);

  const save = useCallback(async () => {
    if (!doc) return false;
    setSaveError(null);
    try {
      const saved = await mutation.mutateAsync({ kind: kindEnum(kind), document: doc as unknown as Record<string, unknown>, draftVersion });
      setDraftVersion(saved.saveMetadataDraft.draftVersion ?? 0);
      writeLocalDraft(kind, name, null);
      setLocal(null);
      return true;
    } catch (failure) {
      setSaveError(toSaveError(failure));
      return false;
    }
  }, [doc, kind, name, draftVersion, mutation]);

  const discard = useCallback(() => {
    writeLocalDraft(kind, name, null);
    setLocal(null);
    setSaveError(null);
  }, [kind, name]);

  return {
    status: error ? 'error' : isLoading || !metadata ? 'loading' : 'ready',
    loadError: error ? error.message : null,
    serverDoc,
    draftVersion,
    doc,
    setDoc,
    dirty: local !== null,
    restored,
    problems,
    save,
    saving: mutation.isPending,
    saveError,
    discard,
    publishedSinceOpen: !!metadata && openedAt.current !== null && metadata.publishedVersion !== openedAt.current,
  };
}

function keyOf(kind: KindName) {
  return metadataKind(kind).key;
}

/** The server draft version of one document, from the drafts list (kept fresh with the snapshot). */
function useDraftVersions(kind: KindName, name: string, snapshot: unknown): number | null {
  const drafts = useDraftsList(snapshot);
  if (!drafts) return null;
  return drafts.find((d) => d.name === `${metadataKind(kind).draftPrefix}${name}`)?.version ?? 0;
}

function useDraftsList(snapshot: unknown) {
  const drafts = useGqlQuery(StudioDraftsDocument, undefined, { enabled: !!snapshot });
  return drafts.data?.metadataDrafts ?? null;
}

function toSaveError(failure: unknown): SaveError {
  if (failure instanceof GraphQLRequestError) {
    const first = failure.errors[0];
    return { code: String(first?.extensions?.code ?? 'REQUEST_FAILED'), message: failure.message };
  }
  return { code: 'REQUEST_FAILED', message: failure instanceof Error ? failure.message : String(failure) };
}
