import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { nameProblem } from '../../../schema/metadata/index.js';

/** Asks for the new criteria's name (checked as the server checks names, and against those taken), then opens it. */
export function NewCriteriaButton({ taken }: { taken: ReadonlySet<string> }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const navigate = useNavigate();
  const problem = !name ? null : taken.has(name) ? `criteria "${name}" exist already` : nameProblem(name);
  const create = () => {
    if (!name || problem) return;
    close();
    void navigate(`/user-criteria/${encodeURIComponent(name)}?new=1`);
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New criteria
      </Button>
      <Modal opened={opened} onClose={close} title="New user criteria">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create();
          }}
        >
          <Stack>
            <TextInput
              label="Name"
              description="Rules, case types and state models refer to the criteria by this name; it cannot change later."
              placeholder="e.g. network_agents"
              value={name}
              onChange={(event) => setName(event.currentTarget.value.trim())}
              error={problem}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={!name || !!problem}>
                Create
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
