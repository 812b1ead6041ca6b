import { ActionIcon, Checkbox, Group, Paper, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconGripVertical, IconTrash } from '@tabler/icons-react';
import { WIZARD_FIELD_TYPES, type WizardField } from './wizard-state.js';

export interface FieldRowProps {
  field: WizardField;
  onChange: (patch: Partial<WizardField>) => void;
  onRemove: () => void;
  recordTypes: { value: string; label: string }[];
  errors: { name?: string; choices?: string; reference?: string };
}

const TYPE_LABELS: Record<(typeof WIZARD_FIELD_TYPES)[number], string> = {
  string: 'Text (one line)',
  text: 'Text (long)',
  integer: 'Whole number',
  decimal: 'Decimal number',
  boolean: 'Yes / no',
  date: 'Date',
  datetime: 'Date and time',
  email: 'E-mail address',
  url: 'Web address',
  choice: 'Choice',
  reference: 'Reference',
};

/** One field of step 2: its properties in a row, a handle that drags it (pointer or keyboard: space, arrows). */
export function SortableFieldRow({ field, onChange, onRemove, recordTypes, errors }: FieldRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: field.key });
  const name = field.label || field.name || 'field';
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="sm"
      shadow={isDragging ? 'md' : undefined}
      style={{ transform: CSS.Transform.toString(transform), transition, position: 'relative', zIndex: isDragging ? 2 : undefined }}
      data-testid={`field-row-${field.name}`}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" mt={26} aria-label={`Drag ${name} to reorder`} style={{ cursor: 'grab', touchAction: 'none' }} {...attributes} {...listeners}>
          <IconGripVertical size={18} />
        </ActionIcon>
        <SimpleGrid cols={4} spacing="sm" style={{ flex: 1 }}>
          <TextInput label="Label" value={field.label} onChange={(e) => onChange({ label: e.currentTarget.value })} error={field.label.trim() ? undefined : 'give the field a label'} />
          <TextInput label="Name" ff="monospace" value={field.name} onChange={(e) => onChange({ name: e.currentTarget.value, nameEdited: true })} error={errors.name} />
          <Select label="Type" data={WIZARD_FIELD_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} value={field.type} allowDeselect={false} onChange={(v) => v && onChange({ type: v as WizardField['type'] })} />
          {field.type === 'choice' && <TagsInput label="Choices" placeholder="Type a choice, Enter" value={field.choices} onChange={(choices) => onChange({ choices })} error={errors.choices} />}
          {field.type === 'reference' && <Select label="Points to" searchable data={recordTypes} value={field.reference || null} onChange={(v) => onChange({ reference: v ?? '' })} error={errors.reference} />}
          {field.type !== 'choice' && field.type !== 'reference' && <div />}
        </SimpleGrid>
        <Checkbox label="Required" mt={32} checked={field.required} onChange={(e) => onChange({ required: e.currentTarget.checked })} />
        <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove ${name}`} onClick={onRemove}>
          <IconTrash size={18} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}
