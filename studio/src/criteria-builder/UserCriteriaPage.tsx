import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { UserCriteriaDoc } from '../../../schema/access/index.js';
import { metadataKind } from '../../../schema/metadata/index.js';
import { summarizeCondition } from '../condition-builder/index.js';
import { StudioDraftsDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { useWorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { criteriaUsage } from './criteria-usage.js';
import { NewCriteriaButton } from './NewCriteriaButton.js';
import { summarizeCriteria } from './summarize-criteria.js';

/**
 * Every user criteria, whatever business unit the header shows: criteria are shared, so one unit's rules may name
 * criteria another's use. Who each is for, and how many documents name it.
 */
export function UserCriteriaPage() {
  const access = useStudioAccess();
  const { metadata, error } = useWorkingMetadata();
  const drafts = useGqlQuery(StudioDraftsDocument);
  const [search, setSearch] = useState('');
  const drafted = useMemo(() => {
    const prefix = metadataKind('userCriteria').draftPrefix;
    return new Set((drafts.data?.metadataDrafts ?? []).filter((d) => d.kind === 'USER_CRITERIA').map((d) => d.name.replace(prefix, '')));
  }, [drafts.data]);
  const rows = useMemo(() => {
    if (!metadata) return [];
    const needle = search.trim().toLowerCase();
    return Object.values(metadata.snapshot.userCriteria)
      .map((doc: UserCriteriaDoc) => ({
        doc,
        who: summarizeCriteria(doc, (c) => (metadata.model ? summarizeCondition(metadata.model, 'person', c) : JSON.stringify(c))),
        uses: criteriaUsage(metadata.snapshot, doc.name).length,
      }))
      .filter((r) => !needle || `${r.doc.name} ${r.doc.label} ${r.doc.description ?? ''} ${r.who}`.toLowerCase().includes(needle))
      .sort((a, b) => a.doc.label.localeCompare(b.doc.label));
  }, [metadata, search]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>User criteria</Title>
          <Text c="dimmed" size="sm">
            Who is who: access rules, case types and state models name these to say which users they are for.
          </Text>
        </div>
        {access.platformAdmin && metadata && <NewCriteriaButton taken={new Set(Object.keys(metadata.snapshot.userCriteria))} />}
      </Group>
      {!access.platformAdmin && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="Shared by every business unit">
          User criteria are platform-wide: a change reaches the rules of every unit, so only the platform administrator changes them. You can
          look at them and at who they match.
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="light" title="The metadata could not be read">
          {error.message}
        </Alert>
      )}
      <TextInput
        label="Search criteria"
        placeholder="Name, label, group, role…"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      {!metadata && !error ? (
        <Loader aria-label="Loading criteria" />
      ) : (
        <Paper withBorder radius="md">
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="User criteria">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Criteria</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th ta="right">Used by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ doc, who, uses }) => (
                <Table.Tr key={doc.name}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/user-criteria/${encodeURIComponent(doc.name)}`} fw={600}>
                        {doc.label}
                      </Anchor>
                      {drafted.has(doc.name) && (
                        <Badge size="xs" variant="light" color="blue">
                          Draft
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {doc.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{who}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c={uses ? undefined : 'dimmed'}>
                      {uses ? `${uses} document${uses === 1 ? '' : 's'}` : 'unused'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text c="dimmed" size="sm" ta="center" py="md">
                      {search ? 'No criteria match the search.' : 'No user criteria yet.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
