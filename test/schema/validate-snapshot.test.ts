import { describe, expect, it } from 'vitest';
import { buildModel, validateSnapshot, type MetadataSnapshot } from '../../schema/index.js';

const base = (): MetadataSnapshot => ({
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
