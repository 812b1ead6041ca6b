import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PublishCommitDocument, type PublishCommitMutation } from '../graphql/generated/graphql.js';
import { useGqlMutation } from '../graphql/use-gql.js';
import { FailureAlert } from './FailureAlert.js';
import { PUBLISH_QUERIES } from './publish-queries.js';
import { READABLE_TITLE } from './readable-title.js';

type Published = NonNullable<PublishCommitMutation['publishMetadata']['version']>;

export interface PublishFormProps {
  /** How many drafts the publish takes (none: nothing to publish). */
  draftCount: number;
  /** Why publishing is not possible now (problems, still checking), or null. */
  blockedBy: string | null;
  onPublished?: (version: Published) => void;
}

/** The last step: a message for the version and Publish; the new version (with a link) or the refusal, inline. */
export function PublishForm({ draftCount, blockedBy, onPublished }: PublishFormProps) {
  const [message, setMessage] = useState('');
  const [published, setPublished] = useState<Published | null>(null);
  const publish = useGqlMutation(PublishCommitDocument, PUBLISH_QUERIES);
  const submit = () =>
    publish.mutate(
      { message: message.trim() },
      {
        onSuccess: (data) => {
          const version = data.publishMetadata.version;
          if (!version) return;
          setPublished(version);
          setMessage('');
          onPublished?.(version);
        },
      },
    );
  const hint =
    blockedBy ??
    (draftCount === 0
      ? 'Nothing to publish.'
      : message.trim() === ''
        ? 'Write a message to publish.'
        : `Publishing makes ${draftCount} draft${draftCount === 1 ? '' : 's'} live at once, as one new version.`);
  return (
    <Stack gap="sm">
      {published && (
        <Alert color="green" variant="light" styles={READABLE_TITLE} icon={<IconCircleCheck />} title={`Published version ${published.id}`} role="status">
          <Text size="sm">
            {published.message ? `“${published.message}” is live.` : 'The drafts are live.'}{' '}
            <Anchor component={Link} to={`/versions/${published.id}`} size="sm" fw={600} c="indigo.9">
              Open version {published.id}
            </Anchor>
          </Text>
        </Alert>
      )}
      <Textarea
        label="Version message"
        description="What this version changes and why: it is shown in Versions and kept with the version."
        placeholder="e.g. Incident form: clearer labels for caller and impact"
        autosize
        minRows={2}
        maxRows={6}
        value={message}
        required
        onChange={(e) => setMessage(e.currentTarget.value)}
        disabled={draftCount === 0}
      />
      {publish.error && <FailureAlert title="The server refused the publish" error={publish.error} />}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <Button
          leftSection={<IconUpload size={16} />}
          loading={publish.isPending}
          disabled={draftCount === 0 || blockedBy !== null || message.trim() === ''}
          onClick={submit}
        >
          Publish {draftCount} draft{draftCount === 1 ? '' : 's'}
        </Button>
      </Group>
    </Stack>
  );
}
