import { Button, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { StateCategory, StateDoc } from '../../../../schema/case/index.js';
import { CATEGORY_OPTIONS } from '../canvas/category-colors.js';
import { useStateInteractions } from '../store/use-state-interactions.js';

export interface StateInspectorProps {
  state: StateDoc;
  initial: boolean;
  readOnly: boolean;
}

/** Edits one state: label, name (renamed everywhere it is used), category, whether records start in it. */
export function StateInspector({ state, initial, readOnly }: StateInspectorProps) {
  const { updateState, rename, makeInitial, deleteStates } = useStateInteractions();
  const [name, setName] = useState(state.name);
  const [nameError, setNameError] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        State {state.label}
      </Title>
      <TextInput label="Label" value={state.label} readOnly={readOnly} onChange={(e) => updateState(state.name, { label: e.currentTarget.value })} error={state.label ? null : 'A state needs a label'} />
      <TextInput
        label="Name"
        description="The stored value; renaming updates its transitions"
        value={name}
        readOnly={readOnly}
        ff="monospace"
        error={nameError}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setName(next);
          setNameError(rename(state.name, next));
        }}
      />
      <Select
        label="Category"
        description="What the state means to SLAs and reports"
        data={CATEGORY_OPTIONS}
        value={state.category}
        allowDeselect={false}
        readOnly={readOnly}
        onChange={(value) => value && updateState(state.name, { category: value as StateCategory })}
      />
      <Switch
        label="Initial state"
        description={initial ? 'New records start here' : 'Make new records start here'}
        checked={initial}
        disabled={readOnly || initial}
        onChange={(e) => e.currentTarget.checked && makeInitial(state.name)}
      />
      {!readOnly && (
        <Button variant="outline" color="red.9" size="xs" leftSection={<IconTrash size={14} />} onClick={() => deleteStates([state.name])}>
          Delete state and its transitions
        </Button>
      )}
    </Stack>
  );
}
