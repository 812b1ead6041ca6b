import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CriteriaUse } from './criteria-usage.js';

const KIND_LABEL: Record<CriteriaUse['kind'], string> = { acl: 'Access rule', caseType: 'Case type', stateModel: 'State model', businessUnit: 'Business unit' };

/** What an edit of these criteria reaches: every document naming them (drafts included). */
export function UsagePanel({ uses }: { uses: readonly CriteriaUse[] }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="criteria-usage-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5" id="criteria-usage-title">
            Used by
          </Title>
          <Badge variant="light" color="gray">
            {uses.length}
          </Badge>
        </Group>
        {uses.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rule, case type, state model or business unit names these criteria yet: editing them changes nobody's access.
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" aria-label="Documents naming these criteria">
            <Table.Tbody>
              {uses.map((u) => (
                <Table.Tr key={`${u.kind}|${u.document}|${u.role}`}>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {KIND_LABEL[u.kind]}
                    </Text>
                    <Anchor component={Link} to={u.to} size="sm">
                      {u.document}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.role}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
