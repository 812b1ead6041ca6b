import pluralize from 'pluralize';
import { camelName, pascalName } from './names.js';
import type { FieldDoc, RecordTypeDoc } from './record-type.js';
import type { MetadataSnapshot } from './kinds.js';

/** A field as the platform sees it after inheritance: always has an id and resolved flags. */
export interface ModelField extends FieldDoc {
  id: string;
  /** The record type that declares the field (an ancestor for inherited fields). */
  owner: string;
  gqlName: string;
  required: boolean;
  unique: boolean;
  archived: boolean;
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
    };
    types.set(name, type);
    return type;
  };
  for (const name of Object.keys(docs).sort()) resolve(name);
  for (const type of types.values()) {
    if (type.abstract || type.archived) continue;
    for (const n of [type.name, ...type.ancestors]) types.get(n)!.concreteTypes.push(type.name);
  }
  return { snapshot, types };
}

/** Types visible in the graph, in a stable order. */
export function liveTypes(model: Model): ModelType[] {
  return [...model.types.values()].filter((t) => !t.archived).sort((a, b) => a.name.localeCompare(b.name));
}
