import type { FieldType, Model, ModelField, ModelType } from '../../../schema/metadata/index.js';

/** A field a test may name on a type: its active fields, then the record's own number and id. */
export interface TestableField {
  name: string;
  label: string;
  type: FieldType;
  /** The type a reference points at (the type itself for `id`). */
  reference?: string;
  choices?: ModelField['choices'];
}

/** One segment of a path, resolved: the type it is looked up on and the field it names (if that exists). */
export interface PathSegment {
  name: string;
  /** The type this segment is a field of; undefined once the path went through something that is not a reference. */
  on: ModelType | undefined;
  field: TestableField | undefined;
}

function fromModel(f: ModelField): TestableField {
  return { name: f.name, label: f.label, type: f.type, reference: f.reference, choices: f.choices };
}

/**
 * What a test may end on, in the order the type declares its fields (inherited first). `number` only where
 * records have one; `id` is the record itself, which is how a user criteria says "the person is me".
 */
export function testableFields(type: ModelType): TestableField[] {
  const out = type.activeFields.map(fromModel);
  if (type.numberPrefix && !out.some((f) => f.name === 'number')) out.push({ name: 'number', label: 'Number', type: 'string' });
  if (!out.some((f) => f.name === 'id')) out.push({ name: 'id', label: 'This record', type: 'reference', reference: type.name });
  return out;
}

/** Whether a path may go on through this field: an active reference to a type that is there. */
export function canFollow(model: Model, field: TestableField | undefined): boolean {
  if (!field || field.type !== 'reference' || field.name === 'id' || !field.reference) return false;
  const target = model.types.get(field.reference);
  return !!target && !target.archived;
}

/** A dotted path (`caller.account`) resolved segment by segment against the model, as far as it goes. */
export function resolvePath(model: Model, recordType: string, path: string): PathSegment[] {
  let on: ModelType | undefined = model.types.get(recordType);
  return path.split('.').map((name, i, all) => {
    const here = on;
    const last = i === all.length - 1;
    const field = here ? (last ? testableFields(here) : here.activeFields.map(fromModel)).find((f) => f.name === name) : undefined;
    on = field && canFollow(model, field) ? model.types.get(field.reference!) : undefined;
    return { name, on: here, field };
  });
}

/** The field a path ends on, when every step resolves. */
export function fieldAtPath(model: Model, recordType: string, path: string): TestableField | undefined {
  const segments = resolvePath(model, recordType, path);
  return segments[segments.length - 1]?.field;
}

/** "Caller › Account": the labels along a path; a segment that does not resolve shows its name. */
export function pathLabel(model: Model, recordType: string, path: string): string {
  return resolvePath(model, recordType, path)
    .map((s) => s.field?.label ?? s.name)
    .join(' › ');
}

/** The field a new test starts on: the type's display field, else its first field. */
export function firstField(type: ModelType): TestableField {
  const fields = testableFields(type);
  return fields.find((f) => f.name === type.displayField) ?? fields[0];
}
