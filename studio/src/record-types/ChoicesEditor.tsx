import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ChoiceDoc } from '../../../schema/metadata/index.js';
import { freeChoiceValue, moveChoice } from './field-edits.js';

export interface ChoicesEditorProps {
  choices: readonly ChoiceDoc[];
  onChange: (choices: ChoiceDoc[]) => void;
  readOnly: boolean;
  error?: string | null;
}

/**
 * The values of a choice field, in the order forms list them: edit value and label, add, remove, reorder by
 * dragging the handle or from the keyboard (focus the handle, Space to pick up, arrows to move, Space to drop).
 */
export function ChoicesEditor({ choices, onChange, readOnly, error }: ChoicesEditorProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = choices.map((_, i) => `choice-${i}`);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(moveChoice(choices, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  const set = (index: number, patch: Partial<ChoiceDoc>) => onChange(choices.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <Stack gap={6} role="group" aria-label="Choices">
      <Text size="sm" fw={500}>
        Choices
      </Text>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: 'To reorder a choice, press Space on its handle, move it with the arrow keys, and press Space again to drop it.' },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          {choices.map((c, i) => (
            <ChoiceRow key={ids[i]} id={ids[i]} index={i} choice={c} readOnly={readOnly} onChange={(patch) => set(i, patch)} onRemove={() => onChange(choices.filter((_, j) => j !== i))} />
          ))}
        </SortableContext>
      </DndContext>
      {error && (
        <Text size="xs" c="red.8">
          {error}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              const value = freeChoiceValue(choices);
              onChange([...choices, { value, label: `Option ${value.replace('option_', '')}` }]);
            }}
          >
            Add choice
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface ChoiceRowProps {
  id: string;
  index: number;
  choice: ChoiceDoc;
  readOnly: boolean;
  onChange: (patch: Partial<ChoiceDoc>) => void;
  onRemove: () => void;
}

function ChoiceRow({ id, index, choice, readOnly, onChange, onRemove }: ChoiceRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled: readOnly });
  const shown = choice.label || choice.value || `choice ${index + 1}`;
  return (
    <Group ref={setNodeRef} gap={6} wrap="nowrap" data-choice={choice.value} style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}>
      <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" aria-label={`Reorder ${shown}`} disabled={readOnly} style={{ cursor: 'grab' }} {...attributes} {...listeners}>
        <IconGripVertical size={16} />
      </ActionIcon>
      <TextInput
        size="xs"
        aria-label={`Value of ${shown}`}
        readOnly={readOnly}
        value={choice.value}
        onChange={(e) => onChange({ value: e.currentTarget.value })}
        style={{ flex: 1 }}
      />
      <TextInput size="xs" aria-label={`Label of ${shown}`} readOnly={readOnly} value={choice.label} onChange={(e) => onChange({ label: e.currentTarget.value })} style={{ flex: 1 }} />
      {!readOnly && (
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${shown}`} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}
