import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { nameProblem, type RecordTypeDoc } from '../../../schema/metadata/index.js';
import { useWorkingMetadata } from '../metadata/index.js';

/**
 * "New record type" (the platform administrator's): asks for the name (fixed for good: it becomes the table and
 * the GraphQL type) and the label, then opens the designer on the new, unsaved type.
 */
export function NewRecordTypeButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const snapshot = useWorkingMetadata().metadata?.snapshot;
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [parent, setParent] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const types = Object.values(snapshot?.recordTypes ?? {}) as RecordTypeDoc[];
  const nameError = !touched && !name ? null : !name ? 'A name is required' : (nameProblem(name) ?? (snapshot?.recordTypes[name] ? `"${name}" already exists` : null));
  const labelError = touched && !label.trim() ? 'A label is required' : null;
  const create = () => {
    setTouched(true);
    if (!name || nameProblem(name) || snapshot?.recordTypes[name] || !label.trim()) return;
    const params = new URLSearchParams({ new: '1', label: label.trim(), ...(parent ? { extends: parent } : {}) });
    close();
    void navigate(`/record-types/${name}?${params.toString()}`);
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New record type
      </Button>
      <Modal opened={opened} onClose={close} title="New record type">
        <Stack gap="sm">
          <TextInput label="Label" required value={label} error={labelError} onChange={(e) => setLabel(e.currentTarget.value)} data-autofocus />
          <TextInput
            label="Name"
            description="Lower-case letters, digits and underscores; it names the table and cannot change later"
            required
            value={name}
            error={nameError}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label="Extends"
            description="An abstract type whose fields it inherits (optional)"
            clearable
            searchable
            value={parent}
            onChange={setParent}
            data={types.filter((t) => t.abstract && !t.archived).map((t) => ({ value: t.name, label: `${t.label} (${t.name})` }))}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={create}>Create</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
