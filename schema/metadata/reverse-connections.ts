import { liveTypes, pluralOf, type Model, type ModelField, type ModelType } from './model.js';
import { camelName, pascalName } from './names.js';

/** A reverse reference: `source.field` points at `target`, seen from the target as a connection named `name`. */
export interface ReverseConnection {
  /** The GraphQL field name on the target (and on every descendant of it). */
  name: string;
  source: ModelType;
  field: ModelField;
  /** The type the reference names; the connection shows on it and on its descendants. */
  target: ModelType;
}

/**
 * The GraphQL name of the connection a reference field adds to its target: its `reverseName` in camelCase, or
 * `<plural of source>By<Field>` (`incidentsByCaller`). The one rule, used by the validator and the generator.
 */
export function reverseConnectionName(sourceType: string, field: { name: string; reverseName?: string }): string {
  return field.reverseName ? camelName(field.reverseName) : `${camelName(pluralOf(sourceType))}By${pascalName(field.name)}`;
}

/**
 * The reverse connections each live type shows, by type name: those that point at it and those that point at an
 * ancestor (an incident has the tasks that point at it as a task). Clashing names are all listed, so the validator
 * can report them; a valid model has none. Only fields a type declares itself count, so an inherited reference
 * shows up once, on the ancestor's reverse side. Order: by source type name, then field order.
 */
export function reverseConnections(model: Model): Map<string, ReverseConnection[]> {
  const live = liveTypes(model);
  const out = new Map<string, ReverseConnection[]>(live.map((t) => [t.name, []]));
  for (const source of live) {
    for (const field of source.activeFields) {
      if (field.type !== 'reference' || field.owner !== source.name || !field.reference) continue;
      const target = model.types.get(field.reference);
      if (!target || !out.has(target.name)) continue;
      const connection: ReverseConnection = { name: reverseConnectionName(source.name, field), source, field, target };
      for (const t of live) if (t.name === target.name || t.ancestors.includes(target.name)) out.get(t.name)!.push(connection);
    }
  }
  return out;
}
