import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { closestCorners, DndContext, KeyboardSensor, PointerSensor, useDroppable, useSensor, useSensors, type DragEndEvent, type DragOverEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect } from 'react';
import type { StepProps } from './BasicsStep.js';
import { FormBoardItem } from './FormBoardItem.js';
import { placeOnForm, reconcileLayout } from './wizard-reducers.js';
import { BASE_FORM_FIELDS, type WizardState } from './wizard-state.js';

const COLUMN_IDS = ['column-1', 'column-2'] as const;

function columnOf(layout: WizardState['layout'], id: string): 0 | 1 | null {
  if (id === COLUMN_IDS[0] || layout[0].includes(id)) return 0;
  if (id === COLUMN_IDS[1] || layout[1].includes(id)) return 1;
  return null;
}

/** Step 3: the form, one section of two columns; fields are dragged between and within the columns. */
export function FormStep({ state, update }: StepProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  // Fields added or removed in step 2 since the board was last laid out.
  useEffect(() => {
    const next = reconcileLayout(state);
    if (JSON.stringify(next) !== JSON.stringify(state.layout)) update((s) => ({ ...s, layout: reconcileLayout(s) }));
  }, [state, update]);

  const labelOf = (item: string) => {
    const f = state.fields.find((x) => x.key === item);
    if (f) return { label: f.label || f.name, name: f.name };
    const base = BASE_FORM_FIELDS.find((b) => b.name === item);
    return { label: base?.label ?? item, name: item };
  };
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const from = columnOf(state.layout, String(active.id));
    const to = columnOf(state.layout, String(over.id));
    if (from === null || to === null || from === to) return;
    const index = COLUMN_IDS.includes(String(over.id) as (typeof COLUMN_IDS)[number]) ? state.layout[to].length : state.layout[to].indexOf(String(over.id));
    update((s) => placeOnForm(s, String(active.id), to, index));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = columnOf(state.layout, String(active.id));
    const to = columnOf(state.layout, String(over.id));
    if (from === null || from !== to || COLUMN_IDS.includes(String(over.id) as (typeof COLUMN_IDS)[number])) return;
    update((s) => placeOnForm(s, String(active.id), to, s.layout[to].indexOf(String(over.id))));
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Drag fields between the two columns and up or down; or focus a field, press Space and use the arrow keys. The arrow button moves a field to the other column.
      </Text>
      <DndContext sensors={sensors} collisionDetection={closestCorners} onDragOver={onDragOver} onDragEnd={onDragEnd}>
        <SimpleGrid cols={2} spacing="md">
          {([0, 1] as const).map((column) => (
            <FormColumn key={column} id={COLUMN_IDS[column]} title={`Column ${column + 1}`} items={state.layout[column]}>
              {state.layout[column].map((item) => {
                const { label, name } = labelOf(item);
                return <FormBoardItem key={item} id={item} label={label} name={name} column={column} onMoveColumn={() => update((s) => placeOnForm(s, item, column === 0 ? 1 : 0, s.layout[column === 0 ? 1 : 0].length))} />;
              })}
            </FormColumn>
          ))}
        </SimpleGrid>
      </DndContext>
    </Stack>
  );
}

function FormColumn({ id, title, items, children }: { id: string; title: string; items: string[]; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <Paper ref={setNodeRef} withBorder p="sm" bg={isOver ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)'} role="region" aria-label={title} data-testid={id} mih={220}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <SortableContext id={id} items={items} strategy={verticalListSortingStrategy}>
        <Stack gap={6} mih={160}>
          {children}
          {items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="xl">
              Drop fields here
            </Text>
          )}
        </Stack>
      </SortableContext>
    </Paper>
  );
}
