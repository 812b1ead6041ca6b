import { Alert, Anchor, Badge, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PublishPreviewDocument, StudioValidateDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { AccessDiffPanel } from './AccessDiffPanel.js';
import { ChangeList } from './ChangeList.js';
import { DdlBlock } from './DdlBlock.js';
import { DiscardDraftsButton } from './DiscardDraftsButton.js';
import { DraftTable } from './DraftTable.js';
import { FailureAlert } from './FailureAlert.js';
import { ProblemList } from './ProblemList.js';
import { PublishForm } from './PublishForm.js';
import { READABLE_TITLE } from './readable-title.js';
import { Section } from './Section.js';
import { UnitScopeNote } from './UnitScopeNote.js';
import { useDraftScope } from './use-draft-scope.js';
import { usePublishedSinceOpen } from './use-published-since-open.js';
import { ToneBadge } from './ToneBadge.js';

/**
 * The publish loop: what waits, what stops it (each problem a link to where it is fixed), what it changes (the
 * metadata diff and the SQL), who gains or loses access, then a message and Publish — or discard drafts.
 */
export function PublishPage() {
  const scope = useDraftScope();
  const validate = useGqlQuery(StudioValidateDocument);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const since = usePublishedSinceOpen(scope.working?.publishedVersion);
  const drafts = scope.mine;
  const problems = validate.data?.validateMetadata ?? [];
  const clean = validate.isSuccess && problems.length === 0;
  const preview = useGqlQuery(PublishPreviewDocument, undefined, {
    enabled: clean && drafts.length > 0,
  });

  if (scope.error) return <FailureAlert title="The drafts could not be loaded" error={scope.error} />;
  if (scope.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the drafts" />
      </Center>
    );
  const chosen = drafts.filter((d) => selected.has(d.name));
  const blockedBy = validate.isPending
    ? 'Checking the drafts…'
    : validate.error
      ? 'The drafts could not be checked.'
      : problems.length
        ? `Fix the ${problems.length} problem${problems.length === 1 ? '' : 's'} above first.`
        : null;

  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>Review and publish</Title>
          <Text c="dimmed" size="sm">
            Check the drafts, see what they change and who they affect, then make them live as one new version.
          </Text>
        </Stack>
        {scope.working && (
          <ToneBadge color="gray" size="lg">
            Live: version {scope.working.publishedVersion}
          </ToneBadge>
        )}
      </Group>

      {since.publishedSinceOpen && (
        <Alert color="yellow" variant="light" styles={READABLE_TITLE} icon={<IconAlertTriangle />} title="Someone published since you opened this page">
          Version {scope.working?.publishedVersion} is live now (it was {since.openedAt} when you opened this page). The drafts, problems and changes below are
          refreshed against it; review them again before publishing.{' '}
          <Anchor component={Link} to="/versions" size="sm" c="indigo.9">
            See the versions
          </Anchor>
        </Alert>
      )}
      <UnitScopeNote units={scope.units?.map((u) => scope.published?.businessUnits[u]?.label ?? u) ?? null} others={scope.others.length} />

      <Section
        step={1}
        title="Drafts"
        description={drafts.length ? 'Saved changes that are not live yet. Open one to keep editing it.' : undefined}
        status={<Badge variant="light">{drafts.length}</Badge>}
        actions={
          drafts.length > 0 && (
            <>
              <DiscardDraftsButton drafts={chosen} label={`Discard selected (${chosen.length})`} onDiscarded={() => setSelected(new Set())} />
              <DiscardDraftsButton drafts={drafts} label="Discard all" onDiscarded={() => setSelected(new Set())} />
            </>
          )
        }
      >
        {drafts.length ? (
          <DraftTable
            drafts={drafts}
            working={scope.working?.snapshot ?? null}
            published={scope.published}
            selection={{ selected, onChange: setSelected }}
            label="Drafts to publish"
          />
        ) : (
          <Text size="sm">No drafts wait to be published. Changes saved in the designers show up here.</Text>
        )}
      </Section>

      <Section
        step={2}
        title="Problems"
        description="What stops the drafts from publishing, checked by the server as a publish would check them."
        status={validate.isSuccess && <ToneBadge color={problems.length ? 'red' : 'green'}>{problems.length}</ToneBadge>}
      >
        {validate.isPending && <Loader size="sm" aria-label="Checking the drafts" />}
        {validate.error && <FailureAlert title="The drafts could not be checked" error={validate.error} />}
        {clean && (
          <Group gap={6}>
            <IconCircleCheck size={18} color="var(--mantine-color-green-9)" aria-hidden />
            <Text size="sm">No problems: the drafts can be published.</Text>
          </Group>
        )}
        {problems.length > 0 && <ProblemList problems={problems} snapshot={scope.working?.snapshot ?? null} />}
      </Section>

      <Section step={3} title="Changes" description="What the drafts change, document by document, and the schema changes the publish runs.">
        {drafts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No drafts, no changes.
          </Text>
        ) : !clean ? (
          <Text size="sm" c="dimmed">
            The changes are shown once the drafts pass the checks.
          </Text>
        ) : preview.isPending ? (
          <Loader size="sm" aria-label="Computing the changes" />
        ) : preview.error ? (
          <FailureAlert title="The changes could not be computed" error={preview.error} />
        ) : (
          <>
            <ChangeList changes={preview.data?.publishMetadata.changes ?? []} label="Changes to publish" />
            <DdlBlock ddl={preview.data?.publishMetadata.ddl ?? []} />
          </>
        )}
      </Section>

      <Section step={4} title="Access" description="Who gains or loses read access to records, and to how many, once the drafts are live.">
        {scope.units !== null ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
            Only the platform administrator can preview access changes across all users.
          </Alert>
        ) : drafts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No drafts, no access changes.
          </Text>
        ) : !clean ? (
          <Text size="sm" c="dimmed">
            The access changes are shown once the drafts pass the checks.
          </Text>
        ) : (
          <AccessDiffPanel />
        )}
      </Section>

      <Section step={5} title="Publish">
        <PublishForm draftCount={drafts.length} blockedBy={blockedBy} onPublished={(v) => since.acknowledge(v.id)} />
      </Section>
    </Stack>
  );
}
