import { Anchor, Badge, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PublishVersionsDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { FailureAlert } from './FailureAlert.js';
import { formatTime } from './kind-label.js';
import { Section } from './Section.js';
import { VersionCompare } from './VersionCompare.js';
import { ToneBadge } from './ToneBadge.js';

/** Every published version, newest first, and a diff between any two of them. */
export function VersionsPage() {
  const query = useGqlQuery(PublishVersionsDocument, { limit: 200 });
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the versions" />
      </Center>
    );
  if (query.error) return <FailureAlert title="The versions could not be loaded" error={query.error} />;
  const versions = query.data.metadataVersions;
  const live = versions[0]?.id;
  return (
    <Stack gap="md" maw={1180}>
      <Stack gap={2}>
        <Title order={2}>Versions</Title>
        <Text c="dimmed" size="sm">
          Each publish is a version. Open one to see its changes or roll back to it; compare any two below.
        </Text>
      </Stack>
      <Section title="Published versions" status={<Badge variant="light">{versions.length}</Badge>}>
        {versions.length === 0 ? (
          <Text size="sm">Nothing has been published yet.</Text>
        ) : (
          <Table verticalSpacing="xs" highlightOnHover aria-label="Published versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>Version</Table.Th>
                <Table.Th>Message</Table.Th>
                <Table.Th>Author</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th ta="right">Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/versions/${v.id}`} fw={600}>
                        Version {v.id}
                      </Anchor>
                      {v.id === live && (
                        <ToneBadge size="sm" color="green">
                          Live
                        </ToneBadge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">
                        {v.message || (
                          <Text span c="dimmed" size="sm">
                            No message
                          </Text>
                        )}
                      </Text>
                      {v.rollbackOf != null && (
                        <ToneBadge size="sm" color="orange">
                          Rollback to {v.rollbackOf}
                        </ToneBadge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{v.author}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatTime(v.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{v.changes.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {versions.length > 0 && <VersionCompare versions={versions.map((v) => v.id)} />}
    </Stack>
  );
}
