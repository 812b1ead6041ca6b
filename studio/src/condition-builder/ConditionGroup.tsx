import { ActionIcon, Badge, Box, Button, Group, Paper, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { IconFolderPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Condition } from '../../../schema/condition/index.js';
import { useBuilderContext } from './builder-context.js';
import { ConditionRow } from './ConditionRow.js';
import { groupCondition, groupView, type GroupMode, type GroupView } from './condition-tree.js';
import { newTest } from './new-test.js';

export interface ConditionGroupProps {
  view: GroupView;
  at: string;
  depth: number;
  /** The root group: emptied it is no condition; it cannot be removed. */
  root: boolean;
  /** `addsRow`: the change adds a row, which then takes the focus. */
  onChange: (next: Condition | null, addsRow?: boolean) => void;
}

/** An all/any group: its rows and nested groups, with add, negate and (below the root) remove. */
export function ConditionGroup({ view, at, depth, root, onChange }: ConditionGroupProps) {
  const ctx = useBuilderContext();
  const { readOnly, groupNumber } = ctx;
  const n = groupNumber(at);
  const emit = (next: Partial<Pick<GroupView, 'mode' | 'negated' | 'children'>>, addsRow = false) =>
    onChange(groupCondition({ ...view, ...next }, root), addsRow);
  const replaceChild = (i: number, next: Condition | null, addsRow = false) =>
    emit({ children: next === null ? view.children.filter((_, j) => j !== i) : view.children.map((c, j) => (j === i ? next : c)) }, addsRow);
  const other: GroupMode = view.mode === 'and' ? 'or' : 'and';
  const joiner = view.mode === 'and' ? 'and' : 'or';

  if (root && view.children.length === 0) {
    return (
      <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            No condition: every record matches.
          </Text>
          {!readOnly && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} aria-label={`Add condition to group ${n}`} onClick={() => emit({ children: [newTest(ctx)] }, true)}>
              Add condition
            </Button>
          )}
        </Group>
      </Paper>
    );
  }

  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      role="group"
      aria-label={`Group ${n}`}
      bg={depth % 2 ? 'var(--mantine-color-gray-0)' : undefined}
      style={view.negated ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            {view.negated && (
              <Badge color="red" variant="light">
                Not
              </Badge>
            )}
            <Text size="sm" fw={500}>
              Match
            </Text>
            <SegmentedControl
              aria-label={`Match of group ${n}`}
              size="xs"
              readOnly={readOnly}
              value={view.mode}
              data={[
                { value: 'and', label: 'All' },
                { value: 'or', label: 'Any' },
              ]}
              onChange={(mode) => emit({ mode: mode as GroupMode })}
            />
            <Text size="sm" c="dimmed">
              of these conditions
            </Text>
          </Group>
          <Group gap="xs">
            <Switch
              size="xs"
              label="Negate"
              aria-label={`Negate group ${n}`}
              checked={view.negated}
              disabled={readOnly}
              onChange={(e) => emit({ negated: e.currentTarget.checked })}
            />
            {!root && !readOnly && (
              <ActionIcon variant="subtle" color="red" aria-label={`Remove group ${n}`} onClick={() => onChange(null)}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        </Group>
        {view.children.map((child, i) => {
          const childAt = view.childAt(i);
          const sub = groupView(child, childAt);
          return (
            <Box key={childAt}>
              {i > 0 && (
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4} aria-hidden>
                  {joiner}
                </Text>
              )}
              {sub ? (
                <ConditionGroup view={sub} at={childAt} depth={depth + 1} root={false} onChange={(next, addsRow) => replaceChild(i, next, addsRow)} />
              ) : (
                <ConditionRow
                  node={child}
                  at={childAt}
                  parentMode={view.mode}
                  onChange={(next) => replaceChild(i, next)}
                  onDuplicate={() => emit({ children: [...view.children.slice(0, i + 1), child, ...view.children.slice(i + 1)] })}
                />
              )}
            </Box>
          );
        })}
        {view.children.length === 0 && (
          <Text size="sm" c="dimmed">
            {view.mode === 'and' ? 'An empty "all" group always matches.' : 'An empty "any" group never matches.'}
          </Text>
        )}
        {!readOnly && (
          <Group gap="xs">
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} aria-label={`Add condition to group ${n}`} onClick={() => emit({ children: [...view.children, newTest(ctx)] }, true)}>
              Add condition
            </Button>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconFolderPlus size={14} />}
              aria-label={`Add group to group ${n}`}
              onClick={() => emit({ children: [...view.children, other === 'and' ? { and: [newTest(ctx)] } : { or: [newTest(ctx)] }] }, true)}
            >
              Add group
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
