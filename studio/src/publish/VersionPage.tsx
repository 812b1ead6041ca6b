import { Alert, Anchor, Badge, Breadcrumbs, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconGitCompare } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router';
import { PublishVersionDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { useWorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { ChangeList } from './ChangeList.js';
import { FailureAlert } from './FailureAlert.js';
import { formatTime } from './kind-label.js';
import { RollbackButton } from './RollbackButton.js';
import { Section } from './Section.js';
import { ToneBadge } from './ToneBadge.js';

/** One published version: who, when, why, what it changed since the one before; roll back to it. */
export function VersionPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useGqlQuery(PublishVersionDocument, { id }, { enabled: valid });
  const live = useWorkingMetadata(true).metadata?.publishedVersion;
  const access = useStudioAccess();
  const rolledBackTo = (useLocation().state as { rolledBackTo?: number } | null)?.rolledBackTo;
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/versions" underline="hover">
        Versions
      </Anchor>
      <Text>Version {valid ? id : '?'}</Text>
    </Breadcrumbs>
  );
  if (!valid) return <FailureAlert title="No such version" error={new Error('A version is a positive whole number, e.g. /versions/3.')} />;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the version" />
      </Center>
    );
  if (query.error) return <FailureAlert title="The version could not be loaded" error={query.error} />;
  const v = query.data.metadataVersion;
  if (!v)
    return (
      <Stack>
        {crumbs}
        <FailureAlert title={`There is no version ${id}`} error={new Error(`Version ${id} was never published. The list of versions shows those that were.`)} />
      </Stack>
    );
  return (
    <Stack gap="md" maw={1180}>
      {crumbs}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>Version {v.id}</Title>
            {v.id === live && <ToneBadge color="green">Live</ToneBadge>}
            {v.rollbackOf !== null && v.rollbackOf !== undefined && <ToneBadge color="orange">Rollback to version {v.rollbackOf}</ToneBadge>}
          </Group>
          <Text size="lg">
            {v.message || (
              <Text span c="dimmed">
                No message
              </Text>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            Published by {v.author} on {formatTime(v.createdAt)}
          </Text>
        </Stack>
        <Group gap="xs">
          {v.id > 1 && (
            <Button component={Link} to={`/versions?from=${v.id - 1}&to=${v.id}`} variant="default" leftSection={<IconGitCompare size={16} />}>
              Compare
            </Button>
          )}
          {access.platformAdmin && live !== undefined && <RollbackButton version={v.id} live={live} />}
        </Group>
      </Group>
      {rolledBackTo !== undefined && (
        <Alert color="blue" variant="light" role="status" icon={<IconArrowBackUp />} title={`Rolled back to version ${rolledBackTo}`}>
          Version {rolledBackTo} is live again, published as this version {v.id}.
        </Alert>
      )}
      <Section
        title="Changes"
        description={v.id === 1 ? 'Everything this first version brought.' : `What changed since version ${v.id - 1}.`}
        status={<Badge variant="light">{v.changes.length}</Badge>}
      >
        <ChangeList changes={v.changes} label={`Changes of version ${v.id}`} />
      </Section>
    </Stack>
  );
}
