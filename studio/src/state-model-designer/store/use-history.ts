import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useEditorStoreApi } from './state-model-store.js';

/** Undo and redo of document edits (never of moves or selection), and whether each is possible. */
export function useHistory() {
  const store = useEditorStoreApi();
  const canUndo = useStore(store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (t) => t.futureStates.length > 0);
  const undo = useCallback(() => store.temporal.getState().undo(), [store]);
  const redo = useCallback(() => store.temporal.getState().redo(), [store]);
  return { undo, redo, canUndo, canRedo };
}
