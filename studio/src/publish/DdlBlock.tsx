import { Accordion, Code, Text } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';

/** The SQL a publish runs, folded: most reviewers read the diff; a DBA opens this. */
export function DdlBlock({ ddl }: { ddl: readonly string[] }) {
  if (ddl.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No schema changes: no table or column changes shape.
      </Text>
    );
  return (
    <Accordion variant="separated" chevronPosition="left">
      <Accordion.Item value="ddl">
        <Accordion.Control icon={<IconDatabase size={16} />}>
          Schema changes: {ddl.length} SQL statement
          {ddl.length === 1 ? '' : 's'}
        </Accordion.Control>
        <Accordion.Panel>
          <Code block style={{ whiteSpace: 'pre-wrap' }} aria-label="SQL statements">
            {ddl.map((s) => `${s.trim().replace(/;$/, '')};`).join('\n\n')}
          </Code>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
