import { NumberInput, Select, TextInput } from '@mantine/core';
import { isDynamic, type ConditionValue } from '../../../schema/condition/index.js';
import { UnreachableCaseError } from '../../../schema/metadata/index.js';
import { useBuilderContext } from './builder-context.js';
import { rowErrorStyles } from './row-error-styles.js';
import type { TestableField } from './field-path.js';

export interface LiteralEditorProps {
  field: TestableField | undefined;
  value: ConditionValue | undefined;
  label: string;
  error: string | undefined;
  onChange: (value: ConditionValue | undefined) => void;
}

/** The value as text for an input; lists and dynamic values have editors of their own. */
function textOf(value: ConditionValue | undefined): string {
  if (value === undefined || value === null || isDynamic(value) || Array.isArray(value)) return '';
  return String(value);
}

/** `2026-01-31T09:00` in the browser's zone, as a datetime-local input shows an instant. */
function localInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Choices as options; a stored value that is no longer a choice stays visible, so its problem can be seen. */
export function choiceOptions(field: TestableField, values: readonly string[]): { value: string; label: string }[] {
  const data = (field.choices ?? []).map((c) => ({ value: c.value, label: c.label }));
  for (const v of values) if (!data.some((d) => d.value === v)) data.push({ value: v, label: `${v} (not a choice)` });
  return data;
}

/** One value, edited as its field's type asks (a select of choices, a number, a date…). */
export function LiteralValueEditor({ field, value, label, error, onChange }: LiteralEditorProps) {
  const { readOnly } = useBuilderContext();
  const common = { 'aria-label': label, error, readOnly, w: 200, styles: rowErrorStyles };
  const text = textOf(value);
  const fromText = (t: string) => onChange(t === '' ? undefined : t);
  const type = field?.type ?? 'string';
  switch (type) {
    case 'choice':
    case 'multi_choice':
      return (
        <Select {...common} data={choiceOptions(field!, text ? [text] : [])} value={text || null} searchable placeholder="Choose…" onChange={(v) => onChange(v ?? undefined)} />
      );
    case 'boolean':
      return (
        <Select
          {...common}
          data={[
            { value: 'true', label: 'True' },
            { value: 'false', label: 'False' },
          ]}
          value={typeof value === 'boolean' ? String(value) : null}
          placeholder="Choose…"
          onChange={(v) => onChange(v === null ? undefined : v === 'true')}
        />
      );
    case 'integer':
    case 'decimal':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          allowDecimal={type === 'decimal'}
          placeholder={type === 'integer' ? 'A whole number' : 'A number'}
          onChange={(v) => onChange(v === '' ? undefined : type === 'integer' && typeof v === 'number' ? v : String(v))}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => fromText(e.currentTarget.value)} />;
    case 'datetime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={text ? localInput(text) : ''}
          onChange={(e) => {
            const local = e.currentTarget.value;
            const d = new Date(local);
            onChange(local === '' ? undefined : Number.isNaN(d.getTime()) ? local : d.toISOString());
          }}
        />
      );
    case 'duration':
      return <TextInput {...common} value={text} placeholder="P1DT2H30M" onChange={(e) => fromText(e.currentTarget.value.toUpperCase())} />;
    case 'reference':
      return <TextInput {...common} value={text} inputMode="numeric" placeholder="Record id, e.g. 42" onChange={(e) => fromText(e.currentTarget.value.trim())} />;
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'json':
      return <TextInput {...common} value={text} placeholder="Text" onChange={(e) => fromText(e.currentTarget.value)} />;
    default:
      throw new UnreachableCaseError(type);
  }
}
