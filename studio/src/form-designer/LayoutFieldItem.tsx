import { ActionIcon, Badge, Group, Menu, Paper, Text } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconColumns, IconDots, IconGripVertical, IconLayoutRows, IconTrash } from '@tabler/icons-react';
import type { FormDoc } from '../../../schema/form/index.js';
import type { ModelField } from '../../../schema/metadata/index.js';
import { dragId } from './drop-target.js';
import type { FieldPlace } from './layout-ops.js';

export interface LayoutFieldItemProps {
  form: FormDoc;
  field: ModelField | undefined;
  name: string;
  place: FieldPlace;
  readOnly?: boolean;
  onShift: (delta: -1 | 1) => void;
  onMoveTo: (to: FieldPlace) => void;
  onRemove: () => void;
}

const sectionName = (form: FormDoc, s: number) => form.sections[s].label ?? `Section ${s + 1}`;

/**
 * A field on the layout: dragged by its handle (pointer, or keyboard: focus the handle, Space, arrows, Space), and
 * with a menu that does the same without dragging — up, down, to another column or section, back to the palette.
 */
export function LayoutFieldItem({ form, field, name, place, readOnly, onShift, onMoveTo, onRemove }: LayoutFieldItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: dragId.field(name), disabled: readOnly });
  const label = field?.label ?? name;
  const column = form.sections[place.section].columns[place.column];
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="sm"
      px={6}
      py={4}
      data-layout-field={name}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : 1, background: 'var(--mantine-color-body)' }}
    >
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          {!readOnly && (
            <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" size="sm" aria-label={`Drag ${label}`} style={{ cursor: 'grab' }} {...attributes} {...listeners}>
              <IconGripVertical size={14} />
            </ActionIcon>
          )}
          <Text size="sm" truncate title={name}>
            {label}
          </Text>
          {field?.required && (
            <Badge size="xs" variant="light" color="gray">
              required
            </Badge>
          )}
          {!field && (
            <Badge size="xs" variant="light" color="red">
              unknown
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for ${label}`}>
                <IconDots size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconArrowUp size={14} />} disabled={place.index === 0} onClick={() => onShift(-1)}>
                Move up
              </Menu.Item>
              <Menu.Item leftSection={<IconArrowDown size={14} />} disabled={place.index === column.length - 1} onClick={() => onShift(1)}>
                Move down
              </Menu.Item>
              {form.sections[place.section].columns.length > 1 && <Menu.Label>Move to column</Menu.Label>}
              {form.sections[place.section].columns.map((items, c) =>
                c === place.column ? null : (
                  <Menu.Item key={c} leftSection={<IconColumns size={14} />} onClick={() => onMoveTo({ section: place.section, column: c, index: items.length })}>
                    Column {c + 1}
                  </Menu.Item>
                ),
              )}
              {form.sections.length > 1 && <Menu.Label>Move to section</Menu.Label>}
              {form.sections.map((section, s) =>
                s === place.section ? null : (
                  <Menu.Item key={s} leftSection={<IconLayoutRows size={14} />} onClick={() => onMoveTo({ section: s, column: 0, index: section.columns[0].length })}>
                    {sectionName(form, s)}
                  </Menu.Item>
                ),
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onRemove}>
                Remove from form
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}
