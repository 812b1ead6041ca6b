import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { docsOf, type KindName, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { formatTime, kindLabel } from './kind-label.js';
import { documentHref } from './problem-href.js';
import type { Draft } from './use-draft-scope.js';
import { ToneBadge } from './ToneBadge.js';

export interface DraftTableProps {
  drafts: readonly Draft[];
  /** Working metadata, for the designer links; published, to tell a new document from an edit. */
  working: MetadataSnapshot | null;
  published: MetadataSnapshot | null;
  /** With a selection the table has a checkbox per draft (by draft name). */
  selection?: {
    selected: ReadonlySet<string>;
    onChange(next: Set<string>): void;
  };
  label?: string;
}

/** Drafts waiting to be published: which document, what kind of change, who saved it last and when. */
export function DraftTable({ drafts, working, published, selection, label = 'Drafts' }: DraftTableProps) {
  const all = selection && drafts.length > 0 && drafts.every((d) => selection.selected.has(d.name));
  const some = selection && drafts.some((d) => selection.selected.has(d.name));
  const toggle = (name: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    selection.onChange(next);
  };
  return (
    <Table verticalSpacing="xs" highlightOnHover aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {selection && (
            <Table.Th w={40}>
              <Checkbox
                aria-label="Select every draft"
                checked={!!all}
                indeterminate={!all && !!some}
                onChange={() => selection.onChange(all ? new Set() : new Set(drafts.map((d) => d.name)))}
              />
            </Table.Th>
          )}
          <Table.Th>Document</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Change</Table.Th>
          <Table.Th>Saved by</Table.Th>
          <Table.Th>When</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {drafts.map((d) => {
          const kind = d.kind as KindName;
          const isNew = published ? !docsOf(published, kind)?.[d.key] : false;
          const change = d.removal ? { label: 'Removal', color: 'red' } : isNew ? { label: 'New', color: 'green' } : { label: 'Edit', color: 'blue' };
          return (
            <Table.Tr key={d.name}>
              {selection && (
                <Table.Td>
                  <Checkbox aria-label={`Select ${kindLabel(kind)} ${d.key}`} checked={selection.selected.has(d.name)} onChange={() => toggle(d.name)} />
                </Table.Td>
              )}
              <Table.Td>
                {working ? (
                  <Anchor component={Link} to={documentHref(kind, d.key, working)} ff="monospace" size="sm">
                    {d.key}
                  </Anchor>
                ) : (
                  <Text ff="monospace" size="sm">
                    {d.key}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{kindLabel(kind)}</Text>
              </Table.Td>
              <Table.Td>
                <ToneBadge color={change.color}>{change.label}</ToneBadge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.updatedBy}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatTime(d.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
