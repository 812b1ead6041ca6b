import { ActionIcon, Group, Menu, Paper, Text } from '@mantine/core';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { IconGripVertical, IconPlus } from '@tabler/icons-react';
import type { FormDoc } from '../../../schema/form/index.js';
import type { ModelField } from '../../../schema/metadata/index.js';
import { dragId } from './drop-target.js';
import type { FieldPlace } from './layout-ops.js';

export interface FieldPaletteProps {
  form: FormDoc;
  /** Fields of the type not on the form yet. */
  fields: ModelField[];
  readOnly?: boolean;
  onAdd: (field: string, to: FieldPlace) => void;
}

/**
 * The type's fields not on the form. Drag one into a column, or use its "Add to" menu; drop a layout field here to
 * take it off the form.
 */
export function FieldPalette({ form, fields, readOnly, onAdd }: FieldPaletteProps) {
  const { setNodeRef, isOver } = useDroppable({ id: dragId.paletteArea, disabled: readOnly });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-label="Field palette"
      style={{ borderStyle: isOver ? 'dashed' : undefined, borderColor: isOver ? 'var(--mantine-color-red-6)' : undefined }}
    >
      <Text fw={600} size="sm" mb={6}>
        Fields not on the form
        <Text span c="dimmed" size="xs" ml={6}>
          drag into a column, or drop a field here to remove it
        </Text>
      </Text>
      {fields.length === 0 ? (
        <Text size="xs" c="dimmed">
          Every field of the type is on the form.
        </Text>
      ) : (
        <Group gap={6} role="list" aria-label="Fields not on the form">
          {fields.map((f) => (
            <PaletteItem key={f.name} form={form} field={f} readOnly={readOnly} onAdd={onAdd} />
          ))}
        </Group>
      )}
    </Paper>
  );
}

function PaletteItem({ form, field, readOnly, onAdd }: { form: FormDoc; field: ModelField; readOnly?: boolean; onAdd: FieldPaletteProps['onAdd'] }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({ id: dragId.palette(field.name), disabled: readOnly });
  return (
    <Paper
      ref={setNodeRef}
      role="listitem"
      withBorder
      radius="xl"
      pl={4}
      pr={4}
      py={2}
      data-palette-field={field.name}
      style={{ transform: CSS.Translate.toString(transform), opacity: isDragging ? 0.4 : 1, background: 'var(--mantine-color-body)' }}
    >
      <Group gap={2} wrap="nowrap">
        {!readOnly && (
          <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" size="xs" aria-label={`Drag ${field.label}`} style={{ cursor: 'grab' }} {...attributes} {...listeners}>
            <IconGripVertical size={12} />
          </ActionIcon>
        )}
        <Text size="xs">{field.label}</Text>
        {!readOnly && (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" size="xs" aria-label={`Add ${field.label} to the form`}>
                <IconPlus size={12} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Add to</Menu.Label>
              {form.sections.flatMap((section, s) =>
                section.columns.map((items, c) => (
                  <Menu.Item key={`${s}:${c}`} onClick={() => onAdd(field.name, { section: s, column: c, index: items.length })}>
                    {section.label ?? `Section ${s + 1}`}
                    {section.columns.length > 1 ? `, column ${c + 1}` : ''}
                  </Menu.Item>
                )),
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}
