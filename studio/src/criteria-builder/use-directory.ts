import { useMemo } from 'react';
import { CriteriaBuilderDirectoryDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

/** One choice of a criteria dimension: the stored name, and where it sits (a group's or account's parent). */
export interface DirectoryOption {
  value: string;
  label: string;
  /** e.g. "in Network", or a role's description. */
  hint?: string;
}

export interface Directory {
  groups: DirectoryOption[];
  roles: DirectoryOption[];
  accounts: DirectoryOption[];
  departments: DirectoryOption[];
  locations: DirectoryOption[];
  /** Kinds read to the end (fewer than a page): only there is a name missing from the list known not to exist. */
  complete: ReadonlySet<'groups' | 'roles' | 'accounts' | 'departments' | 'locations'>;
}

const PAGE = 100;

/**
 * The groups, roles, accounts, departments and locations criteria can name, from the data API by name (criteria
 * store names, so they move between environments). Read as the signed-in user: what it may not read is not offered.
 */
export function useDirectory() {
  const query = useGqlQuery(CriteriaBuilderDirectoryDocument, undefined, { staleTime: 60_000 });
  const directory = useMemo<Directory | null>(() => {
    const d = query.data;
    if (!d) return null;
    const named = (nodes: { name: string }[]) => nodes.map((n) => ({ value: n.name, label: n.name }));
    const parented = (nodes: { name: string; parent?: { name: string } | null }[]) => nodes.map((n) => ({ value: n.name, label: n.name, hint: n.parent ? `in ${n.parent.name}` : undefined }));
    return {
      groups: parented(d.assignmentGroups.nodes),
      roles: d.roles.nodes.map((n) => ({ value: n.name, label: n.name, hint: n.description ?? undefined })),
      accounts: parented(d.accounts.nodes),
      departments: named(d.departments.nodes),
      locations: named(d.locations.nodes),
      complete: new Set(
        (['groups', 'roles', 'accounts', 'departments', 'locations'] as const).filter(
          (k) => ({ groups: d.assignmentGroups, roles: d.roles, accounts: d.accounts, departments: d.departments, locations: d.locations })[k].nodes.length < PAGE,
        ),
      ),
    };
  }, [query.data]);
  return { directory, error: query.error, isLoading: query.isLoading };
}

/**
 * The options of a select with every chosen value in it: a name the directory lacks (removed, renamed, or not
 * readable) stays visible and is marked, instead of silently vanishing from the field.
 */
export function withChosen(options: readonly DirectoryOption[], chosen: readonly string[]): { options: DirectoryOption[]; unknown: string[] } {
  const known = new Set(options.map((o) => o.value));
  const unknown = chosen.filter((c) => !known.has(c));
  return { options: [...options, ...unknown.map((value) => ({ value, label: value, hint: 'not found' }))], unknown };
}
