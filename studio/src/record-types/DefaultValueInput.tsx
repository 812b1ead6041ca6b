import { MultiSelect, NumberInput, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { UnreachableCaseError, type FieldDoc } from '../../../schema/metadata/index.js';

export interface DefaultValueInputProps {
  field: FieldDoc;
  onChange: (value: unknown) => void;
  readOnly: boolean;
  /** The shared validator's verdict on the default (`defaultProblem`). */
  error?: string | null;
}

/** The default of a field, with the control its type takes; empty means no default. */
export function DefaultValueInput({ field, onChange, readOnly, error }: DefaultValueInputProps) {
  const v = field.default;
  const label = 'Default';
  const text = (placeholder?: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      placeholder={placeholder}
      readOnly={readOnly}
      value={typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v)}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
    />
  );
  if (field.auto)
    return (
      <Text size="sm" c="dimmed">
        Set by the server when a record is created (auto: {field.auto}); it takes no default.
      </Text>
    );
  switch (field.type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
      return text();
    case 'date':
      return text('YYYY-MM-DD', 'A date, or "now" for the day of the create');
    case 'datetime':
      return text('2026-01-31T09:00:00Z', 'A time with its offset, or "now" for the time of the create');
    case 'duration':
      return text('PT4H', 'An ISO 8601 duration, e.g. PT4H or P1DT2H');
    case 'integer':
    case 'decimal':
      return (
        <NumberInput
          label={label}
          readOnly={readOnly}
          allowDecimal={field.type === 'decimal'}
          value={typeof v === 'number' || typeof v === 'string' ? v : ''}
          error={error}
          onChange={(value) => onChange(value === '' ? undefined : typeof value === 'number' ? value : Number(value))}
        />
      );
    case 'boolean':
      return (
        <Select
          label={label}
          readOnly={readOnly}
          value={v === true ? 'true' : v === false ? 'false' : ''}
          error={error}
          allowDeselect={false}
          data={[
            { value: '', label: 'No default' },
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
          onChange={(value) => onChange(value === 'true' ? true : value === 'false' ? false : undefined)}
        />
      );
    case 'choice':
      return (
        <Select
          label={label}
          readOnly={readOnly}
          clearable
          value={typeof v === 'string' ? v : null}
          error={error}
          data={uniqueChoices(field)}
          onChange={(value) => onChange(value ?? undefined)}
        />
      );
    case 'multi_choice':
      return (
        <MultiSelect
          label={label}
          readOnly={readOnly}
          clearable
          value={Array.isArray(v) ? (v as string[]) : []}
          error={error}
          data={uniqueChoices(field)}
          onChange={(value) => onChange(value.length ? value : undefined)}
        />
      );
    case 'reference':
      return (
        <Text size="sm" c="dimmed">
          A reference takes no default here; set one with a flow or a UI policy.
        </Text>
      );
    case 'json':
      return <JsonDefault value={v} onChange={onChange} readOnly={readOnly} error={error} />;
    default:
      throw new UnreachableCaseError(field.type);
  }
}

function uniqueChoices(field: FieldDoc) {
  const seen = new Set<string>();
  return (field.choices ?? []).filter((c) => c.value && !seen.has(c.value) && seen.add(c.value)).map((c) => ({ value: c.value, label: c.label || c.value }));
}

/** JSON is edited as text and kept only when it parses; until then the text stays with an inline message. */
function JsonDefault({ value, onChange, readOnly, error }: { value: unknown; onChange: (v: unknown) => void; readOnly: boolean; error?: string | null }) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <Textarea
      label="Default"
      readOnly={readOnly}
      autosize
      minRows={2}
      value={text}
      error={parseError ?? error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (next.trim() === '') {
          setParseError(null);
          onChange(undefined);
          return;
        }
        try {
          onChange(JSON.parse(next));
          setParseError(null);
        } catch {
          setParseError('Not valid JSON yet: the default is kept as it was');
        }
      }}
    />
  );
}
