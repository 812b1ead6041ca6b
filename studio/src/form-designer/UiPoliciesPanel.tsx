import { ActionIcon, Alert, Badge, Button, Group, Popover, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { nameProblem, metadataKind, type MetadataSnapshot, type Model } from '../../../schema/metadata/index.js';
import { summarizeCondition } from '../condition-builder/index.js';
import { StudioDraftsDocument, StudioRemoveDocumentDocument } from '../graphql/generated/graphql.js';
import { useGqlMutation, useGqlQuery } from '../graphql/use-gql.js';
import { describeActions, policiesOfType } from './policy-ops.js';

export interface UiPoliciesPanelProps {
  model: Model;
  snapshot: MetadataSnapshot;
  recordType: string;
  selected: string | null;
  onSelect: (name: string) => void;
  readOnly?: boolean;
}

/** The UI policies of the form's record type: what each does and when, add one, open one, remove one (as a draft). */
export function UiPoliciesPanel({ model, snapshot, recordType, selected, onSelect, readOnly }: UiPoliciesPanelProps) {
  const policies = policiesOfType(snapshot, recordType);
  const [newName, setNewName] = useState(`${recordType}_`);
  const problem = newName === `${recordType}_` ? null : (nameProblem(newName) ?? (snapshot.uiPolicies[newName] ? `a UI policy "${newName}" exists already` : null));
  const drafts = useGqlQuery(StudioDraftsDocument);
  const remove = useGqlMutation(StudioRemoveDocumentDocument);
  const removeOne = (name: string) => {
    const draft = drafts.data?.metadataDrafts.find((d) => d.name === `${metadataKind('uiPolicy').draftPrefix}${name}`);
    remove.mutate({ kind: 'UI_POLICY', name, draftVersion: draft?.version ?? null });
  };
  return (
    <Stack gap="sm">
      {remove.error && (
        <Alert color="red" variant="light" title="The server refused the removal">
          {remove.error.message}
        </Alert>
      )}
      {policies.length === 0 ? (
        <Text size="sm" c="dimmed">
          No UI policies for this record type yet.
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" layout="fixed" aria-label="UI policies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="32%">Policy</Table.Th>
              <Table.Th w="30%">When</Table.Th>
              <Table.Th>Does</Table.Th>
              <Table.Th w={60}>Order</Table.Th>
              <Table.Th w={80}>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policies.map((p) => (
              <Table.Tr key={p.name} bg={p.name === selected ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                    {p.name}
                  </Text>
                  {p.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {p.description}
                    </Text>
                  )}
                  {p.active === false && (
                    <Badge size="xs" color="gray" variant="light">
                      inactive
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" lineClamp={3} style={{ wordBreak: 'break-word' }}>
                    {summarizeCondition(model, recordType, p.condition)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{describeActions(p)}</Text>
                </Table.Td>
                <Table.Td>{p.order}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit UI policy ${p.name}`} onClick={() => onSelect(p.name)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    {!readOnly && (
                      <Popover withArrow position="left" trapFocus>
                        <Popover.Target>
                          <ActionIcon variant="subtle" color="red" aria-label={`Remove UI policy ${p.name}`}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Popover.Target>
                        <Popover.Dropdown>
                          <Stack gap="xs" maw={260}>
                            <Text size="sm">Remove {p.name}? It stays until the drafts are published.</Text>
                            <Button size="xs" color="red" loading={remove.isPending} onClick={() => removeOne(p.name)}>
                              Remove policy
                            </Button>
                          </Stack>
                        </Popover.Dropdown>
                      </Popover>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group align="flex-start" gap="xs">
          <TextInput
            size="sm"
            label="New UI policy"
            description="Lower case, digits and _"
            value={newName}
            error={problem}
            onChange={(e) => setNewName(e.currentTarget.value)}
            w={320}
          />
          <Button
            mt={42}
            size="sm"
            leftSection={<IconPlus size={16} />}
            disabled={!!problem || newName === `${recordType}_` || !newName}
            onClick={() => {
              onSelect(newName);
              setNewName(`${recordType}_`);
            }}
          >
            Add policy
          </Button>
        </Group>
      )}
    </Stack>
  );
}
