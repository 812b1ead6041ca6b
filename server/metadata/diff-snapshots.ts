import type { AclDoc, FieldDoc, MetadataSnapshot, RecordTypeDoc, UserCriteriaDoc } from '../../schema/index.js';

export type ChangeKind =
  | 'type_added'
  | 'type_archived'
  | 'type_restored'
  | 'type_changed'
  | 'field_added'
  | 'field_renamed'
  | 'field_archived'
  | 'field_restored'
  | 'field_changed'
  | 'criteria_added'
  | 'criteria_changed'
  | 'criteria_removed'
  | 'acl_added'
  | 'acl_changed'
  | 'acl_removed';

/** One line of a metadata diff: what changed where, with the before and after values of what changed. */
export interface MetadataChange {
  kind: ChangeKind;
  path: string;
  before?: unknown;
  after?: unknown;
}

const TYPE_PROPS = ['label', 'pluralLabel', 'description', 'extends', 'abstract', 'numberPrefix', 'displayField'] as const;
const FIELD_PROPS = ['label', 'help', 'type', 'required', 'unique', 'default', 'auto', 'maxLength', 'scale', 'choices', 'reference', 'reverseName'] as const;
const CRITERIA_PROPS = ['label', 'description', 'match', 'users', 'groups', 'roles', 'accounts', 'departments', 'locations', 'condition'] as const;
const ACL_PROPS = ['description', 'recordType', 'field', 'operation', 'criteria', 'condition', 'active'] as const;

/**
 * A readable, stable diff between two snapshots: types by name, fields by their stable id, then user criteria
 * and ACLs by name (these are rules, so they are really added and removed, never archived).
 */
export function diffSnapshots(before: MetadataSnapshot, after: MetadataSnapshot): MetadataChange[] {
  const changes: MetadataChange[] = [];
  const names = [...new Set([...Object.keys(before.recordTypes), ...Object.keys(after.recordTypes)])].sort();
  for (const name of names) {
    const a = before.recordTypes[name];
    const b = after.recordTypes[name];
    if (!b) continue;
    if (!a) {
      changes.push({ kind: 'type_added', path: name, after: summary(b) });
      continue;
    }
    if (!a.archived && b.archived) changes.push({ kind: 'type_archived', path: name });
    if (a.archived && !b.archived) changes.push({ kind: 'type_restored', path: name });
    const typeDelta = delta(a, b, TYPE_PROPS);
    if (typeDelta) changes.push({ kind: 'type_changed', path: name, ...typeDelta });
    diffFields(name, a, b, changes);
  }
  diffRules(before.userCriteria, after.userCriteria, CRITERIA_PROPS, criteriaNormal, 'criteria', changes);
  diffRules(before.acls, after.acls, ACL_PROPS, aclNormal, 'acl', changes);
  return changes;
}

function diffRules<T extends object>(
  before: Record<string, T>,
  after: Record<string, T>,
  props: readonly (keyof T)[],
  normalise: (doc: T) => T,
  prefix: 'criteria' | 'acl',
  changes: MetadataChange[],
): void {
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const a = before[name];
    const b = after[name];
    if (!a) changes.push({ kind: `${prefix}_added`, path: name, after: b });
    else if (!b) changes.push({ kind: `${prefix}_removed`, path: name, before: a });
    else {
      const d = delta(normalise(a), normalise(b), props);
      if (d) changes.push({ kind: `${prefix}_changed`, path: name, ...d });
    }
  }
}

const noneIfEmpty = <T>(list: T[] | undefined): T[] | undefined => (list?.length ? list : undefined);

/** An empty list and a missing one mean the same (nobody named on that dimension). */
function criteriaNormal(doc: UserCriteriaDoc): UserCriteriaDoc {
  return {
    ...doc,
    users: noneIfEmpty(doc.users),
    groups: noneIfEmpty(doc.groups),
    roles: noneIfEmpty(doc.roles),
    accounts: noneIfEmpty(doc.accounts?.map((a) => ({ account: a.account, includeChildren: a.includeChildren || undefined }))),
    departments: noneIfEmpty(doc.departments),
    locations: noneIfEmpty(doc.locations),
    condition: doc.condition && canonical(doc.condition),
  };
}

/** An ACL is active unless it says otherwise. */
function aclNormal(doc: AclDoc): AclDoc {
  return { ...doc, active: doc.active ?? true, condition: doc.condition && canonical(doc.condition) };
}

/** Stored conditions come back from jsonb with their keys reordered: compare them by content, not key order. */
function canonical<T>(v: T): T {
  if (Array.isArray(v)) return v.map(canonical) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) as T;
  return v;
}

function diffFields(type: string, a: RecordTypeDoc, b: RecordTypeDoc, changes: MetadataChange[]): void {
  const before = new Map(a.fields.map((f) => [f.id ?? f.name, f]));
  for (const f of b.fields) {
    const prev = before.get(f.id ?? f.name);
    const path = `${type}.${f.name}`;
    if (!prev) {
      if (!f.archived) changes.push({ kind: 'field_added', path, after: f });
      continue;
    }
    if (prev.name !== f.name) changes.push({ kind: 'field_renamed', path, before: prev.name, after: f.name });
    if (!prev.archived && f.archived) changes.push({ kind: 'field_archived', path });
    if (prev.archived && !f.archived) changes.push({ kind: 'field_restored', path });
    const d = delta(prev, f, FIELD_PROPS);
    if (d) changes.push({ kind: 'field_changed', path, ...d });
  }
}

function delta<T extends object>(a: T, b: T, props: readonly (keyof T)[]): { before: Partial<T>; after: Partial<T> } | null {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  let changed = false;
  for (const p of props) {
    if (JSON.stringify(normal(a[p])) !== JSON.stringify(normal(b[p]))) {
      before[p] = a[p];
      after[p] = b[p];
      changed = true;
    }
  }
  return changed ? { before, after } : null;
}

function summary(doc: RecordTypeDoc): Record<string, unknown> {
  return { label: doc.label, extends: doc.extends, abstract: doc.abstract, fields: doc.fields.map((f: FieldDoc) => f.name) };
}

/** An unset flag and a false one mean the same. */
function normal(v: unknown): unknown {
  return v === false ? undefined : v;
}
