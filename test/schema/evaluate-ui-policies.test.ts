import { describe, expect, it } from 'vitest';
import type { DynamicContext } from '../../schema/condition/index.js';
import { evaluateUiPolicies, pickForm, UiPolicyDoc, type FieldUiState } from '../../schema/form/index.js';
import { buildModel, MetadataSnapshot, type Model } from '../../schema/metadata/index.js';

const DYN: DynamicContext = { me: '7', myGroups: ['3'], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now: new Date('2026-06-01T00:00:00Z') };

/** An abstract `work` type and its kind `ticket`, which adds fields of its own. */
function model(extra: Partial<MetadataSnapshot> = {}): Model {
  return buildModel(
    MetadataSnapshot.parse({
      recordTypes: {
        work: {
          name: 'work',
          label: 'Work',
          abstract: true,
          fields: [
            { name: 'title', label: 'Title', type: 'string', required: true },
            { name: 'status', label: 'Status', type: 'choice', choices: [{ value: 'open', label: 'Open' }, { value: 'done', label: 'Done' }] },
            { name: 'owner', label: 'Owner', type: 'reference', reference: 'person' },
          ],
        },
        ticket: {
          name: 'ticket',
          label: 'Ticket',
          extends: 'work',
          fields: [
            { name: 'notes', label: 'Notes', type: 'text' },
            { name: 'tags', label: 'Tags', type: 'multi_choice', choices: [{ value: 'a', label: 'A' }] },
          ],
        },
        person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
      },
      ...extra,
    }),
  );
}

const policy = (doc: Record<string, unknown>): UiPolicyDoc => UiPolicyDoc.parse({ recordType: 'ticket', ...doc });
const DONE = { field: 'status', op: 'eq', value: 'done' };
const state = (m: FieldUiState | undefined) => m && [m.mandatory, m.visible, m.readOnly];

describe('evaluateUiPolicies', () => {
  const m = model();

  it('starts from the fields: required ones mandatory, all visible and editable', () => {
    const s = evaluateUiPolicies(m, 'ticket', [], { title: 'x' }, DYN);
    expect([...s.keys()]).toEqual(['title', 'status', 'owner', 'notes', 'tags']);
    expect(state(s.get('title'))).toEqual([true, true, false]);
    expect(state(s.get('notes'))).toEqual([false, true, false]);
  });

  it('applies an action while the condition holds and reverses it while it does not (reverseIfFalse)', () => {
    const p = policy({ name: 'p', condition: DONE, actions: [{ field: 'notes', mandatory: true }, { field: 'owner', readOnly: true, visible: false }] });
    const done = evaluateUiPolicies(m, 'ticket', [p], { title: 'x', status: 'done', notes: 'n', owner: 1 }, DYN);
    expect(state(done.get('notes'))).toEqual([true, true, false]);
    expect(state(done.get('owner'))).toEqual([false, false, true]);
    const open = evaluateUiPolicies(m, 'ticket', [p], { title: 'x', status: 'open', owner: 1 }, DYN);
    expect(state(open.get('notes'))).toEqual([false, true, false]);
    // Reversed: visible:false becomes true, readOnly:true becomes false.
    expect(state(open.get('owner'))).toEqual([false, true, false]);
  });

  it('without reverseIfFalse a false condition leaves the fields alone, so an earlier policy stands', () => {
    const base = policy({ name: 'base', order: 10, actions: [{ field: 'owner', readOnly: true }] });
    const reversing = policy({ name: 'rev', order: 20, condition: DONE, actions: [{ field: 'owner', readOnly: true }] });
    const keeping = policy({ name: 'keep', order: 20, condition: DONE, reverseIfFalse: false, actions: [{ field: 'owner', readOnly: false }] });
    const open = { title: 'x', status: 'open' };
    expect(evaluateUiPolicies(m, 'ticket', [base, reversing], open, DYN).get('owner')!.readOnly).toBe(false);
    expect(evaluateUiPolicies(m, 'ticket', [base, keeping], open, DYN).get('owner')!.readOnly).toBe(true);
    expect(evaluateUiPolicies(m, 'ticket', [base, keeping], { ...open, status: 'done' }, DYN).get('owner')!.readOnly).toBe(false);
  });

  it('applies policies in order, a later one winning per aspect, whatever order they are listed in', () => {
    const early = policy({ name: 'z_early', order: 1, actions: [{ field: 'notes', visible: false, readOnly: true }] });
    const late = policy({ name: 'a_late', order: 2, actions: [{ field: 'notes', visible: true }] });
    for (const list of [
      [early, late],
      [late, early],
    ])
      expect(state(evaluateUiPolicies(m, 'ticket', list, { title: 'x' }, DYN).get('notes'))).toEqual([false, true, true]);
  });

  it('applies the policies of ancestors, the type’s own winning a tie; those of other types and inactive ones not at all', () => {
    const inherited = policy({ name: 'a', recordType: 'work', actions: [{ field: 'title', visible: false }, { field: 'owner', readOnly: true }] });
    const own = policy({ name: 'b', actions: [{ field: 'owner', readOnly: false }] });
    const inactive = policy({ name: 'c', active: false, actions: [{ field: 'notes', readOnly: true }] });
    const s = evaluateUiPolicies(m, 'ticket', [own, inherited, inactive], { title: 'x' }, DYN);
    expect(s.get('title')!.visible).toBe(false);
    expect(s.get('owner')!.readOnly).toBe(false);
    expect(s.get('notes')!.readOnly).toBe(false);
    const other = policy({ name: 'd', recordType: 'person', actions: [{ field: 'name', readOnly: true }] });
    expect(evaluateUiPolicies(m, 'person', [inherited, own], {}, DYN).get('name')!.readOnly).toBe(false);
    expect(evaluateUiPolicies(m, 'person', [other], {}, DYN).get('name')!.readOnly).toBe(true);
  });

  it('cannot make a required field optional; a mandatory field without a value is shown and editable', () => {
    const p = policy({ name: 'p', actions: [{ field: 'title', mandatory: false, readOnly: true, visible: false }] });
    expect(state(evaluateUiPolicies(m, 'ticket', [p], { title: '' }, DYN).get('title'))).toEqual([true, true, false]);
    expect(state(evaluateUiPolicies(m, 'ticket', [p], { title: 'set' }, DYN).get('title'))).toEqual([true, false, true]);
    const tags = policy({ name: 't', actions: [{ field: 'tags', mandatory: true }] });
    expect(evaluateUiPolicies(m, 'ticket', [tags, policy({ name: 'u', order: 200, actions: [{ field: 'tags', readOnly: true }] })], { tags: [] }, DYN).get('tags')!.readOnly).toBe(false);
  });

  it('evaluates conditions with the user’s dynamic values, on stored values', () => {
    const mine = policy({ name: 'mine', condition: { field: 'owner', op: 'eq', value: { dynamic: 'me' } }, actions: [{ field: 'notes', readOnly: true }] });
    expect(evaluateUiPolicies(m, 'ticket', [mine], { title: 'x', owner: 7 }, DYN).get('notes')!.readOnly).toBe(true);
    expect(evaluateUiPolicies(m, 'ticket', [mine], { title: 'x', owner: '8' }, DYN).get('notes')!.readOnly).toBe(false);
    expect(evaluateUiPolicies(m, 'ticket', [mine], { title: 'x', owner: 7 }, { ...DYN, me: null }).get('notes')!.readOnly).toBe(false);
  });
});

describe('pickForm', () => {
  const form = (name: string, recordType: string) => ({ name, recordType, sections: [{ columns: [['title']] }] });
  it('takes the named form, else the case type’s default, else the first of the type’s or its nearest ancestor’s', () => {
    const m = model({ forms: { b: form('b', 'ticket'), a: form('a', 'ticket'), w: form('w', 'work'), p: form('p', 'person') } } as never);
    expect(pickForm(m, 'ticket')?.name).toBe('a');
    expect(pickForm(m, 'ticket', 'w')?.name).toBe('w');
    expect(pickForm(m, 'ticket', 'p')).toBeNull();
    const withDefault = model({ forms: { b: form('b', 'ticket'), a: form('a', 'ticket') }, caseTypes: { ticket: { name: 'ticket', businessUnit: 'it', defaultForm: 'b' } } } as never);
    expect(pickForm(withDefault, 'ticket')?.name).toBe('b');
    expect(pickForm(model({ forms: { w: form('w', 'work') } } as never), 'ticket')?.name).toBe('w');
    expect(pickForm(model(), 'ticket')).toBeNull();
  });
});
