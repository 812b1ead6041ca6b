import { ActionIcon, Group, Select, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconChevronRight } from '@tabler/icons-react';
import { useBuilderContext } from './builder-context.js';
import { rowErrorStyles } from './row-error-styles.js';
import { canFollow, firstField, resolvePath, testableFields } from './field-path.js';

export interface FieldPathPickerProps {
  path: string;
  /** The row's number, for labels: "Field of condition 2", "Field of condition 2, step 2". */
  n: number;
  error: string | undefined;
  onChange: (path: string) => void;
}

/**
 * The field of a test, one select per step of the path: a reference can be followed ("Caller › Account") and
 * the next field chosen from the type it points at.
 */
export function FieldPathPicker({ path, n, error, onChange }: FieldPathPickerProps) {
  const { model, recordType, readOnly } = useBuilderContext();
  const segments = resolvePath(model, recordType, path);
  const names = segments.map((s) => s.name);
  const last = segments[segments.length - 1];
  const followable = canFollow(model, last.field);

  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      {segments.map((segment, i) => {
        const isLast = i === segments.length - 1;
        const fields = segment.on ? (isLast ? testableFields(segment.on) : segment.on.activeFields) : [];
        const data = fields.map((f) => ({ value: f.name, label: f.label }));
        if (!data.some((d) => d.value === segment.name)) data.unshift({ value: segment.name, label: segment.name || '(none)' });
        return (
          <Group key={i} gap={4} align="flex-start" wrap="nowrap">
            {i > 0 && (
              <Text c="dimmed" size="sm" mt={6} aria-hidden>
                ›
              </Text>
            )}
            <Select
              aria-label={i === 0 ? `Field of condition ${n}` : `Field of condition ${n}, step ${i + 1}`}
              data={data}
              value={segment.name}
              searchable
              selectFirstOptionOnChange
              // Typing replaces the shown label instead of appending to it.
              onFocus={(e) => e.currentTarget.select()}
              allowDeselect={false}
              readOnly={readOnly}
              w={170}
              nothingFoundMessage="No field of that name"
              error={isLast ? error : undefined}
              styles={rowErrorStyles}
              onChange={(name) => name !== null && onChange([...names.slice(0, i), name].join('.'))}
            />
          </Group>
        );
      })}
      {!readOnly && segments.length > 1 && (
        <Tooltip label="Back one step">
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove last step of condition ${n}`} onClick={() => onChange(names.slice(0, -1).join('.'))}>
            <IconArrowBackUp size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      {!readOnly && followable && (
        <Tooltip label={`Choose a field of ${last.field!.label}`}>
          <ActionIcon
            variant="light"
            size="lg"
            aria-label={`Follow reference of condition ${n}`}
            onClick={() => onChange([...names, firstField(model.types.get(last.field!.reference!)!).name].join('.'))}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
