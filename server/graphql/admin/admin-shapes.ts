import type { FieldDoc, RecordTypeDoc } from '../../../schema/index.js';
import type { FieldGql, RecordTypeGql } from './admin-types.js';


/** A stored document with its optional flags spelled out, as the admin API shows it. */
export function withDefaultsFor(doc: RecordTypeDoc): Omit<RecordTypeGql, 'hasDraft'> {
  return {
    ...doc,
    abstract: doc.abstract ?? false,
    archived: doc.archived ?? false,
    fields: doc.fields.map((f: FieldDoc): FieldGql => ({ ...f, id: f.id ?? `${doc.name}.${f.name}`, required: f.required ?? false, unique: f.unique ?? false, archived: f.archived ?? false })),
  };
}
