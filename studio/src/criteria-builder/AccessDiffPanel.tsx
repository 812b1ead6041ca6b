import { Alert, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { CriteriaBuilderAccessDiffDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

const USERS = 500;
const ROWS_SHOWN = 200;

export interface AccessDiffPanelProps {
  /** Unsaved edits: the diff runs on server drafts, so they are saved first. */
  dirty: boolean;
  /** Saves the edits as a draft; false when the server refused. */
  save: () => Promise<boolean>;
  saving: boolean;
  /** The draft version, to tell when the result is older than the draft. */
  draftVersion: number;
}

/**
 * Who gains or loses read access, and to how many records, if the drafts were published: the server's accessDiff
 * over every draft (not only these criteria), counted with the same predicates queries use.
 */
export function AccessDiffPanel({ dirty, save, saving, draftVersion }: AccessDiffPanelProps) {
  const diff = useGqlQuery(CriteriaBuilderAccessDiffDocument, { limit: USERS }, { enabled: false, retry: false, gcTime: 0 });
  // The draft version the shown result was computed at: a later save makes it out of date.
  const [checkedAt, setCheckedAt] = useState<number | null>(null);
  const latest = useRef(draftVersion);
  latest.current = draftVersion;
  const check = async () => {
    if (dirty && !(await save())) return;
    const result = await diff.refetch();
    if (result.data) setCheckedAt(latest.current);
  };
  const outdated = !!diff.data && !diff.isFetching && (dirty || (checkedAt !== null && checkedAt !== draftVersion));
  const d = diff.data?.accessDiff;
  const changes = d ? [...d.changes].sort((a, b) => a.userName.localeCompare(b.userName) || a.recordType.localeCompare(b.recordType)) : [];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="criteria-diff-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id="criteria-diff-title">
              Access changes if the drafts were published
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              Compares what each active user may read now with what they could read if <b>all drafts</b> were published — these criteria and every
              other drafted rule, criteria and type — counted record by record.
            </Text>
          </div>
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            loading={saving || diff.isFetching}
            onClick={() => void check()}
          >
            {dirty ? 'Save draft and check access' : d ? 'Check again' : 'Check access changes'}
          </Button>
        </Group>
        {diff.error && (
          <Alert color="red" variant="light" title="The access changes could not be computed">
            {diff.error.message}
          </Alert>
        )}
        {outdated && (
          <Alert color="yellow" variant="light">
            The drafts changed since this check: check again to see the effect of the latest edits.
          </Alert>
        )}
        {d && (
          <>
            <Group gap="lg">
              <Text size="sm">
                <b>{new Set(d.changes.map((c) => c.userName)).size}</b> users gain or lose access
              </Text>
              <Text size="sm" c="dimmed">
                {d.usersChecked} users checked, {d.usersUnaffected} unaffected
              </Text>
            </Group>
            {d.truncated && (
              <Alert color="yellow" variant="light">
                More than {USERS} active users: only the first {USERS} by user name were checked.
              </Alert>
            )}
            {d.skippedTypes.length > 0 && (
              <Text size="xs" c="dimmed">
                Not counted (new in the drafts, or ruled by conditions on fields not yet published): {d.skippedTypes.join(', ')}.
              </Text>
            )}
            {changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nobody would gain or lose read access to any record.
              </Text>
            ) : (
              <ScrollArea.Autosize mah={420} type="auto" viewportProps={{ tabIndex: 0, "aria-label": "Access changes, scrollable" }}>
                <Table striped verticalSpacing={6} aria-label="Access changes by user and record type" stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>User</Table.Th>
                      <Table.Th>Record type</Table.Th>
                      <Table.Th ta="right">Records readable</Table.Th>
                      <Table.Th ta="right">Change</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.slice(0, ROWS_SHOWN).map((c) => {
                      const delta = c.after - c.before;
                      return (
                        <Table.Tr key={`${c.userName}|${c.recordType}`}>
                          <Table.Td ff="monospace" fz="sm">
                            {c.userName}
                          </Table.Td>
                          <Table.Td fz="sm">{c.recordType}</Table.Td>
                          <Table.Td ta="right" fz="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                            {`${c.before} → ${c.after}`}
                          </Table.Td>
                          <Table.Td ta="right">
                            <Badge color={delta > 0 ? 'teal' : 'red'} variant="light">
                              {delta > 0 ? `gains ${delta}` : `loses ${-delta}`}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
            {changes.length > ROWS_SHOWN && (
              <Text size="xs" c="dimmed">
                Showing {ROWS_SHOWN} of {changes.length} changes.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
