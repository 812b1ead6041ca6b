import { ActionIcon, Badge, Group, Loader, Select, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PublishVersionDiffDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { ChangeList } from './ChangeList.js';
import { FailureAlert } from './FailureAlert.js';
import { Section } from './Section.js';

/**
 * The diff between any two versions (either direction; 0 is the empty start), chosen in the URL (`?from=&to=`) so a
 * comparison can be linked. Defaults to the live version against the one before it.
 */
export function VersionCompare({ versions }: { versions: readonly number[] }) {
  const [params, setParams] = useSearchParams();
  const pick = (name: string, fallback: number) => {
    const n = Number(params.get(name));
    return params.get(name) !== null && (n === 0 || versions.includes(n)) ? n : fallback;
  };
  const to = pick('to', versions[0] ?? 0);
  const from = pick('from', versions[1] ?? 0);
  const set = (next: { from?: number; to?: number }) =>
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        copy.set('from', String(next.from ?? from));
        copy.set('to', String(next.to ?? to));
        return copy;
      },
      { replace: true },
    );
  const options = [...versions.map((v) => ({ value: String(v), label: `Version ${v}` })), { value: '0', label: 'Empty start (0)' }];
  const diff = useGqlQuery(PublishVersionDiffDocument, { from, to }, { enabled: from !== to });
  return (
    <Section
      title="Compare versions"
      description="What changes from one version to the other."
      status={diff.data && from !== to ? <Badge variant="light">{diff.data.metadataDiff.length}</Badge> : undefined}
    >
      <Group align="flex-end" gap="sm">
        <Select label="From" data={options} value={String(from)} allowDeselect={false} onChange={(v) => v !== null && set({ from: Number(v) })} w={200} />
        <ActionIcon variant="default" size="lg" mb={1} aria-label="Swap the versions" onClick={() => set({ from: to, to: from })}>
          <IconArrowsExchange size={18} />
        </ActionIcon>
        <Select label="To" data={options} value={String(to)} allowDeselect={false} onChange={(v) => v !== null && set({ to: Number(v) })} w={200} />
      </Group>
      {from === to ? (
        <Text size="sm" c="dimmed">
          Choose two different versions.
        </Text>
      ) : diff.isPending ? (
        <Loader size="sm" aria-label="Comparing the versions" />
      ) : diff.error ? (
        <FailureAlert title="The versions could not be compared" error={diff.error} />
      ) : (
        <ChangeList changes={diff.data.metadataDiff} label={`Changes from version ${from} to version ${to}`} />
      )}
    </Section>
  );
}
