import { Group, MultiSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { CriteriaBuilderPeopleDocument, CriteriaBuilderPeopleNamedDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

export interface PeopleSelectProps {
  /** User names (criteria name users by `user_name`). */
  value: readonly string[];
  onChange: (next: string[]) => void;
  readOnly?: boolean;
}

/**
 * Named users, searched on the server by name or user name (there may be thousands); the chosen ones are read by
 * user name so they show their names, and one that no longer exists is called out.
 */
export function PeopleSelect({ value, onChange, readOnly }: PeopleSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useGqlQuery(CriteriaBuilderPeopleDocument, { search: debounced }, { placeholderData: keepPreviousData, enabled: !readOnly });
  const chosen = useGqlQuery(CriteriaBuilderPeopleNamedDocument, { userNames: [...value] }, { enabled: value.length > 0, placeholderData: keepPreviousData });
  const { data, names, unknown } = useMemo(() => {
    const byUserName = new Map<string, string>();
    for (const p of [...(chosen.data?.people.nodes ?? []), ...(found.data?.people.nodes ?? [])]) byUserName.set(p.userName, p.name);
    const missing = chosen.data ? value.filter((v) => !byUserName.has(v)) : [];
    const options = [...new Set([...value, ...byUserName.keys()])].map((userName) => ({
      value: userName,
      label: byUserName.has(userName) ? `${byUserName.get(userName)} (${userName})` : userName,
    }));
    return { data: options, names: byUserName, unknown: missing };
  }, [chosen.data, found.data, value]);
  return (
    <MultiSelect
      label="Users"
      description="Named people, by user name."
      placeholder={readOnly || value.length ? undefined : 'Search people by name or user name'}
      data={data}
      value={[...value]}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable={!readOnly}
      readOnly={readOnly}
      hidePickedOptions
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'Nobody by that name'}
      renderOption={({ option }) => (
        <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
          <Text size="sm">{names.get(option.value) ?? option.value}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {option.value}
          </Text>
        </Group>
      )}
      error={unknown.length ? `No user named ${unknown.map((u) => `"${u}"`).join(', ')}: it matches nobody` : undefined}
    />
  );
}
