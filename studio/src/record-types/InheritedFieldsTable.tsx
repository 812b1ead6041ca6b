import { Badge, Group, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ModelField } from '../../../schema/metadata/index.js';
import { fieldTypeLabel } from './field-type-labels.js';

/** The fields a type inherits, read-only: they are changed on the type that declares them. */
export function InheritedFieldsTable({ fields }: { fields: readonly ModelField[] }) {
  return (
    <Table verticalSpacing="xs" aria-label="Inherited fields">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Label</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>From</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => (
          <Table.Tr key={f.id} data-field={f.name}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <IconLock size={14} aria-hidden color="var(--mantine-color-dimmed)" />
                <Text size="sm" ff="monospace" c="dimmed" td={f.archived ? 'line-through' : undefined}>
                  {f.name}
                </Text>
                <Badge size="xs" variant="light" color="gray">
                  Inherited
                </Badge>
                {f.archived && (
                  <Badge size="xs" variant="light" color="gray">
                    Archived
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {f.label}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {fieldTypeLabel(f.type)}
                {f.type === 'reference' && f.reference ? ` → ${f.reference}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace" c="dimmed">
                {f.owner}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
