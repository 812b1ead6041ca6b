import { useCallback } from 'react';
import type { TransitionDoc } from '../../../../schema/case/index.js';
import { EMPTY_SELECTION, useEditorStoreApi } from './state-model-store.js';

/** Why a transition from → to cannot be added (null: it can). */
export function transitionRefusal(transitions: readonly TransitionDoc[], from: string, to: string): string | null {
  if (!from || !to) return 'Choose both states';
  if (from === to) return 'A transition must lead to another state';
  if (transitions.some((t) => t.from === from && t.to === to)) return `There is already a transition from "${from}" to "${to}"`;
  return null;
}

/** Everything done to transitions: add (by the form or by connecting two nodes), edit, delete. */
export function useTransitionInteractions() {
  const store = useEditorStoreApi();

  /** Adds from → to and selects it; returns why not when refused. */
  const addTransition = useCallback(
    (from: string, to: string): string | null => {
      const refusal = transitionRefusal(store.getState().doc.transitions, from, to);
      if (refusal) return refusal;
      store.getState().setDoc((d) => ({ ...d, transitions: [...d.transitions, { from, to, criteria: [], requires: [] }] }));
      store.getState().select({ states: [], transitions: [store.getState().doc.transitions.length - 1] });
      return null;
    },
    [store],
  );

  const updateTransition = useCallback(
    (index: number, patch: Partial<TransitionDoc>) =>
      store.getState().setDoc((d) => ({
        ...d,
        transitions: d.transitions.map((t, i) => {
          if (i !== index) return t;
          const next = { ...t, ...patch };
          // An optional key set to undefined would be sent as-is; absent is what the document means.
          for (const key of ['label', 'condition'] as const) if (next[key] === undefined || next[key] === '') delete next[key];
          return next;
        }),
      })),
    [store],
  );

  const deleteTransitions = useCallback(
    (indexes: readonly number[]) => {
      if (!indexes.length) return;
      const gone = new Set(indexes);
      store.getState().setDoc((d) => ({ ...d, transitions: d.transitions.filter((_, i) => !gone.has(i)) }));
      store.getState().select(EMPTY_SELECTION);
    },
    [store],
  );

  return { addTransition, updateTransition, deleteTransitions };
}
