import { METADATA_KINDS, type KindName } from '../../../schema/metadata/index.js';

/** One line of a metadata diff as the server sends it (`MetadataChange`). */
export interface ChangeLine {
  kind: string;
  path: string;
  before?: unknown;
  after?: unknown;
}

/** The changes of one document, for showing a diff document by document. */
export interface ChangeGroup {
  /** null: a change kind this studio does not know (a newer server); shown under "Other". */
  kind: KindName | null;
  document: string;
  changes: ChangeLine[];
}

export type ChangeAction = 'added' | 'changed' | 'removed' | 'archived' | 'restored' | 'renamed';
const ACTIONS: readonly ChangeAction[] = ['added', 'changed', 'removed', 'archived', 'restored', 'renamed'];

/**
 * What a change kind says: the document kind, whether it is about a field, and the action. `type_*` and `field_*`
 * are record types; every other kind is `<diffName>_<action>` (diff names may hold underscores: `ui_policy`).
 */
export function parseChangeKind(changeKind: string): {
  kind: KindName | null;
  field: boolean;
  action: ChangeAction | null;
} {
  const cut = changeKind.lastIndexOf('_');
  const prefix = cut < 0 ? changeKind : changeKind.slice(0, cut);
  const suffix = cut < 0 ? '' : changeKind.slice(cut + 1);
  const action = (ACTIONS as readonly string[]).includes(suffix) ? (suffix as ChangeAction) : null;
  if (prefix === 'type' || prefix === 'field') return { kind: 'recordType', field: prefix === 'field', action };
  const kind = METADATA_KINDS.find((k) => k.diffName === prefix)?.kind ?? null;
  return { kind, field: false, action };
}

/**
 * A diff grouped by document, in the server's order (record types first, then the kinds in registry order), so a
 * reviewer reads one document's changes together: a record type with its fields, a form, an ACL.
 */
export function groupChanges(changes: readonly ChangeLine[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const { kind } = parseChangeKind(change.kind);
    const document = kind === 'recordType' ? change.path.split('.')[0]! : change.path;
    const key = `${kind ?? ''}:${document}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind, document, changes: [] }));
    group.changes.push(change);
  }
  return [...groups.values()];
}

/** One property that changed: `label: "Caller" → "Reported by"`. */
export interface PropertyChange {
  property: string;
  before: unknown;
  after: unknown;
}

/**
 * The properties a change touched, before and after. `*_changed` lines carry only the changed properties on each
 * side; a rename carries the two names; additions and removals carry a whole document (none listed: shown whole).
 */
export function propertyChanges(change: ChangeLine): PropertyChange[] {
  const { action } = parseChangeKind(change.kind);
  if (action === 'renamed') return [{ property: 'name', before: change.before, after: change.after }];
  if (action !== 'changed') return [];
  const before = asObject(change.before);
  const after = asObject(change.after);
  const props = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return props.map((property) => ({
    property,
    before: before[property],
    after: after[property],
  }));
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A value as one short line: strings as they are, the rest as compact JSON; unset as an em dash. */
export function formatValue(value: unknown, max = 160): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
