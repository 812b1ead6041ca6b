import { Button, Group, Paper, Select, Stack, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useEditor } from '../store/state-model-store.js';
import { useTransitionInteractions } from '../store/use-transition-interactions.js';

/** Adds a transition without the canvas: pick both ends. */
export function AddTransitionForm() {
  const states = useEditor((s) => s.doc.states);
  const { addTransition } = useTransitionInteractions();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = states.map((s) => ({ value: s.name, label: `${s.label} (${s.name})` }));
  return (
    <Paper withBorder p="md" component="form" aria-label="Add transition" onSubmit={(e) => {
      e.preventDefault();
      const refusal = addTransition(from ?? '', to ?? '');
      setError(refusal);
      if (!refusal) setTo(null);
    }}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Add transition
        </Title>
        <Group grow gap="xs" align="flex-start">
          <Select label="From state" data={data} value={from} searchable onChange={(v) => (setFrom(v), setError(null))} />
          <Select label="To state" data={data} value={to} searchable onChange={(v) => (setTo(v), setError(null))} error={error} />
        </Group>
        <Button type="submit" size="xs" variant="light" leftSection={<IconArrowRight size={14} />}>
          Add transition
        </Button>
      </Stack>
    </Paper>
  );
}
