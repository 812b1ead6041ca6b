import { defaultFieldId, type ChoiceDoc, type FieldDoc, type FieldType, type RecordTypeDoc } from '../../../schema/metadata/index.js';

/**
 * The edits of a record type's fields, as pure functions of the document, so each keeps the promises the
 * platform relies on (a renamed field keeps its identity and its data) and each is tested on its own.
 */

/** A name not yet used by any field of the type (or its ancestors' `taken` names): `new_field`, `new_field_2`… */
export function freeFieldName(doc: RecordTypeDoc, taken: readonly string[] = []): string {
  const used = new Set([...doc.fields.map((f) => f.name), ...taken]);
  let name = 'new_field';
  for (let i = 2; used.has(name); i++) name = `new_field_${i}`;
  return name;
}

/** Adds a string field with a free name; returns the document and the new field's index. */
export function addField(doc: RecordTypeDoc, taken: readonly string[] = []): { doc: RecordTypeDoc; index: number } {
  const name = freeFieldName(doc, taken);
  // The id is the field's identity for good (renames keep it): unique among the type's ids, explicit or implied.
  const ids = new Set(doc.fields.map((f) => f.id ?? defaultFieldId(doc.name, f.name)));
  let id = defaultFieldId(doc.name, name);
  for (let i = 2; ids.has(id); i++) id = `${defaultFieldId(doc.name, name)}_${i}`;
  const field: FieldDoc = { id, name, label: 'New field', type: 'string' };
  return { doc: { ...doc, fields: [...doc.fields, field] }, index: doc.fields.length };
}

/**
 * Renames a field. A field without an explicit id is identified by its first name; the id is written down before
 * the name changes, so the publish renames the column instead of dropping it and adding an empty one. The type's
 * display field follows the rename.
 */
export function renameField(doc: RecordTypeDoc, index: number, name: string): RecordTypeDoc {
  const field = doc.fields[index];
  if (!field || field.name === name) return doc;
  const id = field.id ?? defaultFieldId(doc.name, field.name);
  const fields = doc.fields.map((f, i) => (i === index ? { ...f, id, name } : f));
  return { ...doc, fields, ...(doc.displayField === field.name ? { displayField: name } : {}) };
}

/** Changes one field's properties (not its name: see `renameField`). Undefined values remove the property. */
export function updateField(doc: RecordTypeDoc, index: number, patch: Partial<Omit<FieldDoc, 'name' | 'id'>>): RecordTypeDoc {
  const fields = doc.fields.map((f, i) => (i === index ? withoutUndefined({ ...f, ...patch }) : f));
  return { ...doc, fields };
}

/**
 * Changes a field's type, dropping the properties the new type does not have (a validator would refuse them) and
 * starting the ones it needs (a choice field needs a choice to be valid).
 */
export function changeFieldType(doc: RecordTypeDoc, index: number, type: FieldType): RecordTypeDoc {
  const f = doc.fields[index];
  if (!f || f.type === type) return doc;
  const isChoice = type === 'choice' || type === 'multi_choice';
  const wasChoice = f.type === 'choice' || f.type === 'multi_choice';
  const next: FieldDoc = {
    ...f,
    type,
    maxLength: type === 'string' ? f.maxLength : undefined,
    scale: type === 'decimal' ? f.scale : undefined,
    choices: isChoice ? (wasChoice ? f.choices : (f.choices ?? [{ value: 'option_1', label: 'Option 1' }])) : undefined,
    reference: type === 'reference' ? f.reference : undefined,
    reverseName: type === 'reference' ? f.reverseName : undefined,
    unique: type === 'text' || type === 'json' || type === 'multi_choice' || type === 'boolean' ? undefined : f.unique,
    default: undefined,
    auto: undefined,
  };
  return { ...doc, fields: doc.fields.map((x, i) => (i === index ? withoutUndefined(next) : x)) };
}

/** Archives (hides, data kept) or restores a field. */
export function setFieldArchived(doc: RecordTypeDoc, index: number, archived: boolean): RecordTypeDoc {
  return updateField(doc, index, { archived: archived ? true : undefined });
}

/** Removes a field that was never published (no column, no data): archiving it would keep a ghost. */
export function removeUnpublishedField(doc: RecordTypeDoc, index: number): RecordTypeDoc {
  return { ...doc, fields: doc.fields.filter((_, i) => i !== index) };
}

/** Moves a choice from one position to another. */
export function moveChoice(choices: readonly ChoiceDoc[], from: number, to: number): ChoiceDoc[] {
  const next = [...choices];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** A choice value not yet in the list: `option_1`, `option_2`… */
export function freeChoiceValue(choices: readonly ChoiceDoc[]): string {
  const used = new Set(choices.map((c) => c.value));
  let i = 1;
  while (used.has(`option_${i}`)) i++;
  return `option_${i}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
