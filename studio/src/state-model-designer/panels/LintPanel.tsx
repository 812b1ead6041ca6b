import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { LintItem } from '../lint/lint-state-model.js';
import { useEditorStoreApi } from '../store/state-model-store.js';

/** The model's findings, live; clicking one selects what it is about and brings it into view. */
export function LintPanel({ items }: { items: readonly LintItem[] }) {
  const store = useEditorStoreApi();
  const go = (item: LintItem) => {
    const { doc, select, requestFit } = store.getState();
    if (item.target.kind === 'state') {
      select({ states: [item.target.name], transitions: [] });
      requestFit([item.target.name]);
    } else if (item.target.kind === 'transition') {
      const t = doc.transitions[item.target.index];
      select({ states: [], transitions: [item.target.index] });
      if (t) requestFit([t.from, t.to]);
    }
  };
  return (
    <Paper withBorder p="md" role="region" aria-label="Checks">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Checks
          </Title>
          <Badge color={items.some((i) => i.severity === 'error') ? 'red' : items.length ? 'orange' : 'teal'} variant="dot">
            {items.length ? `${items.length} finding${items.length === 1 ? '' : 's'}` : 'All good'}
          </Badge>
        </Group>
        {items.length === 0 && (
          <Group gap={6}>
            <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text size="sm">Every state is reachable and records can be closed.</Text>
          </Group>
        )}
        <Stack gap={4} role="list" aria-label="Findings" mah={260} style={{ overflowY: 'auto' }}>
          {items.map((item) => (
            <div key={item.id} role="listitem">
              <UnstyledButton
                onClick={() => go(item)}
                aria-label={`${item.severity === 'error' ? 'Error' : 'Warning'}: ${item.message}`}
                p={6}
                style={{ borderRadius: 6, display: 'flex', gap: 8, alignItems: 'flex-start', width: '100%' }}
              >
                {item.severity === 'error' ? <IconAlertCircle size={16} color="var(--mantine-color-red-7)" style={{ flex: 'none', marginTop: 2 }} aria-hidden /> : <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" style={{ flex: 'none', marginTop: 2 }} aria-hidden />}
                <Text size="sm">
                  {item.message}
                  {item.source === 'validator' && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (publish check)
                    </Text>
                  )}
                </Text>
              </UnstyledButton>
            </div>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
