import { describe, expect, it } from 'vitest';
import type { RecordTypeDoc } from '../../../schema/metadata/index.js';
import { addField, changeFieldType, freeChoiceValue, moveChoice, removeUnpublishedField, renameField, setFieldArchived, updateField } from '../../../studio/src/record-types/field-edits.js';

const asset = (): RecordTypeDoc => ({
  name: 'asset',
  label: 'Asset',
  displayField: 'serial',
  fields: [
    { name: 'serial', label: 'Serial', type: 'string', maxLength: 40 },
    { id: 'f-cost', name: 'cost', label: 'Cost', type: 'decimal', scale: 2, default: 1 },
  ],
});

describe('field edits', () => {
  it('a rename writes down the implied id first, so the publish renames the column and keeps the data', () => {
    const doc = renameField(asset(), 0, 'serial_number');
    expect(doc.fields[0]).toMatchObject({ id: 'asset.serial', name: 'serial_number' });
    expect(doc.displayField).toBe('serial_number');
    expect(renameField(asset(), 1, 'price').fields[1]).toMatchObject({ id: 'f-cost', name: 'price' });
  });

  it('adds a field with a free name and an id no other field has, even one renamed away from that name', () => {
    const renamed = renameField({ ...asset(), fields: [...asset().fields, { name: 'new_field', label: 'N', type: 'text' }] }, 2, 'notes');
    const { doc, index } = addField(renamed, ['new_field_2']);
    expect(index).toBe(3);
    expect(doc.fields[3]).toMatchObject({ name: 'new_field', id: 'asset.new_field_2', type: 'string' });
    const ids = doc.fields.map((f) => f.id ?? `asset.${f.name}`);
    expect(new Set(ids).size).toBe(ids.length);
    const again = addField(renameField(addField(asset()).doc, 2, 'x')).doc;
    expect(again.fields.map((f) => f.id)).toEqual([undefined, 'f-cost', 'asset.new_field', 'asset.new_field_2']);
  });

  it('a type change drops what the new type has no use for and starts what it needs', () => {
    const toChoice = changeFieldType(asset(), 0, 'choice').fields[0];
    expect(toChoice).toEqual({ name: 'serial', label: 'Serial', type: 'choice', choices: [{ value: 'option_1', label: 'Option 1' }] });
    const toInteger = changeFieldType(asset(), 1, 'integer').fields[1];
    expect(toInteger).toEqual({ id: 'f-cost', name: 'cost', label: 'Cost', type: 'integer' });
  });

  it('archives and restores, and removes outright only what was never published', () => {
    const archived = setFieldArchived(asset(), 1, true);
    expect(archived.fields[1].archived).toBe(true);
    expect('archived' in setFieldArchived(archived, 1, false).fields[1]).toBe(false);
    expect(removeUnpublishedField(asset(), 0).fields.map((f) => f.name)).toEqual(['cost']);
  });

  it('an update with undefined removes the property', () => {
    expect('maxLength' in updateField(asset(), 0, { maxLength: undefined }).fields[0]).toBe(false);
    expect(updateField(asset(), 0, { required: true }).fields[0].required).toBe(true);
  });

  it('moves choices and finds free choice values', () => {
    const choices = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
      { value: 'c', label: 'C' },
    ];
    expect(moveChoice(choices, 0, 2).map((c) => c.value)).toEqual(['b', 'c', 'a']);
    expect(moveChoice(choices, 2, 0).map((c) => c.value)).toEqual(['c', 'a', 'b']);
    expect(moveChoice(choices, 0, 9)).toEqual(choices);
    expect(freeChoiceValue([{ value: 'option_1', label: '1' }])).toBe('option_2');
  });
});
