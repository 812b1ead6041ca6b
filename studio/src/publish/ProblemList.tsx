import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { MetadataSnapshot } from '../../../schema/metadata/index.js';
import { problemHref } from './problem-href.js';

export interface Problem {
  code: string;
  path: string;
  message: string;
}

/** Problems that stop a publish, each linked to the designer where it is fixed. */
export function ProblemList({ problems, snapshot }: { problems: readonly Problem[]; snapshot: MetadataSnapshot | null }) {
  return (
    <Table verticalSpacing="xs" aria-label="Problems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="32%">Where</Table.Th>
          <Table.Th>Problem</Table.Th>
          <Table.Th w={170}>Code</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => {
          const href = snapshot ? problemHref(p.path, snapshot) : null;
          const where = p.path || 'all metadata';
          return (
            <Table.Tr key={`${i}:${p.path}`}>
              <Table.Td>
                {href ? (
                  <Anchor component={Link} to={href} ff="monospace" size="sm" aria-label={`Fix ${where}`}>
                    {where}
                  </Anchor>
                ) : (
                  <Text ff="monospace" size="sm">
                    {where}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.message}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" fw={600} c="red.9">
                  {p.code}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
