import { ActionIcon, Group, Paper, Text } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowLeft, IconArrowRight, IconGripVertical } from '@tabler/icons-react';

/** A field on the form board: dragged anywhere on the card, or moved to the other column with its button. */
export function FormBoardItem({ id, label, name, column, onMoveColumn }: { id: string; label: string; name: string; column: 0 | 1; onMoveColumn: () => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      px="sm"
      py={6}
      shadow={isDragging ? 'md' : 'xs'}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.85 : 1, position: 'relative', zIndex: isDragging ? 2 : undefined }}
      data-testid={`form-item-${name}`}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap" {...attributes} {...listeners} aria-label={`Drag ${label} on the form`} role="button" style={{ cursor: 'grab', touchAction: 'none', flex: 1 }}>
          <IconGripVertical size={16} color="var(--mantine-color-gray-6)" aria-hidden />
          <div>
            <Text size="sm" fw={500}>
              {label}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {name}
            </Text>
          </div>
        </Group>
        <ActionIcon variant="subtle" color="gray" aria-label={`Move ${label} to column ${column === 0 ? 2 : 1}`} onClick={onMoveColumn}>
          {column === 0 ? <IconArrowRight size={16} /> : <IconArrowLeft size={16} />}
        </ActionIcon>
      </Group>
    </Paper>
  );
}
