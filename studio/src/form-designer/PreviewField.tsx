import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { FieldUiState } from '../../../schema/form/index.js';
import { UnreachableCaseError, type ModelField } from '../../../schema/metadata/index.js';

export interface PreviewFieldProps {
  field: ModelField;
  state: FieldUiState;
  /** The value in stored form (a choice's value, a number, an ISO date …). */
  value: unknown;
  onChange: (value: unknown) => void;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const orNull = (value: string) => (value === '' ? null : value);

/**
 * One field of the preview as an agent's form shows it: the input its type calls for, marked mandatory (*) and
 * locked when read-only. A value typed here is kept in stored form, so the UI policies read it as the server would.
 */
export function PreviewField({ field, state, value, onChange }: PreviewFieldProps) {
  const common = {
    label: field.label,
    description: field.help,
    required: state.mandatory,
    readOnly: state.readOnly,
    rightSection: state.readOnly ? <IconLock size={14} aria-label="Read-only" /> : undefined,
    'data-field': field.name,
  };
  const choices = (field.enumChoices ?? field.choices ?? []).map((c) => ({ value: c.value, label: c.label }));
  switch (field.type) {
    case 'string':
    case 'email':
    case 'url':
    case 'duration':
    case 'reference':
      return (
        <TextInput
          {...common}
          placeholder={field.type === 'reference' ? 'Record id' : field.type === 'duration' ? 'e.g. PT2H' : undefined}
          value={text(value)}
          onChange={(e) => onChange(orNull(e.currentTarget.value))}
        />
      );
    case 'text':
    case 'json':
      return <Textarea {...common} autosize minRows={2} maxRows={6} value={text(value)} onChange={(e) => onChange(orNull(e.currentTarget.value))} />;
    case 'integer':
    case 'decimal':
      return (
        <NumberInput
          {...common}
          allowDecimal={field.type === 'decimal'}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
        />
      );
    case 'boolean':
      return <Checkbox label={field.label} description={field.help} disabled={state.readOnly} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} data-field={field.name} />;
    case 'date':
    case 'datetime':
      return (
        <TextInput
          {...common}
          type={field.type === 'date' ? 'date' : 'datetime-local'}
          value={field.type === 'date' ? text(value) : text(value).slice(0, 16)}
          onChange={(e) => onChange(orNull(field.type === 'date' ? e.currentTarget.value : e.currentTarget.value && new Date(e.currentTarget.value).toISOString()))}
        />
      );
    case 'choice':
      return <Select {...common} data={choices} clearable={!state.readOnly} value={value === null || value === undefined ? null : String(value)} onChange={(v) => onChange(v)} />;
    case 'multi_choice':
      return <MultiSelect {...common} data={choices} value={Array.isArray(value) ? (value as string[]) : []} onChange={(v) => onChange(v)} />;
    default:
      throw new UnreachableCaseError(field.type);
  }
}
