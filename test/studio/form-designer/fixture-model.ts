import { buildModel, EMPTY_SNAPSHOT, type MetadataSnapshot, type Model, type RecordTypeDoc } from '../../../schema/metadata/index.js';
import type { FormDoc, UiPolicyDoc } from '../../../schema/form/index.js';

/** A small ticket type, its form and two policies: enough to see layout edits and the policies react. */
export const TICKET: RecordTypeDoc = {
  name: 'ticket',
  label: 'Ticket',
  fields: [
    { name: 'title', label: 'Title', type: 'string', required: true },
    { name: 'priority', label: 'Priority', type: 'integer' },
    { name: 'caller', label: 'Caller', type: 'string' },
    { name: 'status', label: 'Status', type: 'string' },
    { name: 'notes', label: 'Resolution notes', type: 'text' },
    { name: 'due', label: 'Due', type: 'date' },
    { name: 'old', label: 'Old field', type: 'string', archived: true },
  ],
};

export const TICKET_FORM: FormDoc = {
  name: 'ticket',
  label: 'Ticket',
  recordType: 'ticket',
  sections: [{ columns: [['title', 'priority'], ['caller']] }, { label: 'Resolution', columns: [['status', 'notes']] }],
  relatedLists: [],
};

export const POLICIES: UiPolicyDoc[] = [
  { name: 'p1_caller', recordType: 'ticket', condition: { field: 'priority', op: 'eq', value: 1 }, actions: [{ field: 'caller', mandatory: true }], order: 100, reverseIfFalse: true },
  { name: 'notes_when_resolved', recordType: 'ticket', condition: { field: 'status', op: 'eq', value: 'resolved' }, actions: [{ field: 'notes', visible: true }], order: 100, reverseIfFalse: true },
];

export function ticketSnapshot(): MetadataSnapshot {
  return {
    ...EMPTY_SNAPSHOT,
    recordTypes: { ticket: TICKET },
    forms: { ticket: TICKET_FORM },
    uiPolicies: Object.fromEntries(POLICIES.map((p) => [p.name, p])),
  };
}

export function ticketModel(): Model {
  return buildModel(ticketSnapshot());
}
