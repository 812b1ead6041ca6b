import type { Model, ModelField, ModelType } from '../../schema/index.js';
import { liveTypes, reverseConnections } from '../../schema/index.js';
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
  // The naming rule and who inherits what live in schema/, shared with the validator, which refuses clashes.
  for (const [name, connections] of reverseConnections(model)) {
    const info = byName.get(name)!;
    for (const c of connections) info.reverse.set(c.name, { gqlName: c.name, source: c.source, field: c.field });
  }
  return { model, byName, byGqlName, statements: new StatementCache(), roots: new Map() };
}
