import type { AclDoc } from '../../../../schema/access/index.js';
import type { CaseTypeDoc, StateModelDoc } from '../../../../schema/case/index.js';
import type { FormDoc } from '../../../../schema/form/index.js';
import type { FieldDoc, KindDocs, KindName, RecordTypeInputDoc } from '../../../../schema/metadata/index.js';
import { deriveName } from '../derive-name.js';
import { BASE_FORM_FIELDS, type WizardField, type WizardState } from './wizard-state.js';

/** One document the wizard saves, with its kind. */
export interface WizardDocument<K extends KindName = KindName> {
  kind: K;
  name: string;
  doc: KindDocs[K];
}

/** The record field a wizard field becomes. */
export function toFieldDoc(f: WizardField): FieldDoc {
  const doc: FieldDoc = { name: f.name, label: f.label, type: f.type };
  if (f.required) doc.required = true;
  if (f.type === 'choice') doc.choices = f.choices.filter((c) => c.trim()).map((label) => ({ value: deriveName(label), label }));
  if (f.type === 'reference') doc.reference = f.reference;
  return doc;
}

/** The stored field name of a form item (a wizard field's key or a base field's name). */
export function formItemName(state: WizardState, item: string): string | null {
  const field = state.fields.find((f) => f.key === item);
  if (field) return field.name;
  return BASE_FORM_FIELDS.some((b) => b.name === item) ? item : null;
}

/**
 * Every document the wizard will save, in the order the server needs them: the case type first (it names the
 * record type, which makes the new record type the unit's), then the record type, then what refers to it.
 */
export function buildWizardDocuments(state: WizardState): WizardDocument[] {
  const { basics, access } = state;
  const name = basics.name;
  const caseType: CaseTypeDoc = {
    name,
    businessUnit: basics.businessUnit,
    ...(basics.description.trim() ? { description: basics.description.trim() } : {}),
    submitters: access.submitters,
    fulfillers: access.fulfillers,
    defaultForm: name,
    routingRules: [],
    slas: [],
    approvalFlows: [],
  };
  const recordType: RecordTypeInputDoc = {
    name,
    label: basics.label.trim() || name,
    ...(basics.description.trim() ? { description: basics.description.trim() } : {}),
    extends: 'task',
    ...(basics.numberPrefix ? { numberPrefix: basics.numberPrefix } : {}),
    fields: state.fields.map(toFieldDoc),
  };
  const columns = state.layout.map((col) => col.map((item) => formItemName(state, item)).filter((n): n is string => !!n)).filter((col, i) => i === 0 || col.length > 0);
  const form: FormDoc = { name, label: basics.label.trim() || name, recordType: name, sections: [{ columns }], relatedLists: [{ recordType: 'journal_entry', field: 'record', label: 'Journal' }] };
  const stateModel: StateModelDoc = {
    name,
    label: `${basics.label.trim() || name} life`,
    recordType: name,
    field: 'state',
    states: state.states.map((s) => ({ ...s })),
    initial: state.initial,
    transitions: state.transitions.map((t) => ({ from: t.from, to: t.to, ...(t.label ? { label: t.label } : {}), criteria: [...access.fulfillers], requires: [] })),
    retired: [],
  };
  return [
    { kind: 'caseType', name, doc: caseType },
    { kind: 'recordType', name, doc: recordType as KindDocs['recordType'] },
    { kind: 'stateModel', name, doc: stateModel },
    { kind: 'form', name, doc: form },
    ...proposedAcls(state).map((doc) => ({ kind: 'acl' as const, name: doc.name, doc })),
  ];
}

/**
 * The access rules the wizard proposes: submitters create and read the cases they are the requester of (a
 * condition on the requester field, `{ dynamic: me }`); fulfillers read and update all of them. With no
 * fulfillers chosen no rule for them is proposed: a rule without criteria would let every user in.
 */
export function proposedAcls(state: WizardState): AclDoc[] {
  const name = state.basics.name;
  const requester = state.fields.find((f) => f.key === state.access.requesterField);
  const acls: AclDoc[] = [];
  if (requester) {
    const condition = { field: requester.name, op: 'eq', value: { dynamic: 'me' } } as AclDoc['condition'];
    acls.push({ name: `${name}_create_self`, recordType: name, operation: 'create', criteria: [...state.access.submitters], condition, description: 'Submitters create cases for themselves.' });
    acls.push({ name: `${name}_read_self`, recordType: name, operation: 'read', criteria: [...state.access.submitters], condition, description: 'Submitters see their own cases.' });
  }
  if (state.access.fulfillers.length > 0) {
    acls.push({ name: `${name}_read_fulfillers`, recordType: name, operation: 'read', criteria: [...state.access.fulfillers], description: 'Fulfillers see every case.' });
    acls.push({ name: `${name}_update_fulfillers`, recordType: name, operation: 'update', criteria: [...state.access.fulfillers], description: 'Fulfillers work every case.' });
  }
  return acls;
}
