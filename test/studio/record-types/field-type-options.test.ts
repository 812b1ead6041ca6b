import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, fieldConversion, type FieldDoc } from '../../../schema/metadata/index.js';
import * as fieldTypeOptionsModule from '../../../studio/src/record-types/field-type-options.js';

const { fieldTypeOptions } = fieldTypeOptionsModule;

const field = (f: Partial<FieldDoc>): FieldDoc => ({ name: 'x', label: 'X', type: 'string', ...f });

describe('the types a field may change to', () => {
  it('a published short text is offered the textual and numeric conversions, each with the check the publish runs', () => {
    const options = fieldTypeOptions(field({ type: 'string' }), field({ type: 'string' }));
    const offered = options.filter((o) => o.offered).map((o) => o.type);
    expect(offered).toEqual(['string', 'text', 'integer', 'decimal', 'email', 'url', 'choice']);
    expect(options.find((o) => o.type === 'integer')?.note).toBe('Checked on publish: records whose values are not whole numbers stop it');
    expect(options.find((o) => o.type === 'text')?.note).toBe('Every value converts');
    expect(options.find((o) => o.type === 'boolean')).toEqual({
      type: 'boolean',
      offered: false,
      note: 'No safe conversion from short text: add a new field and move the data instead',
    });
  });

  it('offers exactly what the server converts, for every pair of types', () => {
    for (const from of FIELD_TYPES)
      for (const to of FIELD_TYPES) {
        const offered = fieldTypeOptions(field({ type: from }), field({ type: from })).find((o) => o.type === to)!.offered;
        expect(offered, `${from} → ${to}`).toBe(from === to || fieldConversion({ type: from }, { type: to }) !== null);
      }
  });

  it('a field never published may take any type: it has no data', () => {
    expect(fieldTypeOptions(null, field({ type: 'json' })).every((o) => o.offered && o.note === null)).toBe(true);
  });

  it('narrowing to a shorter string is checked against the new maximum length', () => {
    expect(fieldConversion({ type: 'text' }, { type: 'string', maxLength: 10 })).toEqual({ method: 'cast', check: { kind: 'max_length', maxLength: 10 }, why: 'are longer than 10 characters' });
    expect(fieldConversion({ type: 'integer' }, { type: 'decimal' })).toEqual({ method: 'cast', check: null, why: null });
    expect(fieldConversion({ type: 'choice' }, { type: 'multi_choice', choices: [{ value: 'a', label: 'A' }] })).toMatchObject({ method: 'wrap_in_array', check: { kind: 'choices', values: ['a'], array: false } });
    expect(fieldConversion({ type: 'multi_choice' }, { type: 'choice' })).toBeNull();
  });
});

describe('a column change that keeps the type', () => {
  it('says what the publish checks when the maximum length shrinks, the scale drops or the choices change', () => {
    const { columnChangeNote } = fieldTypeOptionsModule;
    expect(columnChangeNote(field({ maxLength: 80 }), field({ maxLength: 40 }))).toBe('Checked on publish: records whose values are longer than 40 characters stop it');
    expect(columnChangeNote(field({ maxLength: 80 }), field({ maxLength: 80, label: 'Other' }))).toBeNull();
    expect(columnChangeNote(field({ type: 'decimal', scale: 2 }), field({ type: 'decimal', scale: 0 }))).toBe('Checked on publish: records whose values have more than 0 decimal places stop it');
    expect(columnChangeNote(field({ type: 'decimal', scale: 2 }), field({ type: 'decimal', scale: 4 }))).toBeNull();
    const a = { value: 'a', label: 'A' };
    expect(columnChangeNote(field({ type: 'choice', choices: [a, { value: 'b', label: 'B' }] }), field({ type: 'choice', choices: [a] }))).toBe('Checked on publish: records whose values are not among the choices stop it');
    expect(columnChangeNote(null, field({ maxLength: 1 }))).toBeNull();
  });
});
