import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { PublishDiscardDraftsDocument } from '../graphql/generated/graphql.js';
import { useGqlMutation } from '../graphql/use-gql.js';
import { FailureAlert } from './FailureAlert.js';
import { kindLabel } from './kind-label.js';
import { PUBLISH_QUERIES } from './publish-queries.js';
import type { Draft } from './use-draft-scope.js';

/**
 * Throws drafts away after a confirmation naming each. Each is discarded only if still at the version shown, so a
 * draft someone saved meanwhile is not lost unseen (the server answers CONFLICT and nothing is discarded).
 */
export function DiscardDraftsButton({ drafts, label, onDiscarded }: { drafts: readonly Draft[]; label: string; onDiscarded?: () => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const discard = useGqlMutation(PublishDiscardDraftsDocument, PUBLISH_QUERIES);
  const confirm = () =>
    discard.mutate(
      { drafts: drafts.map((d) => ({ name: d.name, version: d.version })) },
      {
        onSuccess: () => {
          close();
          onDiscarded?.();
        },
      },
    );
  return (
    <>
      <Button
        variant="default"
        color="red.9"
        leftSection={<IconTrash size={16} />}
        disabled={drafts.length === 0}
        onClick={() => {
          discard.reset();
          open();
        }}
      >
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`Discard ${drafts.length} draft${drafts.length === 1 ? '' : 's'}?`}
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          <Text size="sm">The saved changes of these documents are thrown away; the published versions stay as they are. This cannot be undone.</Text>
          <List size="sm" spacing={2}>
            {drafts.map((d) => (
              <List.Item key={d.name}>
                {kindLabel(d.kind)}{' '}
                <Text span ff="monospace" size="sm">
                  {d.key}
                </Text>
                {d.removal ? ' (removal)' : ''}
              </List.Item>
            ))}
          </List>
          {discard.error && <FailureAlert title="The drafts were not discarded" error={discard.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep them
            </Button>
            <Button color="red.9" loading={discard.isPending} onClick={confirm}>
              Discard
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
