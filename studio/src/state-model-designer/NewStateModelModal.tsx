import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ERROR_CONTRAST } from './error-contrast.js';
import { NAME_PATTERN, type MetadataSnapshot } from '../../../schema/metadata/index.js';

export interface NewStateModelModalProps {
  opened: boolean;
  onClose: () => void;
  snapshot: MetadataSnapshot;
  /** Record types this user may give a model (their unit's, or all for the platform admin). */
  recordTypes: { value: string; label: string }[];
  onCreate: (model: { name: string; label: string; recordType: string }) => void;
}

/** Names a new state model and its record type; the designer opens on the usual life of a case. */
export function NewStateModelModal({ opened, onClose, snapshot, recordTypes, onCreate }: NewStateModelModalProps) {
  const [recordType, setRecordType] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [tried, setTried] = useState(false);
  const taken = Object.values(snapshot.stateModels ?? {});
  const typeError = !recordType ? 'Choose the record type whose states this model defines' : taken.some((m) => m.recordType === recordType) ? `"${recordType}" already has a state model` : null;
  const nameError = !name ? 'A name is needed' : !NAME_PATTERN.test(name) ? 'Lower-case letters, digits and underscores, starting with a letter' : snapshot.stateModels?.[name] ? `A state model named "${name}" exists` : null;
  return (
    <Modal opened={opened} onClose={onClose} title="New state model" centered closeButtonProps={{ 'aria-label': 'Close' }} styles={{ content: ERROR_CONTRAST }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!typeError && !nameError && recordType) onCreate({ name, label, recordType });
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            It starts as New → In progress → Resolved → Closed (and Cancelled); change it on the canvas.
          </Text>
          <Select
            label="Record type"
            data={recordTypes}
            value={recordType}
            searchable
            onChange={(v) => {
              setRecordType(v);
              if (v && !name) setName(v);
            }}
            error={tried ? typeError : null}
          />
          <TextInput label="Name" ff="monospace" value={name} onChange={(e) => setName(e.currentTarget.value)} error={tried ? nameError : null} />
          <TextInput label="Label" placeholder="e.g. Request lifecycle" value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Create and open</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
