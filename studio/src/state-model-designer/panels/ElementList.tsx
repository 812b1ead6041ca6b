import { ActionIcon, Badge, Button, Paper, ScrollArea, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { CATEGORY_COLORS, CATEGORY_LABELS } from '../canvas/category-colors.js';
import { useEditor, useEditorStoreApi } from '../store/state-model-store.js';
import { useStateInteractions } from '../store/use-state-interactions.js';
import { useTransitionInteractions } from '../store/use-transition-interactions.js';

/**
 * The states and transitions as tables: everything the canvas does (select to edit, delete) without it, for the
 * keyboard and for screen readers.
 */
export function ElementList({ readOnly }: { readOnly: boolean }) {
  const store = useEditorStoreApi();
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const { deleteStates } = useStateInteractions();
  const { deleteTransitions } = useTransitionInteractions();
  const labels = new Map(doc.states.map((s) => [s.name, s.label]));
  const pickState = (name: string) => (store.getState().select({ states: [name], transitions: [] }), store.getState().requestFit([name]));
  const pickTransition = (index: number, from: string, to: string) => (store.getState().select({ states: [], transitions: [index] }), store.getState().requestFit([from, to]));
  return (
    <Paper withBorder p="md">
      <Tabs defaultValue="states" keepMounted={false}>
        <Tabs.List aria-label="Lists">
          <Tabs.Tab value="states">States ({doc.states.length})</Tabs.Tab>
          <Tabs.Tab value="transitions">Transitions ({doc.transitions.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="states" pt="sm">
          <ScrollArea.Autosize mah={440} type="auto">
          <Table highlightOnHover stickyHeader aria-label="States" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>State</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Out</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doc.states.map((s) => (
                <Table.Tr key={s.name} bg={selection.states.includes(s.name) ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => pickState(s.name)} aria-label={`Select state ${s.label}`}>
                      {s.label}
                    </Button>
                    {s.name === doc.initial && (
                      <Badge size="xs" color="dark" ml={6}>
                        Initial
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {s.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={CATEGORY_COLORS[s.category]}>
                      {CATEGORY_LABELS[s.category]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{doc.transitions.filter((t) => t.from === s.name).length}</Table.Td>
                  <Table.Td ta="right">
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red.9" aria-label={`Delete state ${s.label}`} onClick={() => deleteStates([s.name])}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </ScrollArea.Autosize>
        </Tabs.Panel>
        <Tabs.Panel value="transitions" pt="sm">
          <ScrollArea.Autosize mah={440} type="auto">
          <Table highlightOnHover stickyHeader aria-label="Transitions" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Button</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doc.transitions.map((t, i) => (
                <Table.Tr key={i} bg={selection.transitions.includes(i) ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => pickTransition(i, t.from, t.to)} aria-label={`Select transition ${t.from} to ${t.to}`}>
                      {t.label ?? labels.get(t.to) ?? t.to}
                    </Button>
                  </Table.Td>
                  <Table.Td>{labels.get(t.from) ?? t.from}</Table.Td>
                  <Table.Td>{labels.get(t.to) ?? t.to}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={t.criteria.length ? undefined : 'dimmed'}>
                      {t.criteria.length ? t.criteria.join(', ') : 'Anyone who may update'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red.9" aria-label={`Delete transition ${t.from} to ${t.to}`} onClick={() => deleteTransitions([i])}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </ScrollArea.Autosize>
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
