import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { Model } from '../../../../schema/metadata/index.js';
import { useEditor } from '../store/state-model-store.js';
import { useStateInteractions } from '../store/use-state-interactions.js';
import { useTransitionInteractions } from '../store/use-transition-interactions.js';
import { StateInspector } from './StateInspector.js';
import { TransitionInspector } from './TransitionInspector.js';

/** The selection's editor: one state, one transition, or what to do with several. */
export function Inspector({ model, readOnly }: { model: Model | null; readOnly: boolean }) {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const { deleteStates } = useStateInteractions();
  const { deleteTransitions } = useTransitionInteractions();
  const states = selection.states.filter((n) => doc.states.some((s) => s.name === n));
  const transitions = selection.transitions.filter((i) => i < doc.transitions.length);
  const count = states.length + transitions.length;
  let body;
  if (count === 0)
    body = (
      <>
        <Title order={3} size="h5">
          Inspector
        </Title>
        <Text size="sm" c="dimmed">
          Select a state or a transition on the canvas or in the lists below to edit it.
        </Text>
      </>
    );
  else if (states.length === 1 && count === 1) {
    const state = doc.states.find((s) => s.name === states[0])!;
    body = <StateInspector key={state.name} state={state} initial={doc.initial === state.name} readOnly={readOnly} />;
  } else if (transitions.length === 1 && count === 1)
    body = <TransitionInspector key={transitions[0]} doc={doc} index={transitions[0]!} transition={doc.transitions[transitions[0]!]!} model={model} readOnly={readOnly} />;
  else
    body = (
      <>
        <Title order={3} size="h5">
          {states.length} states, {transitions.length} transitions selected
        </Title>
        {!readOnly && (
          <Button
            variant="outline"
            color="red.9"
            size="xs"
            leftSection={<IconTrash size={14} />}
            onClick={() => (states.length ? deleteStates(states) : deleteTransitions(transitions))}
          >
            {states.length ? 'Delete the states and their transitions' : 'Delete the transitions'}
          </Button>
        )}
      </>
    );
  return (
    <Paper withBorder p="md" role="region" aria-label="Inspector">
      <Stack gap="sm">{body}</Stack>
    </Paper>
  );
}
