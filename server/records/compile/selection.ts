/**
 * One selected field: its name, response key, coerced arguments, and — for composite types — the fields
 * selected on each concrete type it may be, in response order, `__typename` included. Collected the way
 * graphql-js collects them (fragments, inline fragments, @skip/@include), so a response built from it has
 * the same keys in the same order as one graphql-js would produce.
 */
export interface ResolveTree {
  name: string;
  alias: string;
  args: Record<string, unknown>;
  fieldsByTypeName: Record<string, Record<string, ResolveTree>>;
}

/** Selected fields keyed by response key, in response order. */
export type Selection = Map<string, ResolveTree>;

/** The fields selected on a value of concrete GraphQL type `typeName`. */
export function selectionOf(tree: ResolveTree | undefined, typeName: string): Selection {
  return new Map(Object.entries(tree?.fieldsByTypeName[typeName] ?? {}));
}

