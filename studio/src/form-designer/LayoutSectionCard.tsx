import { ActionIcon, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { FormDoc } from '../../../schema/form/index.js';
import type { ModelField } from '../../../schema/metadata/index.js';
import { MAX_COLUMNS, type FieldPlace } from './layout-ops.js';
import { LayoutColumn } from './LayoutColumn.js';

export interface LayoutSectionCardProps {
  form: FormDoc;
  section: number;
  fields: Map<string, ModelField>;
  readOnly?: boolean;
  onRename: (label: string) => void;
  onColumns: (count: number) => void;
  onShiftSection: (delta: -1 | 1) => void;
  onRemoveSection: () => void;
  onShiftField: (field: string, delta: -1 | 1) => void;
  onMoveField: (field: string, to: FieldPlace) => void;
  onRemoveField: (field: string) => void;
}

/** A section of the layout: its label, its number of columns, its place among the sections, and its columns. */
export function LayoutSectionCard(props: LayoutSectionCardProps) {
  const { form, section, fields, readOnly } = props;
  const doc = form.sections[section];
  const name = doc.label ?? `Section ${section + 1}`;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={`Section ${name}`}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            size="xs"
            label={`Label of section ${section + 1}`}
            placeholder="No label (shown without a heading)"
            value={doc.label ?? ''}
            readOnly={readOnly}
            onChange={(e) => props.onRename(e.currentTarget.value)}
          />
          <NativeSelect
            size="xs"
            w={110}
            label="Columns"
            aria-label={`Columns of section ${section + 1}`}
            disabled={readOnly}
            value={String(doc.columns.length)}
            data={Array.from({ length: MAX_COLUMNS }, (_, i) => String(i + 1))}
            onChange={(e) => props.onColumns(Number(e.currentTarget.value))}
          />
          {!readOnly && (
            <Group gap={2} wrap="nowrap" pb={2}>
              <Tooltip label="Move section up">
                <ActionIcon variant="subtle" color="gray" aria-label={`Move section ${name} up`} disabled={section === 0} onClick={() => props.onShiftSection(-1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move section down">
                <ActionIcon variant="subtle" color="gray" aria-label={`Move section ${name} down`} disabled={section === form.sections.length - 1} onClick={() => props.onShiftSection(1)}>
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={form.sections.length === 1 ? 'A form keeps at least one section' : 'Remove section (its fields go back to the palette)'}>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove section ${name}`} disabled={form.sections.length === 1} onClick={props.onRemoveSection}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Group>
        <SimpleGrid cols={doc.columns.length} spacing="xs">
          {doc.columns.map((_, c) => (
            <LayoutColumn
              key={c}
              form={form}
              section={section}
              column={c}
              fields={fields}
              readOnly={readOnly}
              onShift={props.onShiftField}
              onMoveTo={props.onMoveField}
              onRemove={props.onRemoveField}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
