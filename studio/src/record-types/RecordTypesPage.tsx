import { Alert, Anchor, Badge, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { buildModel, type RecordTypeDoc } from '../../../schema/metadata/index.js';
import { documentsInUnit, useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { StudioDraftsDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { NewRecordTypeButton } from './NewRecordTypeButton.js';
import { recordTypeRows, type RecordTypeRow } from './record-type-rows.js';

/** The record types of the chosen business unit: what each is, what it extends, how many fields, drafted or archived. */
export function RecordTypesPage() {
  const working = useWorkingMetadata();
  const published = useWorkingMetadata(true);
  const drafts = useGqlQuery(StudioDraftsDocument);
  const access = useStudioAccess();
  const [unit] = useUnitFilter();
  const [search, setSearch] = useState('');
  const snapshot = working.metadata?.snapshot;
  const rows = useMemo<RecordTypeRow[]>(() => {
    if (!snapshot || !published.metadata) return [];
    const docs = documentsInUnit(snapshot, published.metadata.snapshot, 'recordType', unit) as RecordTypeDoc[];
    const model = working.metadata?.model ?? safeModel(snapshot);
    const drafted = new Set((drafts.data?.metadataDrafts ?? []).filter((d) => d.kind === 'recordType' && !d.removal).map((d) => d.key));
    return recordTypeRows(docs, model, drafted, search);
  }, [snapshot, published.metadata, unit, working.metadata?.model, drafts.data, search]);
  const unitSuffix = unit ? `?unit=${encodeURIComponent(unit)}` : '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Record types</Title>
          <Text c="dimmed" size="sm">
            The tables of the platform and their fields. A change is a draft until it is published.
          </Text>
        </div>
        {access.platformAdmin && <NewRecordTypeButton />}
      </Group>
      {!access.platformAdmin && (
        <Alert color="blue" variant="light" title="New record types come with their case type">
          A unit&apos;s new record type is created with the case type that uses it.{' '}
          <Anchor component={Link} to={`/case-types/new${unitSuffix}`}>
            Create a case type
          </Anchor>
        </Alert>
      )}
      <TextInput
        aria-label="Search record types"
        placeholder="Search by label or name"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      {working.error || published.error ? (
        <Alert color="red" icon={<IconAlertTriangle />} title="The metadata could not be read">
          {(working.error ?? published.error)?.message}
        </Alert>
      ) : !snapshot ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading record types…</Text>
        </Group>
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm" aria-label="Record types">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Label</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Extends</Table.Th>
              <Table.Th ta="right">Fields</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Td>
                  <Anchor component={Link} to={`/record-types/${row.name}${unitSuffix}`} fw={500}>
                    {row.label}
                  </Anchor>
                  {row.description && (
                    <Text size="xs" c="dimmed" lineClamp={1} maw={420}>
                      {row.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c={row.extends ? undefined : 'dimmed'}>
                    {row.extends ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{row.fieldCount}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {row.abstract && (
                      <Badge variant="outline" color="gray" size="sm">
                        Abstract
                      </Badge>
                    )}
                    {row.drafted && (
                      <Badge variant="light" color="blue" size="sm">
                        Draft
                      </Badge>
                    )}
                    {row.archived && (
                      <Badge variant="light" color="gray" size="sm">
                        Archived
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" ta="center" py="md">
                    {search ? `No record type matches "${search}".` : 'No record types in this unit yet.'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function safeModel(snapshot: Parameters<typeof buildModel>[0]) {
  try {
    return buildModel(snapshot);
  } catch {
    return null;
  }
}
