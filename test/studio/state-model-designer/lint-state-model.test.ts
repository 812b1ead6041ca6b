import { describe, expect, it } from 'vitest';
import type { StateModelDoc } from '../../../schema/case/index.js';
import { lintStateModel, validatorItems } from '../../../studio/src/state-model-designer/lint/lint-state-model.js';
import { bigModel, smallModel } from './fixtures.js';

describe('lintStateModel', () => {
  it('finds nothing in a model where every state is reached and records can close', () => {
    expect(lintStateModel(smallModel())).toEqual([]);
  });

  it('names a state no transition reaches, but never the initial state', () => {
    const doc = smallModel();
    doc.states.push({ name: 'parked', label: 'Parked', category: 'on_hold' });
    const items = lintStateModel(doc);
    expect(items.map((i) => [i.id, i.severity, i.target])).toEqual([['unreached:parked', 'error', { kind: 'state', name: 'parked' }]]);
    expect(items[0]!.message).toContain('No transition reaches "Parked"');
  });

  it('names a state only unreachable states lead to', () => {
    const doc = smallModel();
    doc.states.push({ name: 'island', label: 'Island', category: 'on_hold' }, { name: 'shore', label: 'Shore', category: 'on_hold' });
    doc.transitions.push({ from: 'island', to: 'shore', criteria: [], requires: [] });
    expect(lintStateModel(doc).map((i) => i.id)).toEqual(['unreached:island', 'unreachable:shore']);
  });

  it('says when no path leads from the initial state to a closed state, and points at the initial state', () => {
    const doc = smallModel();
    doc.transitions = doc.transitions.filter((t) => t.to !== 'closed');
    doc.transitions.push({ from: 'closed', to: 'new', criteria: [], requires: [] });
    const items = lintStateModel(doc);
    expect(items.find((i) => i.id === 'no-close')).toMatchObject({ severity: 'error', target: { kind: 'state', name: 'new' } });
  });

  it('warns of a transition out of a closed state, pointing at the transition', () => {
    const doc = smallModel();
    doc.transitions.push({ from: 'closed', to: 'work', label: 'Reopen', criteria: [], requires: [] });
    expect(lintStateModel(doc)).toEqual([expect.objectContaining({ id: 'from-closed:3', severity: 'warning', target: { kind: 'transition', index: 3 } })]);
  });

  it('ignores transitions to unknown states and loops (the validator reports those) instead of failing', () => {
    const doc = smallModel();
    doc.transitions.push({ from: 'new', to: 'nowhere', criteria: [], requires: [] }, { from: 'work', to: 'work', criteria: [], requires: [] });
    expect(lintStateModel(doc)).toEqual([]);
  });

  it('checks a 200-state model (every state reached, one closed at the end)', () => {
    const doc = bigModel(200);
    expect(lintStateModel(doc)).toEqual([]);
    doc.transitions.splice(100, 1);
    expect(lintStateModel(doc).map((i) => i.id)).toContain('no-close');
  });
});

describe('validatorItems', () => {
  it('points each shared-validator problem at the state or transition its path names', () => {
    const doc: StateModelDoc = smallModel();
    const items = validatorItems(doc, [
      { path: 'stateModels.small.states.1.name', code: 'INVALID_NAME', message: 'bad name' },
      { path: 'stateModels.small.transitions.2.criteria.0', code: 'UNKNOWN_CRITERIA', message: 'no criteria' },
      { path: 'stateModels.small.field', code: 'INVALID_FIELD', message: 'no field' },
      { path: 'stateModels.small.initial', code: 'INVALID_DOCUMENT', message: 'initial' },
    ]);
    expect(items.map((i) => i.target)).toEqual([{ kind: 'state', name: 'work' }, { kind: 'transition', index: 2 }, { kind: 'model' }, { kind: 'state', name: 'new' }]);
    expect(items.every((i) => i.source === 'validator' && i.severity === 'error')).toBe(true);
  });
});
