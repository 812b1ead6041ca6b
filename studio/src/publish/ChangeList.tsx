import { Badge, Code, Group, Paper, Spoiler, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { formatValue, groupChanges, parseChangeKind, propertyChanges, type ChangeAction, type ChangeLine } from './change-groups.js';
import { kindLabel } from './kind-label.js';
import { ToneBadge } from './ToneBadge.js';

const ACTION_COLOR: Record<ChangeAction, string> = {
  added: 'green',
  changed: 'blue',
  removed: 'red',
  archived: 'orange',
  restored: 'teal',
  renamed: 'violet',
};

/**
 * A metadata diff, document by document: each change with what it touched, before → after. Whole documents
 * (additions, removals) are shown folded, so a long diff stays scannable.
 */
export function ChangeList({ changes, label = 'Changes' }: { changes: readonly ChangeLine[]; label?: string }) {
  if (changes.length === 0) return <Text c="dimmed">No changes.</Text>;
  return (
    <Stack gap="sm" role="list" aria-label={label}>
      {groupChanges(changes).map((group) => (
        <Paper key={`${group.kind}:${group.document}`} withBorder p="sm" role="listitem" aria-label={`${kindLabel(group.kind)} ${group.document}`}>
          <Group gap="xs" mb="xs">
            <Badge variant="outline" color="gray" radius="sm">
              {kindLabel(group.kind)}
            </Badge>
            <Text fw={600} ff="monospace">
              {group.document}
            </Text>
            <Text size="xs" c="dimmed">
              {group.changes.length} change
              {group.changes.length === 1 ? '' : 's'}
            </Text>
          </Group>
          <Table verticalSpacing={6} withRowBorders layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="26%">Change</Table.Th>
                <Table.Th w="16%">Property</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th w={28} aria-label="becomes" />
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{group.changes.flatMap((change, i) => changeRows(change, `${i}`))}</Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}

function changeRows(change: ChangeLine, key: string) {
  const { field, action } = parseChangeKind(change.kind);
  const subject = field ? `field ${change.path.split('.').slice(1).join('.')}` : '';
  const head = (
    <Group gap={6} wrap="nowrap">
      <ToneBadge size="sm" color={action ? ACTION_COLOR[action] : 'gray'}>
        {action ?? change.kind}
      </ToneBadge>
      {subject && (
        <Text size="sm" ff="monospace" truncate>
          {subject}
        </Text>
      )}
    </Group>
  );
  const props = propertyChanges(change);
  if (props.length === 0) {
    const whole = change.after ?? change.before;
    return [
      <Table.Tr key={key}>
        <Table.Td>{head}</Table.Td>
        <Table.Td colSpan={4}>
          {whole === undefined || whole === null ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <WholeDocument value={whole} />
          )}
        </Table.Td>
      </Table.Tr>,
    ];
  }
  return props.map((p, i) => (
    <Table.Tr key={`${key}:${p.property}`}>
      <Table.Td>{i === 0 ? head : null}</Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {p.property}
        </Text>
      </Table.Td>
      <Table.Td>
        <Value value={p.before} />
      </Table.Td>
      <Table.Td>
        <IconArrowRight size={14} aria-hidden color="var(--mantine-color-dimmed)" />
      </Table.Td>
      <Table.Td>
        <Value value={p.after} />
      </Table.Td>
    </Table.Tr>
  ));
}

function Value({ value }: { value: unknown }) {
  const text = formatValue(value);
  return (
    <Text
      size="sm"
      ff="monospace"
      c={value === undefined || value === null ? 'dimmed' : undefined}
      style={{ overflowWrap: 'anywhere' }}
      title={text.endsWith('…') ? formatValue(value, 4000) : undefined}
    >
      {text}
    </Text>
  );
}

function WholeDocument({ value }: { value: unknown }) {
  return (
    <Spoiler maxHeight={44} showLabel="Show all" hideLabel="Show less">
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </Spoiler>
  );
}
