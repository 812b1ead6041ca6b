import { Button, Paper, Stack, Text } from '@mantine/core';
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { FormDoc } from '../../../schema/form/index.js';
import type { ModelType } from '../../../schema/metadata/index.js';
import { fieldOfDragId, resolveDrop } from './drop-target.js';
import { FieldPalette } from './FieldPalette.js';
import { addSection, paletteFields, placeField, removeField, removeSection, renameSection, setColumnCount, shiftField, shiftSection } from './layout-ops.js';
import { LayoutSectionCard } from './LayoutSectionCard.js';

export interface FormLayoutEditorProps {
  form: FormDoc;
  type: ModelType;
  onChange: (next: (prev: FormDoc) => FormDoc) => void;
  readOnly?: boolean;
}

// The pointer decides where a mouse drop lands (a field's box, else the column under it); the keyboard, which moves
// no pointer, goes by the nearest centre.
const collisions: CollisionDetection = (args) => {
  if (!args.pointerCoordinates) return closestCenter(args);
  const within = pointerWithin(args);
  if (within.length) {
    // Prefer a field over the column that contains it.
    const field = within.find((c) => String(c.id).startsWith('field:'));
    return field ? [field] : within;
  }
  return rectIntersection(args);
};

/**
 * The layout canvas: the palette of fields not yet on the form, and the sections with their columns. Fields move
 * by drag and drop (pointer or dnd-kit's keyboard sensor) or through their menus; sections through their buttons.
 */
export function FormLayoutEditor({ form, type, onChange, readOnly }: FormLayoutEditorProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const [dragging, setDragging] = useState<string | null>(null);
  const fields = useMemo(() => new Map(type.fields.map((f) => [f.name, f])), [type]);
  const palette = paletteFields(form, type).map((n) => fields.get(n)!);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    onChange((prev) => resolveDrop(prev, String(active.id), over ? String(over.id) : null));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={({ active }) => setDragging(fieldOfDragId(String(active.id)))}
      onDragCancel={() => setDragging(null)}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${label(fields, active.id)}.`,
          onDragOver: ({ active, over }) => (over ? `${label(fields, active.id)} is over ${describe(fields, String(over.id))}.` : `${label(fields, active.id)} is over nothing.`),
          onDragEnd: ({ active, over }) => (over ? `${label(fields, active.id)} was dropped on ${describe(fields, String(over.id))}.` : `${label(fields, active.id)} was dropped nowhere.`),
          onDragCancel: ({ active }) => `Moving ${label(fields, active.id)} was cancelled.`,
        },
      }}
    >
      <Stack gap="sm">
        <FieldPalette form={form} fields={palette} readOnly={readOnly} onAdd={(field, to) => onChange((prev) => placeField(prev, field, to))} />
        {form.sections.map((_, s) => (
          <LayoutSectionCard
            key={s}
            form={form}
            section={s}
            fields={fields}
            readOnly={readOnly}
            onRename={(labelText) => onChange((prev) => renameSection(prev, s, labelText))}
            onColumns={(count) => onChange((prev) => setColumnCount(prev, s, count))}
            onShiftSection={(delta) => onChange((prev) => shiftSection(prev, s, delta))}
            onRemoveSection={() => onChange((prev) => removeSection(prev, s))}
            onShiftField={(field, delta) => onChange((prev) => shiftField(prev, field, delta))}
            onMoveField={(field, to) => onChange((prev) => placeField(prev, field, to))}
            onRemoveField={(field) => onChange((prev) => removeField(prev, field))}
          />
        ))}
        {!readOnly && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => onChange((prev) => addSection(prev, `Section ${prev.sections.length + 1}`))} style={{ alignSelf: 'flex-start' }}>
            Add section
          </Button>
        )}
      </Stack>
      <DragOverlay>
        {dragging ? (
          <Paper withBorder shadow="md" radius="sm" px="sm" py={4}>
            <Text size="sm">{fields.get(dragging)?.label ?? dragging}</Text>
          </Paper>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function label(fields: Map<string, { label: string }>, id: string | number): string {
  const name = fieldOfDragId(String(id));
  return name ? (fields.get(name)?.label ?? name) : String(id);
}

function describe(fields: Map<string, { label: string }>, overId: string): string {
  if (overId === 'palette') return 'the palette (off the form)';
  const column = /^column:(\d+):(\d+)$/.exec(overId);
  if (column) return `column ${Number(column[2]) + 1} of section ${Number(column[1]) + 1}`;
  return label(fields, overId);
}
