import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { AccessRulesPeopleDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

export interface PersonPickerProps {
  value: string | null;
  onChange: (userName: string | null) => void;
}

/** A user by name or user name, searched on the server as the admin types (the first 20 matches). */
export function PersonPicker({ value, onChange }: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const people = useGqlQuery(AccessRulesPeopleDocument, { search: debounced.trim() }, { staleTime: 30_000 });
  const data = useMemo(() => {
    const found = (people.data?.people.nodes ?? []).map((p) => ({ value: p.userName, label: `${p.name} (${p.userName})${p.active === false ? ' · inactive' : ''}` }));
    // The chosen person stays an option when the next search no longer finds them.
    return chosen && !found.some((f) => f.value === chosen.value) ? [chosen, ...found] : found;
  }, [people.data, chosen]);
  return (
    <Select
      label="User"
      placeholder="Search by name or user name"
      searchable
      clearable
      allowDeselect={false}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'No user matches'}
      error={people.error ? `Users could not be searched: ${people.error.message}` : undefined}
      onChange={(next, option) => {
        setChosen(next && option ? { value: option.value, label: option.label } : null);
        onChange(next);
      }}
    />
  );
}
