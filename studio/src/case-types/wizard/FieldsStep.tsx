import { Button, Group, Stack, Text } from '@mantine/core';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { StepProps } from './BasicsStep.js';
import { fieldProblems } from './field-problems.js';
import { SortableFieldRow } from './SortableFieldRow.js';
import { addField, moveField, removeField, updateField } from './wizard-reducers.js';

/** Step 2: the case's own fields, in the order they are declared; dragged by the handle or with the keyboard. */
export function FieldsStep({ state, update, snapshot, inherited }: StepProps & { inherited: readonly string[] }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const recordTypes = useMemo(
    () =>
      Object.values(snapshot.recordTypes)
        .filter((t) => !t.archived)
        .map((t) => ({ value: t.name, label: `${t.label} (${t.name})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [snapshot],
  );
  const errors = fieldProblems(state.fields, inherited);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) update((s) => moveField(s, String(active.id), String(over.id)));
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Every case already has a short description, description, state, priority and assignment. Add what this kind of case needs; drag the handle (or focus it and press Space, then the arrow keys) to
        reorder.
      </Text>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ screenReaderInstructions: { draggable: 'To reorder a field, press Space, move it with the up and down arrow keys, and press Space again to drop it. Escape cancels.' } }}
      >
        <SortableContext items={state.fields.map((f) => f.key)} strategy={verticalListSortingStrategy}>
          <Stack gap="xs" role="list" aria-label="Fields">
            {state.fields.map((field) => (
              <div role="listitem" key={field.key}>
                <SortableFieldRow
                  field={field}
                  recordTypes={recordTypes}
                  errors={errors[field.key] ?? {}}
                  onChange={(patch) => update((s) => updateField(s, field.key, patch))}
                  onRemove={() => update((s) => removeField(s, field.key))}
                />
              </div>
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
      {state.fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No fields of its own yet.
        </Text>
      )}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => update((s) => addField(s))}>
          Add field
        </Button>
      </Group>
    </Stack>
  );
}
