import { Anchor, Button, Card, Center, Grid, Group, List, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { KindName } from '../../../schema/metadata/index.js';
import { PublishVersionsDocument, StudioValidateDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { listLocalDrafts, useUnitFilter } from '../metadata/index.js';
import { DESIGNERS } from '../shell/designers.js';
import { splitDraftsByUnits } from './draft-scope.js';
import { DraftTable } from './DraftTable.js';
import { FailureAlert } from './FailureAlert.js';
import { formatTime, kindLabel } from './kind-label.js';
import { documentHref } from './problem-href.js';
import { Section } from './Section.js';
import { StatCard } from './StatCard.js';
import { UnitScopeNote } from './UnitScopeNote.js';
import { useDraftScope } from './use-draft-scope.js';
import { ToneBadge } from './ToneBadge.js';

/**
 * Where the studio opens: what waits to be published (on the server and unsaved in this browser), whether it
 * would publish, what was published lately, and the way into each designer. Follows the unit chosen in the header.
 */
export function OverviewPage() {
  const scope = useDraftScope();
  const [unit] = useUnitFilter();
  const validate = useGqlQuery(StudioValidateDocument);
  const versions = useGqlQuery(PublishVersionsDocument, { limit: 200 });
  const local = useMemo(() => listLocalDrafts().sort((a, b) => b.savedAt.localeCompare(a.savedAt)), []);
  const drafts = useMemo(() => {
    if (!unit || !scope.working || !scope.published) return scope.mine;
    return splitDraftsByUnits(scope.mine, { published: scope.published, working: scope.working.snapshot }, [unit]).mine;
  }, [unit, scope.mine, scope.working, scope.published]);

  if (scope.error) return <FailureAlert title="The overview could not be loaded" error={scope.error} />;
  if (scope.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the overview" />
      </Center>
    );
  const unitLabel = unit ? (scope.published?.businessUnits[unit]?.label ?? unit) : null;
  const problems = validate.data?.validateMetadata.length;
  const recent = versions.data?.metadataVersions.slice(0, 5) ?? [];
  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{unitLabel ? `Overview: ${unitLabel}` : 'Overview'}</Title>
          <Text c="dimmed" size="sm">
            {unitLabel ? `Drafts and designers of ${unitLabel}.` : 'Drafts, problems and recent versions of all business units.'}
          </Text>
        </Stack>
        <Button component={Link} to="/publish" leftSection={<IconUpload size={16} />} variant={drafts.length ? 'filled' : 'default'}>
          Review and publish
        </Button>
      </Group>
      <UnitScopeNote units={scope.units?.map((u) => scope.published?.businessUnits[u]?.label ?? u) ?? null} others={scope.others.length} />

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <StatCard label="Drafts waiting" value={drafts.length} tone={drafts.length ? 'blue' : 'gray'} to="/publish" />
        <StatCard
          label="Problems"
          value={problems ?? '…'}
          tone={problems ? 'red' : 'green'}
          to="/publish"
          hint={validate.error ? 'could not check' : problems === 0 ? 'ready to publish' : undefined}
        />
        <StatCard label="Unsaved in this browser" value={local.length} tone={local.length ? 'orange' : 'gray'} />
        <StatCard
          label="Live version"
          value={scope.working?.publishedVersion ?? '…'}
          tone="gray"
          to={scope.working ? `/versions/${scope.working.publishedVersion}` : undefined}
        />
      </SimpleGrid>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Section title="Drafts waiting" description={drafts.length ? 'Saved, not live yet: the next publish takes them.' : undefined}>
              {drafts.length ? (
                <DraftTable drafts={drafts} working={scope.working?.snapshot ?? null} published={scope.published} label="Drafts waiting" />
              ) : (
                <Text size="sm" c="dimmed">
                  No drafts wait. Changes saved in a designer are listed here until they are published.
                </Text>
              )}
            </Section>
            {local.length > 0 && (
              <Section
                title="Unsaved in this browser"
                description="Edits kept in this browser that were never saved as drafts. Open one to save or discard it."
              >
                <List size="sm" spacing={4} aria-label="Unsaved edits">
                  {local.map((d) => (
                    <List.Item key={`${d.kind}:${d.name}`}>
                      <Anchor
                        component={Link}
                        to={scope.working ? documentHref(d.kind as KindName, d.name, scope.working.snapshot) : '/'}
                        ff="monospace"
                        size="sm"
                      >
                        {d.name}
                      </Anchor>{' '}
                      <Text span size="sm" c="dimmed">
                        {kindLabel(d.kind)} · {formatTime(d.savedAt)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Section
            title="Recent versions"
            actions={
              <Anchor component={Link} to="/versions" size="sm">
                All versions
              </Anchor>
            }
          >
            {versions.error ? (
              <FailureAlert title="The versions could not be loaded" error={versions.error} />
            ) : recent.length === 0 ? (
              <Text size="sm" c="dimmed">
                {versions.isPending ? 'Loading…' : 'Nothing published yet.'}
              </Text>
            ) : (
              <Stack gap="xs" role="list" aria-label="Recent versions">
                {recent.map((v) => (
                  <Stack key={v.id} gap={0} role="listitem">
                    <Group gap={6}>
                      <Anchor component={Link} to={`/versions/${v.id}`} size="sm" fw={600}>
                        Version {v.id}
                      </Anchor>
                      {v.rollbackOf != null && (
                        <ToneBadge size="xs" color="orange">
                          rollback
                        </ToneBadge>
                      )}
                    </Group>
                    <Text size="sm" lineClamp={1}>
                      {v.message || 'No message'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {v.author} · {formatTime(v.createdAt)} · {v.changes.length} change
                      {v.changes.length === 1 ? '' : 's'}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            )}
          </Section>
        </Grid.Col>
      </Grid>

      <Title order={3} size="h4" mt="xs">
        Designers
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        {DESIGNERS.filter((d) => d.path !== '').map((d) => (
          <Card key={d.path} component={Link} to={`/${d.path}${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`} withBorder padding="sm" radius="md">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
                <d.icon size={20} stroke={1.6} />
              </ThemeIcon>
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {d.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.description}
                </Text>
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
