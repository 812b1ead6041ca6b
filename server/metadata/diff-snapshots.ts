import { METADATA_KINDS, metadataKind, type AnyDoc, type FieldDoc, type MetadataKind, type MetadataSnapshot, type RecordTypeDoc } from '../../schema/index.js';

/**
 * `type_*` and `field_*` for record types (archived, never removed: their data is kept); for every other kind of
 * the registry `<diffName>_added`, `_changed`, `_removed` (`acl_added`, `state_model_changed`, …).
 */
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
  | `${string}_added`
  | `${string}_changed`
  | `${string}_removed`;

/** One line of a metadata diff: what changed where, with the before and after values of what changed. */
export interface MetadataChange {
  kind: ChangeKind;
  path: string;
  before?: unknown;
  after?: unknown;
}

const FIELD_PROPS = ['label', 'help', 'type', 'required', 'unique', 'default', 'auto', 'maxLength', 'scale', 'choices', 'reference', 'reverseName'] as const;

/**
 * A readable, stable diff between two snapshots: types by name, fields by their stable id, then every other kind
 * in the registry's order, by name (rules and definitions: really added and removed, never archived).
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
    const typeDelta = delta(a, b, metadataKind('recordType').diffProps as (keyof RecordTypeDoc)[]);
    if (typeDelta) changes.push({ kind: 'type_changed', path: name, ...typeDelta });
    diffFields(name, a, b, changes);
  }
  for (const kind of METADATA_KINDS) {
    if (kind.missing === 'archive') continue;
    diffRules(before[kind.key] as Record<string, AnyDoc>, after[kind.key] as Record<string, AnyDoc>, kind as unknown as MetadataKind, changes);
  }
  return changes;
}

function diffRules(before: Record<string, AnyDoc>, after: Record<string, AnyDoc>, kind: MetadataKind, changes: MetadataChange[]): void {
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const a = before[name];
    const b = after[name];
    if (!a) changes.push({ kind: `${kind.diffName}_added`, path: name, after: b });
    else if (!b) changes.push({ kind: `${kind.diffName}_removed`, path: name, before: a });
    else {
      const d = delta(kind.normalise(a) as Record<string, unknown>, kind.normalise(b) as Record<string, unknown>, kind.diffProps);
      if (d) changes.push({ kind: `${kind.diffName}_changed`, path: name, ...d });
    }
  }
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
