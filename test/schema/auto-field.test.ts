import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, FIELD_TYPES, validateSnapshot, type FieldDoc, type MetadataSnapshot } from '../../schema/index.js';

const snapshot = (field: FieldDoc): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  acls: {},
  recordTypes: {
    person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
    account: { name: 'account', label: 'Account', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
    note: { name: 'note', label: 'Note', fields: [field] },
  },
});
const problems = (field: FieldDoc) => validateSnapshot(snapshot(field)).map((p) => `${p.code} ${p.path}: ${p.message}`);

describe('auto fields in the validator', () => {
  it('accepts me on a reference to person and now on a datetime or a date', () => {
    expect(problems({ name: 'author', label: 'A', type: 'reference', reference: 'person', auto: 'me' })).toEqual([]);
    expect(problems({ name: 'written_at', label: 'W', type: 'datetime', auto: 'now' })).toEqual([]);
    expect(problems({ name: 'written_on', label: 'W', type: 'date', auto: 'now', required: true })).toEqual([]);
  });

  it('refuses me on anything but a reference to person, now on anything but a time, and either with a default', () => {
    expect(problems({ name: 'author', label: 'A', type: 'reference', reference: 'account', auto: 'me' })).toEqual([
      `INVALID_FIELD note.fields.author.auto: "auto: me" sets a reference to the writer's person record; "author" is a reference to account`,
    ]);
    expect(problems({ name: 'author', label: 'A', type: 'string', auto: 'me' })[0]).toMatch(/"author" is string/);
    expect(problems({ name: 'at', label: 'A', type: 'integer', auto: 'now' })).toEqual([`INVALID_FIELD note.fields.at.auto: "auto: now" sets the time of the write; "at" is integer, not datetime or date`]);
    expect(problems({ name: 'at', label: 'A', type: 'datetime', auto: 'now', default: '2026-01-01T00:00:00Z' })).toEqual([
      `INVALID_FIELD note.fields.at.auto: "at" is set by the server (auto: now) and takes no default`,
    ]);
    expect(problems({ name: 'author', label: 'A', type: 'reference', reference: 'person', auto: 'me', required: true })[0]).toMatch(/cannot be required/);
    expect(problems({ name: 'at', label: 'A', type: 'datetime', auto: 'later' as never })[0]).toMatch(/^INVALID_DOCUMENT/);
  });

  it('property: a field with auto is valid exactly when its type fits and it has no default (and me is not required)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIELD_TYPES),
        fc.constantFrom('me' as const, 'now' as const),
        fc.constantFrom('person', 'account'),
        fc.boolean(),
        fc.boolean(),
        (type, auto, reference, required, withDefault) => {
          const field: FieldDoc = { name: 'f', label: 'F', type, auto, required, ...(type === 'reference' ? { reference } : {}), ...(type === 'choice' || type === 'multi_choice' ? { choices: [{ value: 'a', label: 'A' }] } : {}) };
          if (withDefault) field.default = type === 'choice' ? 'a' : null;
          const fits = auto === 'me' ? type === 'reference' && reference === 'person' && !required : type === 'datetime' || type === 'date';
          expect(problems(field).length === 0, JSON.stringify(field)).toBe(fits && !withDefault);
        },
      ),
      { numRuns: 300 },
    );
  });
});
