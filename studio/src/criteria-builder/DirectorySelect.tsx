import { Group, MultiSelect, Text } from '@mantine/core';
import { useMemo } from 'react';
import { withChosen, type DirectoryOption } from './use-directory.js';

export interface DirectorySelectProps {
  label: string;
  description?: string;
  options: readonly DirectoryOption[] | null;
  value: readonly string[];
  onChange: (next: string[]) => void;
  readOnly?: boolean;
  /** e.g. "group", for the not-found message. */
  noun: string;
  /** The options are every such name there is: a chosen name outside them is flagged as matching nobody. */
  complete?: boolean;
}

/** A searchable multi-select of directory names; names the directory lacks stay listed and are called out. */
export function DirectorySelect({ label, description, options, value, onChange, readOnly, noun, complete = false }: DirectorySelectProps) {
  const { options: data, unknown } = useMemo(() => withChosen(options ?? [], value), [options, value]);
  const hints = useMemo(() => new Map(data.map((o) => [o.value, o.hint])), [data]);
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={readOnly ? undefined : value.length ? undefined : `Any ${noun}`}
      data={data.map((o) => ({ value: o.value, label: o.label }))}
      value={[...value]}
      onChange={onChange}
      searchable
      clearable={!readOnly}
      readOnly={readOnly}
      hidePickedOptions
      nothingFoundMessage={options ? `No ${noun} by that name` : 'Loading…'}
      renderOption={({ option }) => (
        <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
          <Text size="sm">{option.label}</Text>
          {hints.get(option.value) && (
            <Text size="xs" c="dimmed" truncate maw={220}>
              {hints.get(option.value)}
            </Text>
          )}
        </Group>
      )}
      error={options && complete && unknown.length ? `No ${noun} named ${unknown.map((u) => `"${u}"`).join(', ')}: it matches nobody` : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
