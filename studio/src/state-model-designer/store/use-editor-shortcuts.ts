import { useCallback, type KeyboardEvent } from 'react';
import { useEditorStoreApi } from './state-model-store.js';
import { useHistory } from './use-history.js';
import { useStateInteractions } from './use-state-interactions.js';
import { useTransitionInteractions } from './use-transition-interactions.js';

/** Typing in a field keeps the browser's own undo, copy and delete. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

/**
 * The editor's keyboard: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (or Ctrl+Y) redo, Ctrl/⌘+C and V copy and paste states,
 * Delete removes the selection (states with their transitions). An `onKeyDown` for the editor's root element,
 * so it acts wherever focus is in the editor and nowhere else.
 */
export function useEditorShortcuts(readOnly: boolean) {
  const store = useEditorStoreApi();
  const { undo, redo } = useHistory();
  const { copy, paste, deleteStates } = useStateInteractions();
  const { deleteTransitions } = useTransitionInteractions();

  return useCallback(
    (event: KeyboardEvent) => {
      if (readOnly || isTextEntry(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !event.shiftKey) undo();
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) redo();
      else if (mod && key === 'c') handled = copy();
      else if (mod && key === 'v') paste();
      else if (event.key === 'Delete') {
        const { states, transitions } = store.getState().selection;
        if (states.length) deleteStates(states);
        else if (transitions.length) deleteTransitions(transitions);
        else handled = false;
      } else handled = false;
      if (handled) event.preventDefault();
    },
    [readOnly, store, undo, redo, copy, paste, deleteStates, deleteTransitions],
  );
}
