import pluralize from 'pluralize';
import { camelName, pascalName } from './names.js';
import type { ChoiceDoc, FieldDoc, RecordTypeDoc } from './record-type.js';
import type { MetadataSnapshot } from './kinds.js';
import type { StateModelDoc } from '../case/state-model.js';

/** A field as the platform sees it after inheritance: always has an id and resolved flags. */
export interface ModelField extends FieldDoc {
  id: string;
  /** The record type that declares the field (an ancestor for inherited fields). */
  owner: string;
  gqlName: string;
  required: boolean;
  unique: boolean;
  archived: boolean;
  /**
   * The choices of the GraphQL enum of a choice field that types sharing it see differently (a state field whose
   * states come from state models): every value any of them may hold. Absent: the enum is `choices`.
   */
  enumChoices?: ChoiceDoc[];
}

/** A record type resolved against the whole snapshot: ancestry, effective fields, descendants. */
export interface ModelType {
  name: string;
  doc: RecordTypeDoc;
  gqlName: string;
  /** camelCase plural used for list fields, e.g. `incidents`. */
  gqlPlural: string;
  parent: string | null;
  /** Nearest first. */
  ancestors: string[];
  abstract: boolean;
  archived: boolean;
  /** Inherited fields first (root ancestor's first), archived ones included. */
  fields: ModelField[];
  activeFields: ModelField[];
  /** Concrete, non-archived types at any depth below this one (itself included when concrete). */
  concreteTypes: string[];
  /** The nearest number prefix of the type or an ancestor; null when records have no number. */
  numberPrefix: string | null;
  displayField: string | null;
  /**
   * The state model of its records: its own, else the nearest ancestor's (null: none). When there is one, the
   * model's states are the choices of its state field: an admin does not type the states twice.
   */
  stateModel: StateModelDoc | null;
}

export interface Model {
  snapshot: MetadataSnapshot;
  types: Map<string, ModelType>;
}

/** The id a field gets when a file or a draft omits it; stable because the first name becomes the identity. */
export function defaultFieldId(typeName: string, fieldName: string): string {
  return `${typeName}.${fieldName}`;
}

export function pluralOf(name: string): string {
  const plural = pluralize.plural(name);
  return plural === name ? `${name}_list` : plural;
}

/**
 * Resolve inheritance and defaults. Assumes the snapshot passed `validateSnapshot` (no cycles, known parents).
 */
export function buildModel(snapshot: MetadataSnapshot): Model {
  const docs = snapshot.recordTypes;
  const types = new Map<string, ModelType>();
  // Validation refuses a second model for one type; should one slip through, the first by name wins.
  const modelsByType = new Map<string, StateModelDoc>();
  for (const name of Object.keys(snapshot.stateModels ?? {}).sort()) {
    const m = snapshot.stateModels[name];
    if (!modelsByType.has(m.recordType)) modelsByType.set(m.recordType, m);
  }
  const resolve = (name: string): ModelType => {
    const existing = types.get(name);
    if (existing) return existing;
    const doc = docs[name];
    const parent = doc.extends ?? null;
    const parentType = parent && docs[parent] ? resolve(parent) : null;
    const own: ModelField[] = doc.fields.map((f) => ({
      ...f,
      id: f.id ?? defaultFieldId(name, f.name),
      owner: name,
      gqlName: camelName(f.name),
      required: f.required ?? false,
      unique: f.unique ?? false,
      archived: f.archived ?? false,
    }));
    const fields = [...(parentType?.fields ?? []), ...own];
    const type: ModelType = {
      name,
      doc,
      gqlName: pascalName(name),
      gqlPlural: camelName(pluralOf(name)),
      parent,
      ancestors: parentType ? [parentType.name, ...parentType.ancestors] : [],
      abstract: doc.abstract ?? false,
      archived: (doc.archived ?? false) || (parentType?.archived ?? false),
      fields,
      activeFields: fields.filter((f) => !f.archived),
      concreteTypes: [],
      numberPrefix: doc.numberPrefix ?? parentType?.numberPrefix ?? null,
      displayField: doc.displayField ?? parentType?.displayField ?? null,
      stateModel: modelsByType.get(name) ?? parentType?.stateModel ?? null,
    };
    types.set(name, type);
    return type;
  };
  for (const name of Object.keys(docs).sort()) resolve(name);
  for (const type of types.values()) {
    if (type.abstract || type.archived) continue;
    for (const n of [type.name, ...type.ancestors]) types.get(n)!.concreteTypes.push(type.name);
  }
  applyStateChoices(types);
  return { snapshot, types };
}

/** A state model's states as choices of its field. */
export function stateChoices(model: StateModelDoc): ChoiceDoc[] {
  return model.states.map((s) => ({ value: s.name, label: s.label }));
}

/**
 * The state field of a type with a state model takes the model's states as its choices. An abstract type sees
 * every value its kinds may hold (its view unions them), and since every type sharing the field shares one
 * GraphQL enum (an interface field and its implementations must agree), that enum holds them all too.
 */
function applyStateChoices(types: Map<string, ModelType>): void {
  const withModel = [...types.values()].filter((t) => t.stateModel && !t.archived);
  if (!withModel.length) return;
  // Field id → every value the field may hold on some type, declared choices first.
  const union = new Map<string, ChoiceDoc[]>();
  const add = (id: string, choices: readonly ChoiceDoc[]) => {
    const list = union.get(id) ?? [];
    for (const c of choices) if (!list.some((x) => x.value === c.value)) list.push(c);
    union.set(id, list);
  };
  const stateFieldOf = (t: ModelType) => t.fields.find((f) => f.name === t.stateModel!.field && f.type === 'choice' && !f.archived);
  for (const t of withModel) {
    const f = stateFieldOf(t);
    if (f) add(f.id, []);
  }
  if (!union.size) return;
  for (const t of types.values()) for (const f of t.fields) if (union.has(f.id)) add(f.id, f.choices ?? []);
  for (const t of withModel) {
    const f = stateFieldOf(t);
    if (f) add(f.id, stateChoices(t.stateModel!));
  }
  for (const t of types.values()) {
    const replace = (f: ModelField): ModelField => {
      const all = union.get(f.id);
      if (!all) return f;
      const own = t.stateModel && t.stateModel.field === f.name ? stateChoices(t.stateModel) : t.abstract ? all : f.choices;
      return { ...f, choices: own, enumChoices: all };
    };
    t.fields = t.fields.map(replace);
    t.activeFields = t.fields.filter((f) => !f.archived);
  }
}

/** Types visible in the graph, in a stable order. */
export function liveTypes(model: Model): ModelType[] {
  return [...model.types.values()].filter((t) => !t.archived).sort((a, b) => a.name.localeCompare(b.name));
}
