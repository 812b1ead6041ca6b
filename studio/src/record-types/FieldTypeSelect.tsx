import { Group, Select, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { FIELD_TYPES, type FieldDoc, type FieldType } from '../../../schema/metadata/index.js';
import { fieldTypeLabel } from './field-type-labels.js';
import { fieldTypeOptions } from './field-type-options.js';

export interface FieldTypeSelectProps {
  field: FieldDoc;
  /** The field as published: its stored data decides which changes are safe. Null: never published. */
  published: FieldDoc | null;
  onChange: (type: FieldType) => void;
  readOnly: boolean;
  error?: string | null;
}

/**
 * The type of a field. A published field is offered only the conversions the publish carries out (the same table
 * the server plans with); the others are listed, disabled, each with why.
 */
export function FieldTypeSelect({ field, published, onChange, readOnly, error }: FieldTypeSelectProps) {
  const options = fieldTypeOptions(published, field);
  const byType = new Map(options.map((o) => [o.type, o]));
  const current = byType.get(field.type);
  const refused = options.filter((o) => !o.offered);
  const description = !published
    ? 'Not published yet: any type (there is no data to convert)'
    : field.type !== published.type
      ? `Converts from ${fieldTypeLabel(published.type).toLowerCase()} on publish. ${current?.note ?? ''}`
      : refused.length
        ? `${options.length - refused.length} of ${options.length} types keep the data; the others are shown disabled`
        : undefined;
  return (
    <Select
      label="Type"
      readOnly={readOnly}
      allowDeselect={false}
      value={field.type}
      error={error ?? (current && !current.offered ? current.note : null)}
      description={description}
      comboboxProps={{ width: 380, position: 'bottom-start' }}
      maxDropdownHeight={360}
      data={FIELD_TYPES.map((t) => ({ value: t, label: fieldTypeLabel(t), disabled: !byType.get(t)?.offered }))}
      onChange={(value) => value && onChange(value as FieldType)}
      renderOption={({ option, checked }) => {
        const o = byType.get(option.value as FieldType);
        return (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              {checked && <IconCheck size={14} aria-hidden />}
              <Text size="sm">{option.label}</Text>
            </Group>
            {o?.note && published && option.value !== published.type && (
              <Text size="xs" c={o.offered ? 'dimmed' : 'red.8'}>
                {o.note}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
