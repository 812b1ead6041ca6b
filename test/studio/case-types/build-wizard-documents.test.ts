import { beforeAll, describe, expect, it } from 'vitest';
import type { MetadataSnapshot } from '../../../schema/metadata/index.js';
import { buildWizardDocuments, proposedAcls } from '../../../studio/src/case-types/wizard/build-wizard-documents.js';
import { removeField, setBasicsLabel, updateField } from '../../../studio/src/case-types/wizard/wizard-reducers.js';
import { wizardProblems } from '../../../studio/src/case-types/wizard/wizard-problems.js';
import { demoSnapshot } from './demo-snapshot.js';
import { relocationWizard } from './relocation-wizard.js';

let snapshot: MetadataSnapshot;
beforeAll(async () => {
  snapshot = await demoSnapshot();
});

describe('the documents the wizard saves', () => {
  it('are the case type first (it makes the record type the unit’s), then the record type, then what refers to it', () => {
    const docs = buildWizardDocuments(relocationWizard());
    expect(docs.map((d) => `${d.kind}:${d.name}`)).toEqual([
      'caseType:hr_relocation',
      'recordType:hr_relocation',
      'stateModel:hr_relocation',
      'form:hr_relocation',
      'acl:hr_relocation_create_self',
      'acl:hr_relocation_read_self',
      'acl:hr_relocation_read_fulfillers',
      'acl:hr_relocation_update_fulfillers',
    ]);
  });

  it('turn the wizard into a record type of task, a two-column form, the template’s states and the case type', () => {
    const [caseType, recordType, stateModel, form] = buildWizardDocuments(relocationWizard()).map((d) => d.doc as Record<string, any>);
    expect(caseType).toMatchObject({ name: 'hr_relocation', businessUnit: 'hr', submitters: ['employees'], fulfillers: ['hr_agents'], defaultForm: 'hr_relocation', description: 'Employees ask to move.' });
    expect(recordType).toMatchObject({ name: 'hr_relocation', label: 'Relocation', extends: 'task', numberPrefix: 'REL' });
    expect(recordType!.fields).toEqual([
      { name: 'requested_for', label: 'Requested for', type: 'reference', reference: 'person', required: true },
      { name: 'destination', label: 'Destination', type: 'string', required: true },
      { name: 'move_type', label: 'Move type', type: 'choice', choices: [{ value: 'within_country', label: 'Within country' }, { value: 'abroad', label: 'Abroad' }] },
    ]);
    expect(form!.sections).toEqual([{ columns: [['short_description', 'requested_for', 'description', 'destination'], ['move_type', 'state', 'priority']] }]);
    expect(stateModel!.states.map((s: { name: string }) => s.name)).toEqual(['new', 'awaiting_approval', 'in_progress', 'resolved', 'closed']);
    expect(stateModel!.initial).toBe('new');
    expect(stateModel!.transitions.every((t: { criteria: string[] }) => t.criteria.join() === 'hr_agents')).toBe(true);
  });

  it('propose self-service rules on the requester field and rules for the fulfillers', () => {
    const acls = proposedAcls(relocationWizard());
    expect(acls.map((a) => [a.operation, a.criteria, a.condition ?? null])).toEqual([
      ['create', ['employees'], { field: 'requested_for', op: 'eq', value: { dynamic: 'me' } }],
      ['read', ['employees'], { field: 'requested_for', op: 'eq', value: { dynamic: 'me' } }],
      ['read', ['hr_agents'], null],
      ['update', ['hr_agents'], null],
    ]);
  });

  it('propose no rule that would let everyone in: none for fulfillers when none are chosen, none for self without a requester', () => {
    const s = relocationWizard();
    expect(proposedAcls({ ...s, access: { ...s.access, fulfillers: [] } }).map((a) => a.name)).toEqual(['hr_relocation_create_self', 'hr_relocation_read_self']);
    expect(proposedAcls(removeField(s, 'requested_for')).map((a) => a.name)).toEqual(['hr_relocation_read_fulfillers', 'hr_relocation_update_fulfillers']);
  });
});

describe('the wizard’s problems (the shared validators over the snapshot with every document laid in)', () => {
  it('are none for a well-filled wizard over the demo packs', () => {
    expect(wizardProblems(snapshot, buildWizardDocuments(relocationWizard()))).toEqual([]);
  });

  it('name what is wrong, inside the wizard’s documents only', () => {
    const s = relocationWizard();
    const reference = updateField(s, s.fields[1]!.key, { type: 'reference', reference: 'no_such_type' });
    const problems = wizardProblems(snapshot, buildWizardDocuments(reference));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.path.startsWith('hr_relocation.fields') && /no_such_type/.test(p.message))).toBe(true);
    expect(problems.every((p) => /hr_relocation/.test(p.path))).toBe(true);

    const unknownCriteria = { ...s, access: { ...s.access, submitters: ['nobody_at_all'] } };
    expect(wizardProblems(snapshot, buildWizardDocuments(unknownCriteria)).map((p) => p.code)).toContain('UNKNOWN_CRITERIA');

    const badState = { ...s, initial: 'gone' };
    expect(wizardProblems(snapshot, buildWizardDocuments(badState)).map((p) => p.path)).toContain('stateModels.hr_relocation.initial');
  });

  it('report a document of the wrong shape by its path, before laying anything in', () => {
    const s = setBasicsLabel(relocationWizard(), 'Relocation');
    const badPrefix = { ...s, basics: { ...s.basics, numberPrefix: 'rel' } };
    const problems = wizardProblems(snapshot, buildWizardDocuments(badPrefix));
    expect(problems).toEqual([expect.objectContaining({ path: 'hr_relocation.numberPrefix', code: 'INVALID_DOCUMENT' })]);
  });
});
