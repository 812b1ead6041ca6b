import { Group, Stack, Text } from '@mantine/core';
import { Tag } from './Tag.js';
import type { AclDoc } from '../../../schema/access/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { summarizeCondition } from '../condition-builder/index.js';

/** A rule in three lines: who it is for, which records, through what. Shared by own and inherited rules. */
export function RuleSummary({ model, rule }: { model: Model; rule: AclDoc }) {
  const criteria = model.snapshot.userCriteria ?? {};
  let condition: string;
  try {
    condition = rule.condition ? summarizeCondition(model, rule.recordType, rule.condition) : 'every record';
  } catch {
    condition = 'a condition that cannot be read (see the editor)';
  }
  return (
    <Stack gap={4}>
      <Text size="sm">{rule.description ?? <Text span c="dimmed" size="sm">No description</Text>}</Text>
      <Group gap={6}>
        <Text size="xs" c="dimmed" w={56}>
          For
        </Text>
        {rule.criteria.length === 0 ? (
          <Text size="xs">every signed-in user</Text>
        ) : (
          rule.criteria.map((name) => (
            <Tag key={name} size="sm" variant="light" color={criteria[name] ? 'grape' : 'red'} tt="none">
              {criteria[name]?.label ?? `${name} (missing)`}
            </Tag>
          ))
        )}
      </Group>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" w={56} style={{ flexShrink: 0 }}>
          Records
        </Text>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
          {condition}
        </Text>
      </Group>
      {rule.through && (
        <Group gap={6}>
          <Text size="xs" c="dimmed" w={56}>
            Through
          </Text>
          <Text size="xs">
            the <Text span ff="monospace" size="xs">{rule.through}</Text> record must be readable too
          </Text>
        </Group>
      )}
    </Stack>
  );
}
