import type { Model, RecordTypeDoc } from '../../../schema/metadata/index.js';

/** One line of the record types list. */
export interface RecordTypeRow {
  name: string;
  label: string;
  description: string | null;
  extends: string | null;
  /** Active fields, inherited ones included (what a record of the type holds). */
  fieldCount: number;
  abstract: boolean;
  drafted: boolean;
  archived: boolean;
}

/**
 * The rows of the list: `drafted` holds the names of record types with a server draft, `search` matches label or
 * name, case-insensitively. Archived types sort last.
 */
export function recordTypeRows(docs: readonly RecordTypeDoc[], model: Model | null, drafted: ReadonlySet<string>, search: string): RecordTypeRow[] {
  const q = search.trim().toLowerCase();
  return docs
    .filter((d) => !q || d.name.toLowerCase().includes(q) || d.label.toLowerCase().includes(q))
    .map((d) => ({
      name: d.name,
      label: d.label,
      description: d.description ?? null,
      extends: d.extends ?? null,
      fieldCount: model?.types.get(d.name)?.activeFields.length ?? d.fields.filter((f) => !f.archived).length,
      abstract: d.abstract ?? false,
      drafted: drafted.has(d.name),
      archived: d.archived ?? false,
    }))
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.label.localeCompare(b.label));
}
