import { Stack, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { FormDoc } from '../../../schema/form/index.js';
import type { ModelField } from '../../../schema/metadata/index.js';
import { dragId } from './drop-target.js';
import type { FieldPlace } from './layout-ops.js';
import { LayoutFieldItem } from './LayoutFieldItem.js';

export interface LayoutColumnProps {
  form: FormDoc;
  section: number;
  column: number;
  fields: Map<string, ModelField>;
  readOnly?: boolean;
  onShift: (field: string, delta: -1 | 1) => void;
  onMoveTo: (field: string, to: FieldPlace) => void;
  onRemove: (field: string) => void;
}

/** One column of a section: a drop target (its end) and a sortable list of its fields, top to bottom. */
export function LayoutColumn({ form, section, column, fields, readOnly, onShift, onMoveTo, onRemove }: LayoutColumnProps) {
  const items = form.sections[section].columns[column];
  const { setNodeRef, isOver } = useDroppable({ id: dragId.column(section, column), disabled: readOnly });
  return (
    <Stack
      ref={setNodeRef}
      gap={6}
      p={6}
      mih={72}
      role="list"
      aria-label={`Column ${column + 1} of ${form.sections[section].label ?? `section ${section + 1}`}`}
      data-column={`${section}:${column}`}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        border: `1px dashed ${isOver ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)'}`,
        background: isOver ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
      }}
    >
      <SortableContext items={items.map(dragId.field)} strategy={verticalListSortingStrategy}>
        {items.map((name, index) => (
          <div role="listitem" key={name}>
            <LayoutFieldItem
              form={form}
              name={name}
              field={fields.get(name)}
              place={{ section, column, index }}
              readOnly={readOnly}
              onShift={(delta) => onShift(name, delta)}
              onMoveTo={(to) => onMoveTo(name, to)}
              onRemove={() => onRemove(name)}
            />
          </div>
        ))}
      </SortableContext>
      {items.length === 0 && (
        <Text size="xs" c="dimmed" ta="center" py="sm">
          Drop fields here
        </Text>
      )}
    </Stack>
  );
}
