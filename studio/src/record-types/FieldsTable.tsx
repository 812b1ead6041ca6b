import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldDoc, MetadataProblem, RecordTypeDoc } from '../../../schema/metadata/index.js';
import { fieldTypeLabel } from './field-type-labels.js';
import { removeUnpublishedField, setFieldArchived } from './field-edits.js';
import { problemsOfField } from './field-problems.js';

export interface FieldsTableProps {
  doc: RecordTypeDoc;
  onChange: (doc: RecordTypeDoc) => void;
  readOnly: boolean;
  /** Live problems and the server's refusals; each is shown on its field's row. */
  problems: readonly MetadataProblem[];
  selected: number | null;
  onSelect: (index: number | null) => void;
  onAdd: () => void;
  /** The field as published (matched by id), null when it was never published. */
  publishedFieldOf: (f: FieldDoc) => FieldDoc | null;
}

/**
 * The type's own fields, one row each with what matters at a glance (name, label, type, flags, its problems).
 * Archived fields stay listed, greyed, so they can be restored: their column and data are kept.
 */
export function FieldsTable({ doc, onChange, readOnly, problems, selected, onSelect, onAdd, publishedFieldOf }: FieldsTableProps) {
  const [showArchived, setShowArchived] = useState(true);
  const archivedCount = doc.fields.filter((f) => f.archived).length;
  const remove = (index: number) => {
    onChange(removeUnpublishedField(doc, index));
    onSelect(null);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4">
              Fields
            </Title>
            <Badge variant="light" color="gray">
              {doc.fields.length - archivedCount}
            </Badge>
          </Group>
          <Group gap="sm">
            {archivedCount > 0 && <Switch size="sm" label={`Show archived (${archivedCount})`} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />}
            {!readOnly && (
              <Button size="sm" leftSection={<IconPlus size={16} />} onClick={onAdd}>
                Add field
              </Button>
            )}
          </Group>
        </Group>
        <Table verticalSpacing="xs" highlightOnHover aria-label="Fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Label</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Flags</Table.Th>
              <Table.Th w={90}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doc.fields.map((f, index) => {
              if (f.archived && !showArchived) return null;
              const published = publishedFieldOf(f);
              const rowProblems = problemsOfField(problems, doc.name, f, index);
              const dim = f.archived ? 'dimmed' : undefined;
              return (
                <Table.Tr
                  key={f.id ?? `${index}:${f.name}`}
                  data-field={f.name}
                  aria-selected={selected === index}
                  bg={selected === index ? 'var(--mantine-primary-color-light)' : undefined}
                  style={{ cursor: 'pointer', opacity: f.archived ? 0.75 : 1 }}
                  onClick={() => onSelect(index)}
                >
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" ff="monospace" c={dim} td={f.archived ? 'line-through' : undefined}>
                        {f.name || '(no name)'}
                      </Text>
                      {!published && (
                        <Badge size="xs" variant="filled" color="teal.9" style={{ flexShrink: 0 }}>
                          New
                        </Badge>
                      )}
                      {f.archived && (
                        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                          Archived
                        </Badge>
                      )}
                    </Group>
                    {published && published.name !== f.name && (
                      <Text size="xs" c="dimmed">
                        was {published.name}
                      </Text>
                    )}
                    {rowProblems.map((p) => (
                      <Text key={`${p.path}:${p.message}`} size="xs" c="red.8">
                        {p.message}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={dim}>
                      {f.label}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={dim}>
                      {fieldTypeLabel(f.type)}
                      {f.type === 'reference' && f.reference ? ` → ${f.reference}` : ''}
                    </Text>
                    {published && published.type !== f.type && (
                      <Text size="xs" c="dimmed">
                        was {fieldTypeLabel(published.type)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {[f.required && 'Required', f.unique && 'Unique', f.auto && `Auto: ${f.auto}`].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={readOnly ? 'View' : 'Edit'}>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Edit field ${f.name}`} onClick={() => onSelect(index)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {!readOnly &&
                        (!published ? (
                          <Tooltip label="Remove (never published, no data)">
                            <ActionIcon variant="subtle" color="red" aria-label={`Remove field ${f.name}`} onClick={() => remove(index)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        ) : f.archived ? (
                          <Tooltip label="Restore (its data comes back)">
                            <ActionIcon variant="subtle" color="blue" aria-label={`Restore field ${f.name}`} onClick={() => onChange(setFieldArchived(doc, index, false))}>
                              <IconArrowBackUp size={16} />
                            </ActionIcon>
                          </Tooltip>
                        ) : (
                          <Tooltip label="Archive (hidden, data kept)">
                            <ActionIcon variant="subtle" color="gray" aria-label={`Archive field ${f.name}`} onClick={() => onChange(setFieldArchived(doc, index, true))}>
                              <IconArchive size={16} />
                            </ActionIcon>
                          </Tooltip>
                        ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {doc.fields.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" ta="center" py="md" size="sm">
                    No fields of its own yet. Add one.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
