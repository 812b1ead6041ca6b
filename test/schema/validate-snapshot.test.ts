import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, buildModel, validateSnapshot, type MetadataSnapshot } from '../../schema/index.js';

const base = (): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  acls: {},
  recordTypes: {
    task: { name: 'task', label: 'Task', abstract: true, numberPrefix: 'TASK', fields: [{ name: 'short_description', label: 'Short', type: 'string' }] },
    incident: { name: 'incident', label: 'Incident', extends: 'task', numberPrefix: 'INC', fields: [{ name: 'caller', label: 'Caller', type: 'reference', reference: 'person' }] },
    person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
  },
});

const codes = (s: unknown) => validateSnapshot(s).map((p) => `${p.code} ${p.path}`);

describe('validateSnapshot', () => {
  it('accepts a valid snapshot', () => {
    expect(validateSnapshot(base())).toEqual([]);
  });

  it('refuses extending a concrete type or an unknown one', () => {
    const s = base();
    s.recordTypes.problem = { name: 'problem', label: 'P', extends: 'person', fields: [] };
    s.recordTypes.change = { name: 'change', label: 'C', extends: 'nothing', fields: [] };
    expect(codes(s)).toEqual(['INVALID_EXTENDS problem.extends', 'UNKNOWN_TYPE change.extends']);
  });

  it('refuses a field that redeclares an inherited one, and GraphQL names that collide', () => {
    const s = base();
    s.recordTypes.incident.fields.push({ name: 'short_description', label: 'x', type: 'text' });
    s.recordTypes.person.fields.push({ name: 'a_1', label: 'x', type: 'text' }, { name: 'a1', label: 'y', type: 'text' });
    expect(codes(s)).toEqual(['DUPLICATE_NAME incident.fields.short_description', 'DUPLICATE_NAME person.fields.a1']);
  });

  it('checks choices, references, lengths and display fields', () => {
    const s = base();
    s.recordTypes.person.fields.push(
      { name: 'kind', label: 'Kind', type: 'choice', choices: [{ value: 'Bad Value', label: 'x' }] },
      { name: 'empty', label: 'Empty', type: 'choice' },
      { name: 'ref', label: 'Ref', type: 'reference' },
      { name: 'flag', label: 'Flag', type: 'boolean', maxLength: 3 },
    );
    s.recordTypes.person.displayField = 'nope';
    expect(codes(s)).toEqual([
      'INVALID_FIELD person.fields.kind.choices',
      'INVALID_FIELD person.fields.empty.choices',
      'INVALID_FIELD person.fields.ref.reference',
      'INVALID_FIELD person.fields.flag.maxLength',
      'INVALID_FIELD person.displayField',
    ]);
  });

  it('reports a document that is not a record type at all', () => {
    expect(codes({ recordTypes: { x: { name: 'x' } } })).toContain('INVALID_DOCUMENT recordTypes.x.label');
  });
});

describe('buildModel', () => {
  it('resolves inheritance: inherited fields first, concrete descendants, number prefixes', () => {
    const m = buildModel(base());
    const incident = m.types.get('incident')!;
    expect(incident.fields.map((f) => f.name)).toEqual(['short_description', 'caller']);
    expect(incident.fields[0].owner).toBe('task');
    expect(incident.ancestors).toEqual(['task']);
    expect(m.types.get('task')!.concreteTypes).toEqual(['incident']);
    expect(incident.numberPrefix).toBe('INC');
    expect(m.types.get('person')!.numberPrefix).toBeNull();
    expect(incident.gqlPlural).toBe('incidents');
    expect(m.types.get('person')!.gqlPlural).toBe('people');
  });
});

describe('validateSnapshot: user criteria and ACLs', () => {
  const withRules = (): MetadataSnapshot => {
    const s = base();
    s.recordTypes.incident.fields.push({ name: 'old', label: 'Old', type: 'string', archived: true });
    s.recordTypes.gone = { name: 'gone', label: 'Gone', archived: true, fields: [] };
    s.userCriteria.agents = { name: 'agents', label: 'Agents', match: 'any', groups: ['Any Group (data, not checked)'], condition: { field: 'name', op: 'is_not_empty' } };
    s.acls.incident_read = { name: 'incident_read', recordType: 'incident', operation: 'read', criteria: ['agents'], condition: { field: 'short_description', op: 'contains', value: 'x' } };
    // A field rule on an inherited field.
    s.acls.incident_short_write = { name: 'incident_short_write', recordType: 'incident', field: 'short_description', operation: 'write', criteria: [] };
    return s;
  };

  it('accepts rules that fit the record types; snapshots stored before rules existed still parse', () => {
    expect(validateSnapshot(withRules())).toEqual([]);
    const { userCriteria: _c, acls: _a, ...old } = base();
    expect(validateSnapshot(old)).toEqual([]);
  });

  it('refuses ACLs on missing or archived types and fields, with the wrong operation, or naming missing criteria', () => {
    const s = withRules();
    const acl = (name: string, rest: Partial<MetadataSnapshot['acls'][string]>) =>
      (s.acls[name] = { name, recordType: 'incident', operation: 'read', criteria: [], ...rest });
    acl('a_type', { recordType: 'nothing' });
    acl('b_archived_type', { recordType: 'gone' });
    acl('c_field', { field: 'nope' });
    acl('d_archived_field', { field: 'old' });
    acl('e_field_op', { field: 'caller', operation: 'delete' });
    acl('f_record_op', { operation: 'write' });
    acl('g_criteria', { criteria: ['agents', 'nobody'] });
    s.acls.h_key = { name: 'other', recordType: 'incident', operation: 'read', criteria: [] };
    acl('Bad', {});
    expect(codes(s)).toEqual([
      'UNKNOWN_TYPE acls.a_type.recordType',
      'UNKNOWN_TYPE acls.b_archived_type.recordType',
      'INVALID_FIELD acls.c_field.field',
      'INVALID_FIELD acls.d_archived_field.field',
      'INVALID_OPERATION acls.e_field_op.operation',
      'INVALID_OPERATION acls.f_record_op.operation',
      'UNKNOWN_CRITERIA acls.g_criteria.criteria.1',
      'INVALID_DOCUMENT acls.h_key',
      'INVALID_NAME acls.Bad',
    ]);
    const messages = validateSnapshot(s).map((p) => p.message);
    expect(messages).toContain('ACL "c_field" is on field "nope" of "incident", which does not exist');
    expect(messages).toContain('ACL "d_archived_field" is on field "old" of "incident", which is archived');
    expect(messages).toContain('ACL "b_archived_type" is on record type "gone", which is archived');
  });

  it('`through` must name a reference field of a record rule (inherited ones count, abstract targets too)', () => {
    const s = withRules();
    const acl = (name: string, rest: Partial<MetadataSnapshot['acls'][string]>) =>
      (s.acls[name] = { name, recordType: 'incident', operation: 'read', criteria: [], ...rest });
    acl('ok_through', { through: 'caller' });
    s.recordTypes.note = { name: 'note', label: 'Note', fields: [{ name: 'record', label: 'Record', type: 'reference', reference: 'task' }] };
    s.acls.note_read = { name: 'note_read', recordType: 'note', operation: 'read', criteria: [], through: 'record' };
    expect(codes(s)).toEqual([]);
    acl('a_missing', { through: 'nope' });
    acl('b_not_reference', { through: 'short_description' });
    acl('c_field_rule', { field: 'caller', through: 'caller' });
    expect(codes(s)).toEqual(['INVALID_FIELD acls.a_missing.through', 'INVALID_FIELD acls.b_not_reference.through', 'INVALID_FIELD acls.c_field_rule.through']);
    expect(validateSnapshot(s).map((p) => p.message)).toContain('ACL "b_not_reference" goes through field "short_description" of "incident", which is a string field; `through` needs a reference');
  });

  it('checks conditions: an ACL against its record type, criteria against the user record', () => {
    const s = withRules();
    s.acls.incident_read.condition = { and: [{ field: 'short_description', op: 'is_empty' }, { field: 'no_such_field', op: 'eq', value: 1 }] };
    s.userCriteria.agents.condition = { field: 'shoe_size', op: 'gt', value: 40 };
    const problems = validateSnapshot(s);
    expect(problems.every((p) => p.code === 'INVALID_CONDITION')).toBe(true);
    expect(problems.some((p) => p.path.startsWith('acls.incident_read.condition') && /no_such_field/.test(p.message))).toBe(true);
    expect(problems.some((p) => p.path.startsWith('userCriteria.agents.condition') && /shoe_size/.test(p.message))).toBe(true);
  });

  it('needs the user record type for criteria with a condition, and a criteria name that is a name', () => {
    const s = withRules();
    delete s.recordTypes.person;
    s.recordTypes.incident.fields = [];
    s.userCriteria['Agents!'] = { name: 'Agents!', label: 'x', match: 'all' };
    expect(codes(s)).toEqual(['UNKNOWN_TYPE userCriteria.agents.condition', 'INVALID_NAME userCriteria.Agents!']);
  });

  it('checks rules only once the record types are valid', () => {
    const s = withRules();
    s.recordTypes.person.extends = 'nothing';
    s.acls.x = { name: 'x', recordType: 'nothing', operation: 'read', criteria: [] };
    expect(codes(s)).toEqual(['UNKNOWN_TYPE person.extends']);
  });
});
