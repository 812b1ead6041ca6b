import type { Condition } from '../condition/condition.js';
import type { MetadataSnapshot } from '../metadata/kinds.js';
import type { RecordTypeDoc } from '../metadata/record-type.js';

/**
 * Forms and UI policies name fields; a field renamed between two snapshots (same id, new name) is renamed in them
 * too, so renaming a field never breaks — or silently empties — a layout or a policy. Fields a type inherits
 * follow their renames on the ancestor. Pure; returns `next` itself when nothing was renamed.
 */
export function followFieldRenames(before: MetadataSnapshot, next: MetadataSnapshot): MetadataSnapshot {
  const own = new Map<string, Map<string, string>>();
  for (const [name, doc] of Object.entries(next.recordTypes)) {
    const old = before.recordTypes[name];
    if (!old) continue;
    const oldNames = new Map(old.fields.filter((f) => f.id).map((f) => [f.id!, f.name]));
    const map = new Map<string, string>();
    for (const f of doc.fields) {
      const was = f.id ? oldNames.get(f.id) : undefined;
      if (was !== undefined && was !== f.name) map.set(was, f.name);
    }
    if (map.size) own.set(name, map);
  }
  if (!own.size) return next;
  const renamesOf = (typeName: string): Map<string, string> => {
    const out = new Map<string, string>();
    const seen = new Set<string>();
    for (let t: string | undefined = typeName; t && !seen.has(t); t = next.recordTypes[t]?.extends) {
      seen.add(t);
      for (const [from, to] of own.get(t) ?? []) if (!out.has(from)) out.set(from, to);
    }
    // A name now taken by another field of the type is that field's, not the renamed one's.
    const present = new Set(fieldsOf(next.recordTypes, typeName));
    for (const from of [...out.keys()]) if (present.has(from)) out.delete(from);
    return out;
  };
  const forms = Object.fromEntries(
    Object.entries(next.forms ?? {}).map(([key, form]) => {
      const r = renamesOf(form.recordType);
      return [
        key,
        {
          ...form,
          sections: form.sections.map((s) => ({ ...s, columns: s.columns.map((c) => c.map((n) => r.get(n) ?? n)) })),
          relatedLists: form.relatedLists.map((l) => ({ ...l, field: renamesOf(l.recordType).get(l.field) ?? l.field })),
        },
      ];
    }),
  );
  const uiPolicies = Object.fromEntries(
    Object.entries(next.uiPolicies ?? {}).map(([key, policy]) => {
      const r = renamesOf(policy.recordType);
      return [
        key,
        {
          ...policy,
          ...(policy.condition ? { condition: renameTests(policy.condition, r) } : {}),
          actions: policy.actions.map((a) => ({ ...a, field: r.get(a.field) ?? a.field })),
        },
      ];
    }),
  );
  return { ...next, forms, uiPolicies };
}

function fieldsOf(types: Record<string, RecordTypeDoc>, typeName: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let t: string | undefined = typeName; t && !seen.has(t); t = types[t]?.extends) {
    seen.add(t);
    out.push(...(types[t]?.fields.map((f) => f.name) ?? []));
  }
  return out;
}

function renameTests(c: Condition, r: Map<string, string>): Condition {
  if ('and' in c) return { and: c.and.map((x) => renameTests(x, r)) };
  if ('or' in c) return { or: c.or.map((x) => renameTests(x, r)) };
  if ('not' in c) return { not: renameTests(c.not, r) };
  const [first, ...rest] = c.field.split('.');
  const renamed = r.get(first);
  return renamed ? { ...c, field: [renamed, ...rest].join('.') } : c;
}
