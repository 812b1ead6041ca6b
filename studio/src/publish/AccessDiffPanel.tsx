import { Alert, Badge, Center, Group, Loader, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { PublishAccessDiffDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { FailureAlert } from './FailureAlert.js';
import { READABLE_TITLE } from './readable-title.js';
import { ToneBadge } from './ToneBadge.js';

/**
 * Who gains and who loses read access if the drafts were published, per user and record type, with what the
 * server did not check (too many users, types it cannot count yet) said plainly.
 */
export function AccessDiffPanel() {
  const diff = useGqlQuery(PublishAccessDiffDocument);
  if (diff.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label="Computing access changes" />
      </Center>
    );
  if (diff.error) return <FailureAlert title="The access changes could not be computed" error={diff.error} />;
  const d = diff.data.accessDiff;
  const changes = [...d.changes].sort((a, b) => a.userName.localeCompare(b.userName) || a.recordType.localeCompare(b.recordType));
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {d.usersChecked} user{d.usersChecked === 1 ? '' : 's'} checked; {d.usersUnaffected} unaffected (their rules do not change).
      </Text>
      {changes.length === 0 ? (
        <Text size="sm">Nobody gains or loses read access.</Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Access changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Record type</Table.Th>
              <Table.Th ta="right">Readable before</Table.Th>
              <Table.Th ta="right">Readable after</Table.Th>
              <Table.Th>Effect</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => {
              const gains = c.after > c.before;
              return (
                <Table.Tr key={`${c.userName}:${c.recordType}`}>
                  <Table.Td ff="monospace">{c.userName}</Table.Td>
                  <Table.Td ff="monospace">{c.recordType}</Table.Td>
                  <Table.Td ta="right">{c.before}</Table.Td>
                  <Table.Td ta="right">{c.after}</Table.Td>
                  <Table.Td>
                    <ToneBadge color={gains ? 'green' : 'red'}>{gains ? `gains ${c.after - c.before}` : `loses ${c.before - c.after}`}</ToneBadge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {(d.truncated || d.skippedTypes.length > 0) && (
        <Alert color="yellow" variant="light" styles={READABLE_TITLE} icon={<IconInfoCircle />} mt="sm" title="Not everything was checked">
          {d.truncated && <Text size="sm">More users are active than the preview checks: only the first {d.usersChecked} (by user name) were counted.</Text>}
          {d.skippedTypes.length > 0 && (
            <Group gap={6} mt={4}>
              <Text size="sm">Not counted (new in the drafts, or ruled by conditions on unpublished fields):</Text>
              {d.skippedTypes.map((t) => (
                <Badge key={t} variant="outline" color="gray" radius="sm">
                  {t}
                </Badge>
              ))}
            </Group>
          )}
        </Alert>
      )}
    </>
  );
}
