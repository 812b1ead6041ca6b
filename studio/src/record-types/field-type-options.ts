import { FIELD_TYPES, fieldConversion, type FieldDoc, type FieldType } from '../../../schema/metadata/index.js';
import { fieldTypeLabel } from './field-type-labels.js';

/** One type a field may (or may not) become, and what that means for its data. */
export interface FieldTypeOption {
  type: FieldType;
  /** The publish would convert the column (or there is no column yet). */
  offered: boolean;
  /** Why: what the publish checks first, or why it refuses. Null when nothing needs saying. */
  note: string | null;
}

/**
 * The types a field can change to, decided by the same table the server's DDL planner uses (`fieldConversion`),
 * so the studio offers exactly the changes a publish will carry out. The change is from the field as PUBLISHED
 * (that is what the data is stored as): a field never published has no data and may take any type.
 */
export function fieldTypeOptions(published: FieldDoc | null, current: FieldDoc): FieldTypeOption[] {
  return FIELD_TYPES.map((type) => {
    if (!published || type === published.type) return { type, offered: true, note: null };
    const to = { type, maxLength: type === 'string' ? current.maxLength : undefined, scale: type === 'decimal' ? current.scale : undefined, choices: current.choices };
    const conversion = fieldConversion(published, to);
    if (!conversion) return { type, offered: false, note: `No safe conversion from ${fieldTypeLabel(published.type).toLowerCase()}: add a new field and move the data instead` };
    return { type, offered: true, note: conversion.why ? `Checked on publish: records whose values ${conversion.why} stop it` : 'Every value converts' };
  });
}

/**
 * What the publish checks when a published field keeps its type but its column changes (a shorter maximum
 * length, fewer decimal places, other choices), as the DDL planner decides it; null when nothing is checked.
 */
export function columnChangeNote(published: FieldDoc | null, current: FieldDoc): string | null {
  if (!published || published.type !== current.type) return null;
  const changed =
    (current.type === 'string' && (published.maxLength ?? 255) !== (current.maxLength ?? 255)) ||
    (current.type === 'decimal' && (published.scale ?? 2) !== (current.scale ?? 2)) ||
    ((current.type === 'choice' || current.type === 'multi_choice') && JSON.stringify(published.choices) !== JSON.stringify(current.choices));
  if (!changed) return null;
  const conversion = fieldConversion(published, current);
  return conversion?.why ? `Checked on publish: records whose values ${conversion.why} stop it` : null;
}
