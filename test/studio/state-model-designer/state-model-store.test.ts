import { describe, expect, it } from 'vitest';
import { createStateModelStore } from '../../../studio/src/state-model-designer/store/state-model-store.js';
import { freeStateName, removeStates, renameState } from '../../../studio/src/state-model-designer/store/use-state-interactions.js';
import { transitionRefusal } from '../../../studio/src/state-model-designer/store/use-transition-interactions.js';
import { smallModel } from './fixtures.js';

describe('the editor store', () => {
  it('undoes and redoes document edits as whole documents', () => {
    const store = createStateModelStore(smallModel());
    const first = store.getState().doc;
    store.getState().setDoc((d) => ({ ...d, label: 'One' }));
    store.getState().setDoc((d) => ({ ...d, label: 'Two' }));
    store.temporal.getState().undo();
    expect(store.getState().doc.label).toBe('One');
    store.temporal.getState().undo();
    expect(store.getState().doc).toBe(first);
    store.temporal.getState().redo();
    store.temporal.getState().redo();
    expect(store.getState().doc.label).toBe('Two');
  });

  it('never records moves, selection or the clipboard in the history', () => {
    const store = createStateModelStore(smallModel());
    store.getState().setPositions({ new: { x: 10, y: 20 } });
    store.getState().select({ states: ['new'], transitions: [] });
    store.getState().requestFit(['new']);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().setDoc((d) => ({ ...d, label: 'Changed' }));
    store.getState().setPositions({ new: { x: 99, y: 99 } });
    store.temporal.getState().undo();
    // The move stays: undo travels through documents only.
    expect(store.getState().positions.new).toEqual({ x: 99, y: 99 });
    expect(store.getState().doc.label).toBe('Small');
  });
});

describe('document edits', () => {
  it('renames a state in its transitions, the initial state and retired targets', () => {
    const doc = { ...smallModel(), retired: [{ state: 'old', to: 'new' }] };
    const renamed = renameState(doc, 'new', 'open');
    expect(renamed.initial).toBe('open');
    expect(renamed.states[0]!.name).toBe('open');
    expect(renamed.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['open>work', 'work>closed', 'open>cancelled']);
    expect(renamed.retired).toEqual([{ state: 'old', to: 'open' }]);
  });

  it('removes states with every transition into or out of them', () => {
    const removed = removeStates(smallModel(), ['work']);
    expect(removed.states.map((s) => s.name)).toEqual(['new', 'closed', 'cancelled']);
    expect(removed.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['new>cancelled']);
  });

  it('finds a free state name', () => {
    const doc = smallModel();
    expect(freeStateName(doc, 'fresh')).toBe('fresh');
    expect(freeStateName(doc, 'work')).toBe('work_2');
  });

  it('refuses loops, duplicates and missing ends of a new transition', () => {
    const t = smallModel().transitions;
    expect(transitionRefusal(t, 'new', 'new')).toMatch(/another state/);
    expect(transitionRefusal(t, 'new', 'work')).toMatch(/already a transition/);
    expect(transitionRefusal(t, '', 'work')).toMatch(/both states/);
    expect(transitionRefusal(t, 'work', 'new')).toBeNull();
  });
});
