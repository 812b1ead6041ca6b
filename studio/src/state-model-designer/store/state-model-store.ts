import { createContext, useContext } from 'react';
import { temporal, type TemporalState } from 'zundo';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { StateModelDoc } from '../../../../schema/case/index.js';

export interface XY {
  x: number;
  y: number;
}

/** What is selected: states by name, transitions by index in the document. */
export interface Selection {
  states: string[];
  transitions: number[];
}

export const EMPTY_SELECTION: Selection = { states: [], transitions: [] };

export interface EditorState {
  /** The document being edited: the only part undo and redo travel through. */
  doc: StateModelDoc;
  /** Where each state sits on the canvas (view, not document: the model has no positions). */
  positions: Record<string, XY>;
  selection: Selection;
  /** States copied with Ctrl+C, with the transitions between them. */
  clipboard: { states: StateModelDoc['states']; transitions: StateModelDoc['transitions']; positions: Record<string, XY> } | null;
  /** Bumped to ask the canvas to fit the view (after a layout, a lint click). */
  fitRequest: { seq: number; nodes: string[] };
  /** A document change: recorded for undo. */
  setDoc: (update: (doc: StateModelDoc) => StateModelDoc) => void;
  setPositions: (positions: Record<string, XY>) => void;
  select: (selection: Selection) => void;
  setClipboard: (clipboard: EditorState['clipboard']) => void;
  requestFit: (nodes?: string[]) => void;
}

export type EditorStore = StoreApi<EditorState> & { temporal: StoreApi<TemporalState<{ doc: StateModelDoc }>> };

/**
 * One editor's store (one per open document). The document is kept as snapshots by zundo, so undo and redo
 * restore documents; positions, selection and the clipboard are the view and are never undone.
 */
export function createStateModelStore(doc: StateModelDoc, positions: Record<string, XY> = {}): EditorStore {
  return createStore<EditorState>()(
    temporal(
      (set) => ({
        doc,
        positions,
        selection: EMPTY_SELECTION,
        clipboard: null,
        fitRequest: { seq: 0, nodes: [] },
        setDoc: (update) => set((s) => ({ doc: update(s.doc) })),
        setPositions: (next) => set((s) => ({ positions: { ...s.positions, ...next } })),
        select: (selection) => set({ selection }),
        setClipboard: (clipboard) => set({ clipboard }),
        requestFit: (nodes = []) => set((s) => ({ fitRequest: { seq: s.fitRequest.seq + 1, nodes } })),
      }),
      { partialize: (s) => ({ doc: s.doc }), equality: (past, current) => past.doc === current.doc, limit: 200 },
    ),
  ) as EditorStore;
}

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('state-model editor hooks need <EditorStoreContext.Provider>');
  return store;
}

/** A slice of the editor's state; re-renders only when the slice changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
