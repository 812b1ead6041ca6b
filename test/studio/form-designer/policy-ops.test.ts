import { describe, expect, it } from 'vitest';
import { evaluateUiPolicies, uiPolicyProblems } from '../../../schema/form/index.js';
import { buildModel } from '../../../schema/metadata/index.js';
import { addAction, describeActions, newPolicy, policiesOfType, policiesWithEdit, removeAction, setActionField, setAspect } from '../../../studio/src/form-designer/policy-ops.js';
import { previewContext, sampleRecord } from '../../../studio/src/form-designer/sample-record.js';
import { POLICIES, ticketModel, ticketSnapshot } from './fixture-model.js';

describe('UI policy editing', () => {
  it('lists the policies of exactly the type, by order then name', () => {
    const snapshot = ticketSnapshot();
    snapshot.uiPolicies.a_late = { ...POLICIES[0], name: 'a_late', order: 300 };
    expect(policiesOfType(snapshot, 'ticket').map((p) => p.name)).toEqual(['notes_when_resolved', 'p1_caller', 'a_late']);
    expect(policiesOfType(snapshot, 'other')).toEqual([]);
  });

  it('sets, flips and clears one aspect of an action', () => {
    const p = POLICIES[0];
    expect(setAspect(p, 0, 'readOnly', true).actions[0]).toEqual({ field: 'caller', mandatory: true, readOnly: true });
    expect(setAspect(p, 0, 'mandatory', false).actions[0]).toEqual({ field: 'caller', mandatory: false });
    expect(setAspect(p, 0, 'mandatory', undefined).actions[0]).toEqual({ field: 'caller' });
    expect(setActionField(p, 0, 'due').actions[0].field).toBe('due');
    expect(addAction(p, 'due').actions).toHaveLength(2);
    expect(removeAction(addAction(p, 'due'), 0).actions).toEqual([{ field: 'due', visible: true }]);
  });

  it('describes what the actions do', () => {
    expect(describeActions(setAspect(POLICIES[0], 0, 'visible', false))).toBe('caller mandatory, hidden');
    expect(describeActions(POLICIES[1])).toBe('notes visible');
  });

  it('makes a new policy the shared validator accepts once saved', () => {
    const p = newPolicy('ticket_new', 'ticket', 'caller');
    const snapshot = { ...ticketSnapshot(), uiPolicies: { ticket_new: p } };
    expect(uiPolicyProblems(buildModel(snapshot))).toEqual([]);
  });

  it('lets the preview apply the policy being edited instead of its saved version', () => {
    const model = ticketModel();
    const edited = setAspect(POLICIES[0], 0, 'visible', false);
    const row = { ...sampleRecord(model.types.get('ticket')!), priority: 1, caller: 'x' };
    const saved = evaluateUiPolicies(model, 'ticket', policiesWithEdit(ticketSnapshot(), null), row, previewContext());
    const live = evaluateUiPolicies(model, 'ticket', policiesWithEdit(ticketSnapshot(), edited), row, previewContext());
    expect(saved.get('caller')).toMatchObject({ mandatory: true, visible: true });
    expect(live.get('caller')).toMatchObject({ mandatory: true, visible: false });
  });

  it('starts the sample record from the defaults', () => {
    const snapshot = ticketSnapshot();
    snapshot.recordTypes.ticket = { ...snapshot.recordTypes.ticket, fields: snapshot.recordTypes.ticket.fields.map((f) => (f.name === 'priority' ? { ...f, default: 3 } : f)) };
    const row = sampleRecord(buildModel(snapshot).types.get('ticket')!);
    expect(row.priority).toBe(3);
    expect(row.caller).toBeNull();
    expect('old' in row).toBe(false);
  });
});
