import { ActionIcon, Alert, Badge, Checkbox, Divider, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import { nameProblem, type FieldDoc, type MetadataProblem, type RecordTypeDoc } from '../../../schema/metadata/index.js';
import { ChoicesEditor } from './ChoicesEditor.js';
import { DefaultValueInput } from './DefaultValueInput.js';
import { changeFieldType, renameField, updateField } from './field-edits.js';
import { messageOf, problemsAt, problemsOfField } from './field-problems.js';
import { columnChangeNote } from './field-type-options.js';
import { FieldTypeSelect } from './FieldTypeSelect.js';
import { ReferenceSettings } from './ReferenceSettings.js';
import { recordCountOf, type ConversionRefusals } from './use-conversion-refusals.js';

export interface FieldInspectorProps {
  doc: RecordTypeDoc;
  index: number;
  onChange: (doc: RecordTypeDoc) => void;
  onClose: () => void;
  readOnly: boolean;
  /** Live problems of the document (shared validators). */
  problems: readonly MetadataProblem[];
  /** What the server would refuse on publish (data checks), once saved. */
  refusals: ConversionRefusals;
  /** The field as published, null when never published. */
  published: FieldDoc | null;
  recordTypes: readonly RecordTypeDoc[];
  /** Names of inherited fields, which an own field cannot take. */
  inheritedNames?: readonly string[];
}

/** Every property of one field, each with its problem beside it. */
export function FieldInspector({ doc, index, onChange, onClose, readOnly, problems, refusals, published, recordTypes, inheritedNames = [] }: FieldInspectorProps) {
  const f = doc.fields[index];
  const at = (prop: string) => messageOf(problemsAt(problems, doc.name, f, index, prop));
  const patch = (p: Parameters<typeof updateField>[2]) => onChange(updateField(doc, index, p));
  // Shown at once, even when another problem of the document stops the shared validators short of names.
  const np = nameProblem(f.name);
  const duplicate = doc.fields.some((x, i) => i !== index && x.name === f.name) || inheritedNames.includes(f.name);
  const nameError = at('') ?? (np ? `field name ${np}` : duplicate ? `field "${f.name}" of "${doc.name}" is already declared` : null);
  const serverRefusals = problemsOfField(refusals.problems, doc.name, f, index);
  return (
    <Paper withBorder p="md" style={{ position: 'sticky', top: 72 }} aria-label={`Field ${f.name}`} role="region">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={3} size="h4">
              Field
            </Title>
            <Text ff="monospace" size="sm" c="dimmed">
              {f.name}
            </Text>
            {f.archived && (
              <Badge variant="light" color="gray">
                Archived
              </Badge>
            )}
          </Group>
          <ActionIcon variant="subtle" color="gray" aria-label="Close the field" onClick={onClose}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
        {serverRefusals.map((p) => {
          const count = recordCountOf(p.message);
          return (
            <Alert key={p.message} color="red" variant="light" icon={<IconAlertTriangle />} title="The publish would refuse this change">
              <Group gap="xs" align="flex-start" wrap="nowrap">
                {count !== null && (
                  <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
                    {count} record{count === 1 ? '' : 's'}
                  </Badge>
                )}
                <Text size="sm">{p.message}</Text>
              </Group>
            </Alert>
          );
        })}
        {refusals.checking && (
          <Text size="xs" c="dimmed">
            Asking the server whether the records convert…
          </Text>
        )}
        <TextInput
          label="Name"
          description={published && published.name !== f.name ? `Renamed from ${published.name}: the column is renamed, its data stays` : 'Lower-case letters, digits and underscores'}
          required
          readOnly={readOnly}
          value={f.name}
          error={nameError}
          onChange={(e) => onChange(renameField(doc, index, e.currentTarget.value))}
        />
        <TextInput label="Label" required readOnly={readOnly} value={f.label} error={at('label')} onChange={(e) => patch({ label: e.currentTarget.value })} />
        <Textarea label="Help" readOnly={readOnly} autosize minRows={1} value={f.help ?? ''} error={at('help')} onChange={(e) => patch({ help: e.currentTarget.value || undefined })} />
        <FieldTypeSelect field={f} published={published} readOnly={readOnly} error={at('type')} onChange={(type) => onChange(changeFieldType(doc, index, type))} />
        {columnChangeNote(published, f) && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{columnChangeNote(published, f)}</Text>
          </Alert>
        )}
        {f.type === 'string' && (
          <NumberInput
            label="Maximum length"
            description="Characters; 255 when empty"
            readOnly={readOnly}
            min={1}
            max={10_485_760}
            allowDecimal={false}
            value={f.maxLength ?? ''}
            error={at('maxLength')}
            onChange={(v) => patch({ maxLength: typeof v === 'number' ? v : undefined })}
          />
        )}
        {f.type === 'decimal' && (
          <NumberInput
            label="Decimal places"
            description="2 when empty"
            readOnly={readOnly}
            min={0}
            max={12}
            allowDecimal={false}
            value={f.scale ?? ''}
            error={at('scale')}
            onChange={(v) => patch({ scale: typeof v === 'number' ? v : undefined })}
          />
        )}
        {f.type === 'reference' && (
          <ReferenceSettings
            field={f}
            published={published}
            recordTypes={recordTypes}
            readOnly={readOnly}
            referenceError={at('reference')}
            reverseNameError={at('reverseName')}
            onChange={(p) => patch({ reference: p.reference, reverseName: p.reverseName })}
          />
        )}
        {(f.type === 'choice' || f.type === 'multi_choice') && (
          <ChoicesEditor choices={f.choices ?? []} readOnly={readOnly} error={at('choices')} onChange={(choices) => patch({ choices })} />
        )}
        <Group gap="lg">
          <Checkbox label="Required" disabled={readOnly} checked={f.required ?? false} error={at('required')} onChange={(e) => patch({ required: e.currentTarget.checked || undefined })} />
          <Checkbox label="Unique" disabled={readOnly} checked={f.unique ?? false} error={at('unique')} onChange={(e) => patch({ unique: e.currentTarget.checked || undefined })} />
        </Group>
        <Divider />
        <DefaultValueInput key={f.type} field={f} readOnly={readOnly} error={at('default') ?? at('auto')} onChange={(value) => patch({ default: value })} />
      </Stack>
    </Paper>
  );
}
