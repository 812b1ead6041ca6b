import { Alert, Badge, Group, Loader, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { UserCriteriaDoc } from '../../../schema/access/index.js';
import { CriteriaBuilderMatchesDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

const SAMPLE = 10;

export interface MatchPreviewProps {
  /** The criteria as edited (unsaved edits included). */
  doc: UserCriteriaDoc;
  /** The criteria as saved (draft or published), to say how the edit moves the count; null for new criteria. */
  saved: UserCriteriaDoc | null;
  /** Only the platform admin may ask the server who matches. */
  allowed: boolean;
}

/**
 * Live "who matches": the edited criteria evaluated on the server against every active user (debounced, so
 * typing does not flood it), with the change from the saved criteria and a sample of the people.
 */
export function MatchPreview({ doc, saved, allowed }: MatchPreviewProps) {
  const [criteria] = useDebouncedValue(doc, 400);
  const now = useGqlQuery(CriteriaBuilderMatchesDocument, { criteria: forPreview(criteria), sample: SAMPLE }, { enabled: allowed, placeholderData: keepPreviousData, retry: false });
  const before = useGqlQuery(CriteriaBuilderMatchesDocument, { criteria: forPreview(saved), sample: 0 }, { enabled: allowed && !!saved, retry: false, staleTime: 30_000 });
  const m = now.data?.userCriteriaMatches;
  const delta = m && before.data && saved ? m.count - before.data.userCriteriaMatches.count : 0;
  const updating = now.isFetching || criteria !== doc;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="criteria-matches-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5" id="criteria-matches-title">
            Who matches
          </Title>
          {allowed && updating && <Loader size="xs" aria-label="Updating who matches" />}
        </Group>
        {!allowed ? (
          <Text size="sm" c="dimmed">
            Only the platform administrator can check who criteria match: they are evaluated against every user of the platform.
          </Text>
        ) : now.error ? (
          <Alert color="red" variant="light" title="These criteria cannot be evaluated">
            {now.error.message}
          </Alert>
        ) : !m ? (
          <Text size="sm" c="dimmed">
            Checking every active user…
          </Text>
        ) : (
          <>
            <div aria-live="polite" data-testid="criteria-match-count">
              <Group gap="xs" align="baseline">
                <Text fz={32} fw={700} lh={1}>
                  {m.count}
                </Text>
                <Text size="sm" c="dimmed">
                  of {m.checked}
                  {m.truncated ? '+' : ''} active users
                </Text>
                {delta !== 0 && (
                  <Badge color={delta > 0 ? 'teal' : 'red'} variant="light">
                    {delta > 0 ? `+${delta}` : delta} since saved
                  </Badge>
                )}
              </Group>
            </div>
            <Progress value={m.checked ? (100 * m.count) / m.checked : 0} size="sm" aria-label="Share of active users matched" />
            {m.truncated && (
              <Text size="xs" c="dimmed">
                Only the first {m.checked} users (by user name) were checked; the count is a lower bound.
              </Text>
            )}
            {m.sample.length > 0 ? (
              <Table verticalSpacing={4} fz="sm" aria-label="Users who match">
                <Table.Tbody>
                  {m.sample.map((u) => (
                    <Table.Tr key={u.userName}>
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {u.userName}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed">
                Nobody matches: rules naming these criteria would apply to no one.
              </Text>
            )}
            {m.count > m.sample.length && (
              <Text size="xs" c="dimmed">
                and {m.count - m.sample.length} more
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Who matches does not depend on the words: a label being typed (still empty) must not stop the preview. */
function forPreview(doc: UserCriteriaDoc | null): Record<string, unknown> {
  if (!doc) return {};
  return { ...doc, label: doc.label.trim() || doc.name || 'preview' };
}
