import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CriteriaUse } from './criteria-usage.js';

const KIND_LABEL: Record<CriteriaUse['kind'], [string, string]> = {
  businessUnit: ['business unit', 'business units'],
  caseType: ['case type', 'case types'],
  stateModel: ['state model', 'state models'],
  acl: ['access rule', 'access rules'],
};

/**
 * What an edit of these criteria reaches: every document naming them (drafts included), one row per document with
 * what the criteria decide there. Widely used criteria (agents: dozens of rules) stay a scrollable list.
 */
export function UsagePanel({ uses }: { uses: readonly CriteriaUse[] }) {
  const documents = useMemo(() => {
    const byDocument = new Map<string, { kind: CriteriaUse['kind']; document: string; to: string; roles: string[] }>();
    for (const u of uses) {
      const key = `${u.kind}|${u.document}`;
      const entry = byDocument.get(key) ?? { kind: u.kind, document: u.document, to: u.to, roles: [] };
      entry.roles.push(u.role);
      byDocument.set(key, entry);
    }
    return [...byDocument.values()];
  }, [uses]);
  const perKind = (Object.keys(KIND_LABEL) as CriteriaUse['kind'][])
    .map((kind) => [kind, documents.filter((d) => d.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${KIND_LABEL[kind][n === 1 ? 0 : 1]}`);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="criteria-usage-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5" id="criteria-usage-title">
            Used by
          </Title>
          <Badge variant="light" color="gray">
            {documents.length} document{documents.length === 1 ? '' : 's'}
          </Badge>
        </Group>
        {documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rule, case type, state model or business unit names these criteria yet: editing them changes nobody's access.
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {perKind.join(' · ')}
            </Text>
            <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
              <Table verticalSpacing={4} fz="sm" layout="fixed" aria-label="Documents naming these criteria">
                <Table.Tbody>
                  {documents.map((d) => (
                    <Table.Tr key={`${d.kind}|${d.document}`}>
                      <Table.Td w="45%">
                        <Anchor component={Link} to={d.to} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {d.document}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {KIND_LABEL[d.kind][0]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2} title={d.roles.join(', ')}>
                          {d.roles.join(', ')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
      </Stack>
    </Paper>
  );
}
