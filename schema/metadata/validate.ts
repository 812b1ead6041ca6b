import { z } from 'zod';
import { camelName, NAME_PATTERN, nameProblem, SYSTEM_FIELD_NAMES } from './names.js';
import { checkAutoField } from './auto-field.js';
import { defaultProblem } from './default-problem.js';
import { buildModel, defaultFieldId, type Model } from './model.js';
import { RecordTypeDoc } from './record-type.js';
import { METADATA_KINDS, MetadataSnapshot, type MetadataKind } from './kinds.js';
import { reverseNameProblems } from './reverse-name-problems.js';
import { unstorableText } from './storable-text.js';

/** One thing wrong with a snapshot; `path` points at it (`incident.fields.caller.reference`). */
export interface MetadataProblem {
  path: string;
  code: MetadataProblemCode;
  message: string;
}

export type MetadataProblemCode =
  | 'INVALID_DOCUMENT'
  | 'INVALID_NAME'
  | 'DUPLICATE_NAME'
  | 'UNKNOWN_TYPE'
  | 'INVALID_EXTENDS'
  | 'CYCLIC_EXTENDS'
  | 'INVALID_FIELD'
  | 'INVALID_OPERATION'
  | 'UNKNOWN_CRITERIA'
  | 'INVALID_CONDITION';

const SYSTEM_NAMES = new Set<string>(SYSTEM_FIELD_NAMES);

/**
 * Check a snapshot as a whole. Pure: the studio runs the same checks as the server. User criteria and ACLs are
 * checked once the record types they point at are valid.
 */
export function validateSnapshot(input: unknown): MetadataProblem[] {
  const parsed = MetadataSnapshot.safeParse(input);
  if (!parsed.success) return zodProblems('', parsed.error);
  const unstorable = unstorableText(parsed.data);
  if (unstorable) return [{ path: unstorable[0], code: 'INVALID_DOCUMENT', message: unstorable[1] }];
  const docs = parsed.data.recordTypes;
  const problems: MetadataProblem[] = [];
  const add = (path: string, code: MetadataProblemCode, message: string) => problems.push({ path, code, message });

  for (const [key, doc] of Object.entries(docs)) {
    if (key !== doc.name) add(key, 'INVALID_DOCUMENT', `record type stored as "${key}" is named "${doc.name}"`);
    const np = nameProblem(doc.name);
    if (np) add(doc.name, 'INVALID_NAME', `record type name ${np}`);
  }

  for (const doc of Object.values(docs)) {
    if (doc.extends === undefined) continue;
    const parent = docs[doc.extends];
    if (!parent) add(`${doc.name}.extends`, 'UNKNOWN_TYPE', `"${doc.name}" extends "${doc.extends}", which does not exist`);
    else if (!parent.abstract)
      add(`${doc.name}.extends`, 'INVALID_EXTENDS', `"${doc.name}" extends "${doc.extends}", which is not abstract; only abstract types can be extended`);
  }
  const cyclic = findCycles(docs);
  for (const name of cyclic) add(`${name}.extends`, 'CYCLIC_EXTENDS', `"${name}" extends itself through ${chain(docs, name)}`);
  if (problems.length) return problems;

  const inherited = (name: string): RecordTypeDoc[] => {
    const out: RecordTypeDoc[] = [];
    for (let d: RecordTypeDoc | undefined = docs[name]; d; d = d.extends ? docs[d.extends] : undefined) out.unshift(d);
    return out;
  };

  const ids = new Map<string, string>();
  for (const doc of Object.values(docs)) {
    for (const f of doc.fields) {
      const id = f.id ?? defaultFieldId(doc.name, f.name);
      const where = `${doc.name}.${f.name}`;
      const seen = ids.get(id);
      if (seen) add(`${where}.id`, 'DUPLICATE_NAME', `field id "${id}" is used by both ${seen} and ${where}`);
      ids.set(id, where);
    }
  }

  for (const doc of Object.values(docs)) {
    const chainDocs = inherited(doc.name);
    const names = new Map<string, string>();
    const gqlNames = new Map<string, string>();
    for (const owner of chainDocs) {
      for (const f of owner.fields) {
        const path = `${doc.name}.fields.${f.name}`;
        if (owner === doc) checkField(doc, f, path, docs, add);
        const prev = names.get(f.name);
        if (prev !== undefined && owner === doc)
          add(path, 'DUPLICATE_NAME', `field "${f.name}" of "${doc.name}" is already declared by "${prev}"`);
        names.set(f.name, owner.name);
        const camel = camelName(f.name);
        const prevCamel = gqlNames.get(camel);
        if (prevCamel !== undefined && prevCamel !== f.name && owner === doc)
          add(path, 'DUPLICATE_NAME', `fields "${prevCamel}" and "${f.name}" of "${doc.name}" both become GraphQL field "${camel}"`);
        gqlNames.set(camel, f.name);
      }
    }
    if (doc.displayField !== undefined) {
      const f = chainDocs.flatMap((d) => d.fields).find((x) => x.name === doc.displayField);
      if (!f) add(`${doc.name}.displayField`, 'INVALID_FIELD', `display field "${doc.displayField}" is not a field of "${doc.name}"`);
      else if (f.archived) add(`${doc.name}.displayField`, 'INVALID_FIELD', `display field "${doc.displayField}" is archived`);
    }
  }
  if (problems.length) return problems;
  const model = buildModel(parsed.data);
  const graphProblems = [...emptyTypeProblems(model), ...reverseNameProblems(model)];
  if (graphProblems.length) return graphProblems;
  return METADATA_KINDS.flatMap((kind) => (kind as unknown as MetadataKind).validate(model));
}

/**
 * A concrete type without an active field is refused rather than served: its record could hold nothing but
 * system columns, and the generated API would need an update input with nothing to change (GraphQL has no
 * empty input types). An abstract type may be empty: it only groups its descendants.
 */
function emptyTypeProblems(model: Model): MetadataProblem[] {
  return [...model.types.values()]
    .filter((t) => !t.abstract && !t.archived && t.activeFields.length === 0)
    .map((t) => ({
      path: `${t.name}.fields`,
      code: 'INVALID_FIELD' as const,
      message: t.fields.length
        ? `every field of "${t.name}" is removed: a record type needs at least one field; restore one, add one, or remove the type`
        : `"${t.name}" has no fields: a record type needs at least one field (or make it abstract)`,
    }));
}

function checkField(
  doc: RecordTypeDoc,
  f: RecordTypeDoc['fields'][number],
  path: string,
  docs: Record<string, RecordTypeDoc>,
  add: (path: string, code: MetadataProblemCode, message: string) => void,
): void {
  const np = nameProblem(f.name);
  if (np) add(path, 'INVALID_NAME', `field name ${np}`);
  else if (SYSTEM_NAMES.has(f.name)) add(path, 'INVALID_NAME', `"${f.name}" is a system field of every record; choose another name`);
  if (f.type === 'choice' || f.type === 'multi_choice') {
    if (!f.choices?.length) add(`${path}.choices`, 'INVALID_FIELD', `choice field "${f.name}" needs at least one choice`);
    const values = new Set<string>();
    for (const c of f.choices ?? []) {
      if (!NAME_PATTERN.test(c.value))
        add(`${path}.choices`, 'INVALID_FIELD', `choice value "${c.value}" of "${f.name}" must be lower-case letters, digits and underscores, starting with a letter`);
      if (values.has(c.value)) add(`${path}.choices`, 'DUPLICATE_NAME', `choice value "${c.value}" of "${f.name}" appears twice`);
      values.add(c.value);
    }
  } else if (f.choices) add(`${path}.choices`, 'INVALID_FIELD', `only choice fields have choices; "${f.name}" is ${f.type}`);
  if (f.type === 'reference') {
    if (!f.reference) add(`${path}.reference`, 'INVALID_FIELD', `reference field "${f.name}" needs a target record type`);
    else if (!docs[f.reference])
      add(`${path}.reference`, 'UNKNOWN_TYPE', `reference field "${doc.name}.${f.name}" points to "${f.reference}", which does not exist`);
    else if (docs[f.reference].archived && !f.archived)
      add(`${path}.reference`, 'UNKNOWN_TYPE', `reference field "${doc.name}.${f.name}" points to "${f.reference}", which is archived`);
    if (f.reverseName !== undefined) {
      const rp = nameProblem(f.reverseName);
      if (rp) add(`${path}.reverseName`, 'INVALID_NAME', `reverse name ${rp}`);
    }
  } else {
    if (f.reference) add(`${path}.reference`, 'INVALID_FIELD', `only reference fields have a target; "${f.name}" is ${f.type}`);
    if (f.reverseName) add(`${path}.reverseName`, 'INVALID_FIELD', `only reference fields have a reverse name`);
  }
  if (f.maxLength !== undefined && f.type !== 'string')
    add(`${path}.maxLength`, 'INVALID_FIELD', `only string fields have a maximum length; "${f.name}" is ${f.type}`);
  if (f.scale !== undefined && f.type !== 'decimal')
    add(`${path}.scale`, 'INVALID_FIELD', `only decimal fields have a scale; "${f.name}" is ${f.type}`);
  if (f.unique && (f.type === 'json' || f.type === 'multi_choice' || f.type === 'text'))
    add(`${path}.unique`, 'INVALID_FIELD', `${f.type} field "${f.name}" cannot be unique`);
  // An archived field's default is never used; an old bad one must not block every later publish.
  const dp = f.archived ? null : defaultProblem(f);
  if (dp) add(`${path}.default`, 'INVALID_FIELD', dp);
  if (f.unique && doc.abstract)
    add(`${path}.unique`, 'INVALID_FIELD', `"${f.name}" cannot be unique on abstract type "${doc.name}": uniqueness is per table`);
  checkAutoField(f, path, add);
}

function findCycles(docs: Record<string, RecordTypeDoc>): string[] {
  const out: string[] = [];
  for (const name of Object.keys(docs)) {
    const seen = new Set<string>();
    for (let n: string | undefined = name; n && docs[n]; n = docs[n].extends) {
      if (seen.has(n)) {
        if (n === name) out.push(name);
        break;
      }
      seen.add(n);
    }
  }
  return out;
}

function chain(docs: Record<string, RecordTypeDoc>, name: string): string {
  const parts = [name];
  for (let n = docs[name].extends; n && parts.length < 20; n = docs[n]?.extends) {
    parts.push(n);
    if (n === name) break;
  }
  return parts.join(' → ');
}

function zodProblems(prefix: string, error: z.ZodError): MetadataProblem[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    code: 'INVALID_DOCUMENT' as const,
    message: i.message,
  }));
}

/** A schema error as one line a person can act on: `path: message; path: message`. */
export function describeIssues(error: z.ZodError, whole = '(document)'): string {
  return error.issues.map((i) => `${i.path.join('.') || whole}: ${i.message}`).join('; ');
}
