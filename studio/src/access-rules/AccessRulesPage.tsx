import { Alert, Anchor, Center, Group, Loader, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { Tag } from './Tag.js';
import { IconLock, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { liveTypes } from '../../../schema/metadata/index.js';
import { useUnitFilter } from '../metadata/index.js';
import { ErrorPanel } from '../shell/ErrorPanel.js';
import { RECORD_OPERATIONS, summarizeTypeRules, type RecordOperation, type TypeRuleSummary } from './rule-layout.js';
import { useAccessMetadata } from './use-access-metadata.js';

/**
 * Every record type of the chosen unit with its access rules counted per operation, so an admin sees at a glance
 * which types are open to whom and which only admins may touch.
 */
export function AccessRulesPage() {
  const { metadata, error, isLoading, unitOf } = useAccessMetadata();
  const [unit] = useUnitFilter();
  const [search, setSearch] = useState('');
  const { search: query } = useLocation();
  const rows = useMemo(() => {
    const model = metadata?.model;
    if (!model) return [];
    const needle = search.trim().toLowerCase();
    return liveTypes(model)
      .filter((t) => unit === null || unitOf(t.name) === unit)
      .filter((t) => !needle || t.name.includes(needle) || t.doc.label.toLowerCase().includes(needle))
      .map((t) => ({ type: t, summary: summarizeTypeRules(model, t.name) }));
  }, [metadata, unit, unitOf, search]);

  if (error) return <ErrorPanel title="The access rules could not be read" message={error.message} />;
  if (isLoading || !metadata) return <Center py="xl"><Loader aria-label="Loading access rules" /></Center>;
  if (!metadata.model) return <ErrorPanel title="The metadata cannot be modelled" message="The drafts are too broken to build the record types from. Fix them under Overview first." />;

  const adminsOnly = rows.filter((r) => r.summary.adminsOnly && !r.type.abstract).length;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Access rules</Title>
          <Text c="dimmed" size="sm">
            Who may read, create, update and delete records of each type{unit ? ` in ${metadata.snapshot.businessUnits[unit]?.label ?? unit}` : ''}. A type without rules of its own follows its parent's.
          </Text>
        </div>
        <TextInput aria-label="Filter record types" placeholder="Filter types" leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
      </Group>
      {adminsOnly > 0 && (
        <Alert color="yellow" variant="light" icon={<IconLock />} title={`${adminsOnly} type${adminsOnly === 1 ? '' : 's'} without any rule`}>
          Only admins may touch their records. That may be intended (platform tables); otherwise add a rule.
        </Alert>
      )}
      <Paper withBorder radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Record types and their access rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record type</Table.Th>
              {RECORD_OPERATIONS.map((op) => (
                <Table.Th key={op} ta="center" tt="capitalize">
                  {op}
                </Table.Th>
              ))}
              <Table.Th ta="center">Field rules</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ type, summary }) => (
              <Table.Tr key={type.name}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={`/access-rules/${type.name}${query}`} fw={600}>
                      {type.doc.label}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {type.name}
                    </Text>
                    {type.abstract && (
                      <Tag size="xs" variant="outline" color="gray">
                        abstract
                      </Tag>
                    )}
                    {summary.adminsOnly && !type.abstract && (
                      <Tag size="xs" color="orange" variant="light">
                        only admins may
                      </Tag>
                    )}
                  </Group>
                </Table.Td>
                {RECORD_OPERATIONS.map((op) => (
                  <Table.Td key={op} ta="center">
                    <OperationCell summary={summary} op={op} />
                  </Table.Td>
                ))}
                <Table.Td ta="center">{summary.fieldRules ? <Text size="sm">{summary.fieldRules}</Text> : <Text size="sm" c="dimmed">–</Text>}</Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" ta="center" py="md">
                    No record type{unit ? ` in ${metadata.snapshot.businessUnits[unit]?.label ?? unit}` : ''}{search ? ` matches "${search}"` : ''}.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** Own rules as a count; inherited ones name the ancestor; none at all says only admins may. */
function OperationCell({ summary, op }: { summary: TypeRuleSummary; op: RecordOperation }) {
  const own = summary.own[op];
  const from = summary.decidedBy[op];
  if (own > 0)
    return (
      <Tag variant="light" color="blue" aria-label={`${own} ${op} rule${own === 1 ? '' : 's'}`}>
        {own}
      </Tag>
    );
  if (from)
    return (
      <Tooltip label={`No ${op} rules of its own: the rules of ${from} apply`}>
        <Text size="xs" c="dimmed" tabIndex={0}>
          from {from}
        </Text>
      </Tooltip>
    );
  return (
    <Text size="xs" c="red.9">
      admins only
    </Text>
  );
}
