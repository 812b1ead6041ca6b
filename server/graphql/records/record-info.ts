import type { Model, ModelField, ModelType } from '../../../schema/index.js';
import { camelName, liveTypes, pascalName, pluralOf } from '../../../schema/index.js';
import type { SQL } from 'drizzle-orm';
import type { CompileContext } from './compile/compile-context.js';
import type { ResolveTree } from './compile/selection.js';
import { StatementCache } from './statement-cache.js';

/** A reverse reference: `source.field` points at this type, seen from the target as a connection. */
export interface ReverseInfo {
  gqlName: string;
  source: ModelType;
  field: ModelField;
}

/** What the generator and the compiler know about one live record type. */
export interface TypeInfo {
  type: ModelType;
  /** Active fields by GraphQL name. */
  fields: Map<string, ModelField>;
  reverse: Map<string, ReverseInfo>;
}

/** Every live record type, by record type name and by GraphQL type name. */
export interface GraphInfo {
  model: Model;
  byName: Map<string, TypeInfo>;
  byGqlName: Map<string, TypeInfo>;
  /** Compiled read statements of this schema's root fields. */
  statements: StatementCache;
  /** Read-only root fields by name: how each compiles to its one statement (used by resolvers and the fast path). */
  roots: Map<string, RootCompiler>;
}

/** Compiles one read root field to `SELECT <json> AS data …`; the JSON is the field's exact response. */
export type RootCompiler = (ctx: CompileContext, tree: ResolveTree) => SQL;

export function buildGraphInfo(model: Model): GraphInfo {
  const byName = new Map<string, TypeInfo>();
  const byGqlName = new Map<string, TypeInfo>();
  for (const type of liveTypes(model)) {
    const info: TypeInfo = { type, fields: new Map(type.activeFields.map((f) => [f.gqlName, f])), reverse: new Map() };
    byName.set(type.name, info);
    byGqlName.set(type.gqlName, info);
  }
  for (const source of byName.values()) {
    // Only fields a type declares itself: an inherited reference shows up once, on the ancestor's reverse side.
    for (const field of source.type.activeFields) {
      if (field.type !== 'reference' || field.owner !== source.type.name) continue;
      const target = byName.get(field.reference!);
      if (!target) continue;
      const gqlName = field.reverseName ? camelName(field.reverseName) : `${camelName(pluralOf(source.type.name))}By${pascalName(field.name)}`;
      const info: ReverseInfo = { gqlName, source: source.type, field };
      target.reverse.set(gqlName, info);
      // Descendants of the target inherit the reverse side too: an incident has the tasks that point at it as a task.
      for (const t of byName.values()) if (t.type.ancestors.includes(target.type.name)) t.reverse.set(gqlName, info);
    }
  }
  return { model, byName, byGqlName, statements: new StatementCache(), roots: new Map() };
}
