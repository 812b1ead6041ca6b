import { MultiSelect, TagsInput } from '@mantine/core';
import type { ConditionValue } from '../../../schema/condition/index.js';
import { useBuilderContext } from './builder-context.js';
import { rowErrorStyles } from './row-error-styles.js';
import { choiceOptions, type LiteralEditorProps } from './LiteralValueEditor.js';

function listOf(value: ConditionValue | undefined): (string | number | boolean | null)[] {
  return Array.isArray(value) ? value : [];
}

/** A list of values for in / not_in: a multi-select of choices, else values typed as tags (record ids, numbers…). */
export function LiteralListEditor({ field, value, label, error, onChange }: LiteralEditorProps) {
  const { readOnly } = useBuilderContext();
  const items = listOf(value);
  const common = { 'aria-label': label, error, readOnly, miw: 200, maw: 360, styles: rowErrorStyles };
  const emit = (next: (string | number | boolean)[]) => onChange(next.length ? next : undefined);
  if (field?.type === 'choice') {
    const selected = items.filter((v): v is string => typeof v === 'string');
    return <MultiSelect {...common} data={choiceOptions(field, selected)} value={selected} searchable placeholder={selected.length ? undefined : 'Choose…'} onChange={emit} />;
  }
  if (field?.type === 'boolean') {
    return (
      <MultiSelect
        {...common}
        data={[
          { value: 'true', label: 'True' },
          { value: 'false', label: 'False' },
        ]}
        value={items.map(String)}
        onChange={(next) => emit(next.map((v) => v === 'true'))}
      />
    );
  }
  const numeric = field?.type === 'integer';
  const placeholder = field?.type === 'reference' ? 'Record ids, Enter after each' : 'Values, Enter after each';
  return (
    <TagsInput
      {...common}
      value={items.filter((v) => v !== null).map(String)}
      placeholder={items.length ? undefined : placeholder}
      onChange={(next) => emit(next.map((t) => (numeric && /^[+-]?\d{1,15}$/.test(t.trim()) ? Number(t.trim()) : t.trim())))}
    />
  );
}
