import { useCallback } from 'react';
import type { StateDoc, StateModelDoc } from '../../../../schema/case/index.js';
import { EMPTY_SELECTION, useEditorStoreApi, type XY } from './state-model-store.js';

/** A name not yet taken by a state: `base`, else `base_2`, `base_3`… */
export function freeStateName(doc: StateModelDoc, base: string): string {
  const taken = new Set(doc.states.map((s) => s.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** Renames a state everywhere the document names it (transitions, initial, retired targets). */
export function renameState(doc: StateModelDoc, from: string, to: string): StateModelDoc {
  const swap = (n: string) => (n === from ? to : n);
  return {
    ...doc,
    initial: swap(doc.initial),
    states: doc.states.map((s) => (s.name === from ? { ...s, name: to } : s)),
    transitions: doc.transitions.map((t) => (t.from === from || t.to === from ? { ...t, from: swap(t.from), to: swap(t.to) } : t)),
    retired: doc.retired.map((r) => (r.to === from ? { ...r, to } : r)),
  };
}

/** Removes states and every transition that starts or ends at one of them. */
export function removeStates(doc: StateModelDoc, names: readonly string[]): StateModelDoc {
  const gone = new Set(names);
  return { ...doc, states: doc.states.filter((s) => !gone.has(s.name)), transitions: doc.transitions.filter((t) => !gone.has(t.from) && !gone.has(t.to)) };
}

/** Everything done to states: add, edit, rename, make initial, delete, copy and paste. */
export function useStateInteractions() {
  const store = useEditorStoreApi();

  const addState = useCallback(
    (at?: XY) => {
      const { doc, positions } = store.getState();
      const name = freeStateName(doc, 'new_state');
      const placed = at ?? freePosition(Object.values(positions));
      store.getState().setPositions({ [name]: placed });
      store.getState().setDoc((d) => ({ ...d, states: [...d.states, { name, label: labelOf(name), category: 'in_progress' }] }));
      store.getState().select({ states: [name], transitions: [] });
      return name;
    },
    [store],
  );

  const updateState = useCallback(
    (name: string, patch: Partial<Omit<StateDoc, 'name'>>) => store.getState().setDoc((d) => ({ ...d, states: d.states.map((s) => (s.name === name ? { ...s, ...patch } : s)) })),
    [store],
  );

  /** Renames unless the new name is empty or taken (it would merge two states); says why not. */
  const rename = useCallback(
    (from: string, to: string): string | null => {
      const { doc, positions, selection } = store.getState();
      if (from === to) return null;
      if (!to) return 'A state needs a name';
      if (doc.states.some((s) => s.name === to)) return `Another state is named "${to}"`;
      if (positions[from]) store.getState().setPositions({ [to]: positions[from] });
      store.getState().setDoc((d) => renameState(d, from, to));
      store.getState().select({ ...selection, states: selection.states.map((n) => (n === from ? to : n)) });
      return null;
    },
    [store],
  );

  const makeInitial = useCallback((name: string) => store.getState().setDoc((d) => ({ ...d, initial: name })), [store]);

  const deleteStates = useCallback(
    (names: readonly string[]) => {
      if (!names.length) return;
      store.getState().setDoc((d) => removeStates(d, names));
      store.getState().select(EMPTY_SELECTION);
    },
    [store],
  );

  const copy = useCallback(() => {
    const { doc, selection, positions } = store.getState();
    const chosen = new Set(selection.states);
    if (!chosen.size) return false;
    store.getState().setClipboard({
      states: doc.states.filter((s) => chosen.has(s.name)),
      transitions: doc.transitions.filter((t) => chosen.has(t.from) && chosen.has(t.to)),
      positions: Object.fromEntries([...chosen].map((n) => [n, positions[n] ?? { x: 0, y: 0 }])),
    });
    return true;
  }, [store]);

  /** Pastes the copied states under fresh names, offset from the originals, with the transitions among them. */
  const paste = useCallback(() => {
    const { clipboard } = store.getState();
    if (!clipboard?.states.length) return [];
    const doc = store.getState().doc;
    const renamed = new Map<string, string>();
    const placed: Record<string, XY> = {};
    const added: StateDoc[] = [];
    for (const s of clipboard.states) {
      const name = freeStateName({ ...doc, states: [...doc.states, ...added] }, `${s.name}_copy`);
      renamed.set(s.name, name);
      added.push({ ...s, name, label: `${s.label} (copy)` });
      const p = clipboard.positions[s.name] ?? { x: 0, y: 0 };
      placed[name] = { x: p.x + 40, y: p.y + 40 };
    }
    const transitions = clipboard.transitions.map((t) => ({ ...t, from: renamed.get(t.from)!, to: renamed.get(t.to)! }));
    store.getState().setPositions(placed);
    store.getState().setDoc((d) => ({ ...d, states: [...d.states, ...added], transitions: [...d.transitions, ...transitions] }));
    store.getState().select({ states: added.map((s) => s.name), transitions: [] });
    return added.map((s) => s.name);
  }, [store]);

  return { addState, updateState, rename, makeInitial, deleteStates, copy, paste };
}

function labelOf(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Below everything already placed, so a new state never lands on another. */
function freePosition(taken: XY[]): XY {
  if (!taken.length) return { x: 0, y: 0 };
  const left = Math.min(...taken.map((p) => p.x));
  const bottom = Math.max(...taken.map((p) => p.y));
  return { x: left, y: bottom + 120 };
}
