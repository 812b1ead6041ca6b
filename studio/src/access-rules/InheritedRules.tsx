import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Tag } from './Tag.js';
import { Link, useLocation } from 'react-router';
import type { Model } from '../../../schema/metadata/index.js';
import type { InheritedRules as Inherited } from './rule-layout.js';
import { RuleSummary } from './RuleSummary.js';

/** Rules of an ancestor that decide here, read-only, with a way to the ancestor's own designer. */
export function InheritedRules({ model, inherited }: { model: Model; inherited: Inherited }) {
  const { search } = useLocation();
  return (
    <Paper withBorder radius="md" p="sm" style={{ borderStyle: 'dashed' }} aria-label={`${inherited.operation} rules inherited from ${inherited.from}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Tag size="sm" variant="outline" color="gray" tt="none">
            inherited
          </Tag>
          <Text size="sm">
            No rules of its own: the rules of{' '}
            <Anchor component={Link} to={`/access-rules/${inherited.from}${search}`} size="sm" ff="monospace">
              {inherited.from}
            </Anchor>{' '}
            apply.
          </Text>
        </Group>
        {inherited.rules.map((rule) => (
          <Stack key={rule.name} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600} ff="monospace">
              {rule.name}
            </Text>
            <RuleSummary model={model} rule={rule} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
