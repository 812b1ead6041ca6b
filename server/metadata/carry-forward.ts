import type { MetadataSnapshot, RecordTypeDoc } from '../../schema/index.js';
import { defaultFieldId, followFieldRenames, METADATA_KINDS } from '../../schema/index.js';

/**
 * No published data is ever dropped by a publish: a type or field present before and missing now comes back as
 * archived (hidden, its data kept). Also gives every field its stable id.
 */
export function carryForward(before: MetadataSnapshot, next: MetadataSnapshot): MetadataSnapshot {
  const out: Record<string, RecordTypeDoc> = {};
  for (const [name, doc] of Object.entries(next.recordTypes)) out[name] = withIds(doc);
  for (const [name, old] of Object.entries(before.recordTypes)) {
    const cur = out[name];
    if (!cur) {
      out[name] = { ...old, archived: true };
      continue;
    }
    const ids = new Set(cur.fields.map((f) => f.id));
    const missing = old.fields.filter((f) => !ids.has(f.id)).map((f) => ({ ...f, archived: true }));
    if (missing.length) out[name] = { ...cur, fields: [...cur.fields, ...missing] };
  }
  // Every other kind is rules and definitions, not data: taken from `next` as it is, so a removed one stays removed.
  const rest = Object.fromEntries(METADATA_KINDS.filter((k) => k.missing === 'remove').map((k) => [k.key, sortKeys(next[k.key] as Record<string, unknown>)]));
  // Forms and UI policies follow renamed fields (by field id), so a rename does not break them.
  return followFieldRenames(before, { ...(rest as unknown as MetadataSnapshot), recordTypes: sortKeys(out) });
}

export function withIds(doc: RecordTypeDoc): RecordTypeDoc {
  return { ...doc, fields: doc.fields.map((f) => (f.id ? f : { ...f, id: defaultFieldId(doc.name, f.name) })) };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
