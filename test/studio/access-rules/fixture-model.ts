import type { AclDoc } from '../../../schema/access/index.js';
import { buildModel, EMPTY_SNAPSHOT, type MetadataSnapshot, type Model, type RecordTypeDoc } from '../../../schema/metadata/index.js';

const str = (name: string, label: string) => ({ name, label, type: 'string' as const });

/** A small world: task (abstract) with incident and customer_case below it, people and accounts, two criteria. */
export function fixtureSnapshot(acls: AclDoc[]): MetadataSnapshot {
  const types: RecordTypeDoc[] = [
    { name: 'person', label: 'User', pluralLabel: 'Users', fields: [str('user_name', 'User name')] } as RecordTypeDoc,
    { name: 'account', label: 'Account', pluralLabel: 'Accounts', fields: [str('name', 'Name')] } as RecordTypeDoc,
    {
      name: 'task',
      label: 'Task',
      pluralLabel: 'Tasks',
      abstract: true,
      fields: [str('short_description', 'Short description'), str('priority', 'Priority')],
    } as RecordTypeDoc,
    { name: 'incident', label: 'Incident', pluralLabel: 'Incidents', extends: 'task', numberPrefix: 'INC', fields: [{ name: 'caller', label: 'Caller', type: 'reference', reference: 'person' }] } as RecordTypeDoc,
    {
      name: 'customer_case',
      label: 'Case',
      pluralLabel: 'Cases',
      extends: 'task',
      numberPrefix: 'CS',
      fields: [{ name: 'account', label: 'Account', type: 'reference', reference: 'account' }, str('product', 'Product')],
    } as RecordTypeDoc,
  ];
  return {
    ...EMPTY_SNAPSHOT,
    recordTypes: Object.fromEntries(types.map((t) => [t.name, t])),
    userCriteria: {
      agents: { name: 'agents', label: 'Agents', match: 'any', roles: ['agent'] },
      contacts: { name: 'contacts', label: 'Customer contacts', match: 'any', condition: { field: 'user_name', op: 'is_not_empty' } },
    },
    acls: Object.fromEntries(acls.map((a) => [a.name, a])),
  } as MetadataSnapshot;
}

export function fixtureModel(acls: AclDoc[]): Model {
  return buildModel(fixtureSnapshot(acls));
}
