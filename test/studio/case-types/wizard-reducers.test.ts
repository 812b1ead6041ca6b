import { describe, expect, it } from 'vitest';
import { deriveName, newNameProblem } from '../../../studio/src/case-types/derive-name.js';
import { createRecordOperation } from '../../../studio/src/case-types/wizard/create-record-operation.js';
import { describeAcl } from '../../../studio/src/case-types/wizard/describe-acl.js';
import {
  addField,
  applyTemplate,
  initialWizardState,
  moveField,
  placeOnForm,
  reconcileLayout,
  removeField,
  renameStateValue,
  setBasicsLabel,
  setBasicsUnit,
  updateField,
} from '../../../studio/src/case-types/wizard/wizard-reducers.js';

describe('names from labels', () => {
  it('follow the shared name rule’s shape, with the unit as prefix', () => {
    expect(deriveName('Parental leave', 'hr')).toBe('hr_parental_leave');
    expect(deriveName('  Équipement / IT — request! ')).toBe('equipement_it_request');
    expect(deriveName('2nd opinion')).toBe('x_2nd_opinion');
    expect(deriveName('')).toBe('');
    expect(deriveName('a'.repeat(80)).length).toBe(63);
  });

  it('are refused when invalid, reserved or taken, with a reason', () => {
    expect(newNameProblem('', () => false, 'field')).toBe('give the field a name');
    expect(newNameProblem('Bad Name', () => false, 'field')).toMatch(/not a valid name/);
    expect(newNameProblem('select', () => false, 'field')).toMatch(/reserved word/);
    expect(newNameProblem('hr_leave_request', (n) => n === 'hr_leave_request', 'case type')).toMatch(/taken/);
    expect(newNameProblem('hr_relocation', () => false, 'case type')).toBeNull();
  });
});

describe('the wizard’s state changes', () => {
  it('derive the name from the label and the unit until the name is typed by hand', () => {
    let s = setBasicsLabel(initialWizardState('hr'), 'Relocation');
    expect(s.basics.name).toBe('hr_relocation');
    s = setBasicsUnit(s, 'facilities');
    expect(s.basics.name).toBe('facilities_relocation');
    s = { ...s, basics: { ...s.basics, name: 'moves', nameEdited: true } };
    expect(setBasicsLabel(s, 'Moving house').basics.name).toBe('moves');
  });

  it('offer the requester field by default, laid on the form', () => {
    const s = initialWizardState('hr');
    expect(s.fields).toEqual([expect.objectContaining({ name: 'requested_for', type: 'reference', reference: 'person', required: true })]);
    expect(s.access.requesterField).toBe('requested_for');
    expect(s.layout.flat()).toContain('requested_for');
  });

  it('add, rename, reorder and remove fields; the form follows', () => {
    let s = addField(initialWizardState('hr'), 'Destination');
    const key = s.fields[1]!.key;
    expect(s.layout[0]).toContain(key);
    s = updateField(s, key, { label: 'New city' });
    expect(s.fields[1]!.name).toBe('new_city');
    s = updateField(s, key, { name: 'city', nameEdited: true });
    s = updateField(s, key, { label: 'Target city' });
    expect(s.fields[1]!.name).toBe('city');
    s = moveField(s, key, 'requested_for');
    expect(s.fields.map((f) => f.name)).toEqual(['city', 'requested_for']);
    s = removeField(s, 'requested_for');
    expect(s.access.requesterField).toBe('');
    expect(s.layout.flat()).not.toContain('requested_for');
  });

  it('place form items in either column at an index, each once; reconcile adds the missing and drops the unknown', () => {
    let s = initialWizardState('hr');
    s = placeOnForm(s, 'requested_for', 1, 0);
    expect(s.layout).toEqual([['short_description', 'description'], ['requested_for', 'state', 'priority']]);
    s = placeOnForm(s, 'requested_for', 1, 99);
    expect(s.layout[1]).toEqual(['state', 'priority', 'requested_for']);
    s = placeOnForm(s, 'description', 0, 0);
    expect(s.layout[0]).toEqual(['description', 'short_description']);
    expect(reconcileLayout({ ...s, layout: [['gone', 'state'], ['state']] })).toEqual([['state', 'requested_for', 'short_description', 'description', 'priority'], []]);
  });

  it('rename a state’s stored value everywhere it is used; a template replaces the states', () => {
    let s = applyTemplate(initialWizardState('hr'), 'approval');
    expect(s.states.map((x) => x.category)).toEqual(['new', 'on_hold', 'in_progress', 'resolved', 'closed']);
    s = renameStateValue(s, 0, 'requested');
    expect(s.initial).toBe('requested');
    expect(s.transitions[0]).toMatchObject({ from: 'requested', to: 'awaiting_approval' });
    s = applyTemplate(s, 'simple');
    expect(s.states.map((x) => x.name)).toEqual(['new', 'in_progress', 'resolved', 'closed']);
    expect(s.initial).toBe('new');
  });
});

describe('what the wizard tells people', () => {
  it('says each proposed rule as a sentence', () => {
    const label = (c: string) => ({ employees: 'Employees', hr_agents: 'HR agents', contacts: 'Contacts' })[c] ?? c;
    const field = () => 'Requested for';
    const self = { field: 'requested_for', op: 'eq', value: { dynamic: 'me' } } as never;
    expect(describeAcl({ name: 'a', recordType: 'x', operation: 'create', criteria: ['employees'], condition: self }, 'Relocation', label, field)).toBe('Employees may create Relocation cases whose Requested for is themselves.');
    expect(describeAcl({ name: 'a', recordType: 'x', operation: 'read', criteria: [], condition: self }, 'Relocation', label, field)).toBe('Every signed-in user may see Relocation cases whose Requested for is themselves.');
    expect(describeAcl({ name: 'a', recordType: 'x', operation: 'update', criteria: ['hr_agents', 'employees', 'contacts'] }, 'Relocation', label, field)).toBe('HR agents, Employees or Contacts may update every Relocation case.');
  });

  it('gives the first create mutation, and an explorer link that carries it', () => {
    const op = createRecordOperation('hr_relocation', 'requested_for', 'erin.employee', '/studio/explorer.html');
    expect(op.mutationName).toBe('createHrRelocation');
    expect(op.text).toContain('mutation CreateHrRelocation($input: CreateHrRelocationInput!) {\n  createHrRelocation(input: $input) {\n    hrRelocation { id number state shortDescription }');
    expect(op.text).toContain('people(filter: { userName: { eq: "erin.employee" } })');
    expect(op.variables).toEqual({ input: { shortDescription: 'My first case', requestedFor: 'YOUR_PERSON_ID' } });
    const url = new URL(op.explorerHref, 'http://x');
    expect(url.pathname).toBe('/studio/explorer.html');
    expect(url.searchParams.get('query')).toBe(op.text);
    expect(JSON.parse(url.searchParams.get('variables')!)).toEqual(op.variables);
  });
});
