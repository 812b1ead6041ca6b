import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { StateModelDoc } from '../../../schema/case/index.js';
import { unitOfRecordType } from '../../../schema/metadata/index.js';
import { StudioDraftsDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { documentsInUnit, listLocalDrafts, useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { ErrorPanel } from '../shell/ErrorPanel.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { NewStateModelModal } from './NewStateModelModal.js';

/** The state models of the chosen business unit, with what each covers and whether it has unpublished work. */
export function StateModelsPage() {
  const working = useWorkingMetadata();
  const published = useWorkingMetadata(true).metadata;
  const drafts = useGqlQuery(StudioDraftsDocument);
  const access = useStudioAccess();
  const [unit] = useUnitFilter();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const metadata = working.metadata;
  const search = unit ? `?unit=${encodeURIComponent(unit)}` : '';

  const models = useMemo(() => (metadata && published ? (documentsInUnit(metadata.snapshot, published.snapshot, 'stateModel', unit) as StateModelDoc[]) : []), [metadata, published, unit]);
  const drafted = new Set((drafts.data?.metadataDrafts ?? []).filter((d) => d.name.startsWith('states:')).map((d) => d.name.slice('states:'.length)));
  const unsaved = new Set(listLocalDrafts().filter((d) => d.kind === 'stateModel').map((d) => d.name));
  const recordTypes = useMemo(() => {
    if (!metadata || !published) return [];
    const view = { published: published.snapshot, working: metadata.snapshot };
    return Object.values(metadata.snapshot.recordTypes)
      .filter((t) => !t.abstract)
      .filter((t) => {
        const at = unitOfRecordType(view, t.name).unit;
        return access.platformAdmin ? !unit || at === unit : at !== null && access.administeredUnits.includes(at) && (!unit || at === unit);
      })
      .map((t) => ({ value: t.name, label: `${t.label} (${t.name})` }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [metadata, published, access, unit]);

  if (working.error) return <ErrorPanel title="The state models could not be read" message={working.error.message} />;
  if (!metadata || !published)
    return (
      <Center h={300}>
        <Loader aria-label="Loading the state models" />
      </Center>
    );
  const labelOf = (type: string) => metadata.snapshot.recordTypes[type]?.label ?? type;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>State models</Title>
          <Text c="dimmed" size="sm">
            The states a record moves through, the moves allowed between them, who may make each and what it requires.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={open} disabled={!recordTypes.length}>
          New state model
        </Button>
      </Group>
      <Paper withBorder>
        {models.length === 0 ? (
          <Text p="lg" c="dimmed" ta="center">
            No state models in this unit yet.
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="State models">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>State model</Table.Th>
                <Table.Th>Record type</Table.Th>
                <Table.Th ta="right">States</Table.Th>
                <Table.Th ta="right">Transitions</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {models.map((m) => (
                <Table.Tr key={m.name}>
                  <Table.Td>
                    <Anchor component={Link} to={`/state-models/${m.name}${search}`} fw={600}>
                      {m.label ?? m.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {m.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{labelOf(m.recordType)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {m.recordType}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{m.states.length}</Table.Td>
                  <Table.Td ta="right">{m.transitions.length}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {!published.snapshot.stateModels[m.name] ? (
                        <Badge variant="dot" color="gray">
                          New
                        </Badge>
                      ) : (
                        !drafted.has(m.name) && (
                          <Badge variant="dot" color="green">
                            Published
                          </Badge>
                        )
                      )}
                      {drafted.has(m.name) && (
                        <Badge variant="dot" color="blue">
                          Draft
                        </Badge>
                      )}
                      {unsaved.has(m.name) && (
                        <Badge variant="dot" color="orange">
                          Unsaved changes
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <NewStateModelModal
        opened={opened}
        onClose={close}
        snapshot={metadata.snapshot}
        recordTypes={recordTypes}
        onCreate={({ name, label, recordType }) => {
          const query = new URLSearchParams(search);
          query.set('recordType', recordType);
          if (label) query.set('label', label);
          navigate(`/state-models/${name}?${query.toString()}`);
        }}
      />
    </Stack>
  );
}
