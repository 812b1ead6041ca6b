import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PublishRollbackDocument } from '../graphql/generated/graphql.js';
import { useGqlMutation } from '../graphql/use-gql.js';
import { FailureAlert } from './FailureAlert.js';
import { PUBLISH_QUERIES } from './publish-queries.js';

/**
 * Rolls the live metadata back to `version`: after a confirmation, the old version is published again as a new
 * version (history is never rewritten), and the page moves to that new version.
 */
export function RollbackButton({ version, live }: { version: number; live: number }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [message, setMessage] = useState(`Roll back to version ${version}`);
  const rollback = useGqlMutation(PublishRollbackDocument, PUBLISH_QUERIES);
  const navigate = useNavigate();
  const confirm = () =>
    rollback.mutate(
      { toVersion: version, message: message.trim() || null },
      {
        onSuccess: (data) => {
          close();
          const created = data.rollbackMetadata.version;
          if (!created) return;
          // The new version's page says what happened (a toast would vanish before it is read).
          void navigate(`/versions/${created.id}`, { state: { rolledBackTo: version } });
        },
      },
    );
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowBackUp size={16} />}
        disabled={version === live}
        title={version === live ? 'This version is live' : undefined}
        onClick={() => {
          rollback.reset();
          open();
        }}
      >
        Roll back to this version
      </Button>
      <Modal opened={opened} onClose={close} title={`Roll back to version ${version}?`} centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack gap="sm">
          <Text size="sm">
            Version {version} is published again as a new version {live + 1}: every change made since (versions {version + 1} to {live}) is undone at once.
            Drafts stay as they are. Tables and columns added since are kept, archived, with their data.
          </Text>
          <TextInput label="Version message" value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
          {rollback.error && <FailureAlert title="The server refused the rollback" error={rollback.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={rollback.isPending} onClick={confirm}>
              Roll back
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
