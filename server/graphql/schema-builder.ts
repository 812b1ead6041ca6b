import {
  GraphQLObjectType,
  GraphQLSchema,
  assertValidSchema,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
} from 'graphql';
import { DomainError, ErrorCode } from '../domain-error.js';

type Root = 'Query' | 'Mutation' | 'Subscription';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolvers narrow their own source, args and context
type AnyField = GraphQLFieldConfig<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldMap = GraphQLFieldConfigMap<any, any>;

/**
 * Collects the schema from small plugins. Every named type and every field remembers who contributed it, so a
 * clash (two plugins, or a metadata name that collides with a generated one) throws naming both.
 */
export class SchemaBuilder {
  private readonly types = new Map<string, { type: GraphQLNamedType; by: string }>();
  private readonly roots: Record<Root, Map<string, { config: AnyField; by: string }>> = {
    Query: new Map(),
    Mutation: new Map(),
    Subscription: new Map(),
  };
  private readonly extraFields = new Map<string, Array<{ by: string; fields: () => FieldMap }>>();

  addType<T extends GraphQLNamedType>(type: T, by: string): T {
    const prev = this.types.get(type.name);
    if (prev && prev.type !== type) throw clash(`type ${type.name}`, prev.by, by);
    this.types.set(type.name, { type, by });
    return type;
  }

  getType<T extends GraphQLNamedType>(name: string): T {
    const entry = this.types.get(name);
    if (!entry) throw new Error(`schema type ${name} was used before any plugin added it`);
    return entry.type as T;
  }

  hasType(name: string): boolean {
    return this.types.has(name);
  }

  addRootField(root: Root, name: string, config: AnyField, by: string): void {
    const prev = this.roots[root].get(name);
    if (prev) throw clash(`${root}.${name}`, prev.by, by);
    this.roots[root].set(name, { config, by });
  }

  /** Lets a plugin add fields to a type another plugin owns; merged when the type's fields are first read. */
  extendType(typeName: string, by: string, fields: () => FieldMap): void {
    const list = this.extraFields.get(typeName) ?? [];
    list.push({ by, fields });
    this.extraFields.set(typeName, list);
  }

  /** Fields for an object or interface type: its own plus every extension, each name from one contributor only. */
  fieldsOf(typeName: string, by: string, own: FieldMap): FieldMap {
    const out: FieldMap = { ...own };
    const owners = new Map(Object.keys(own).map((k) => [k, by]));
    for (const ext of this.extraFields.get(typeName) ?? []) {
      for (const [name, config] of Object.entries(ext.fields())) {
        const prev = owners.get(name);
        if (prev) throw clash(`${typeName}.${name}`, prev, ext.by);
        owners.set(name, ext.by);
        out[name] = config;
      }
    }
    return out;
  }

  build(description?: string): GraphQLSchema {
    const root = (name: Root) => {
      const fields = this.roots[name];
      if (!fields.size) return undefined;
      return new GraphQLObjectType({
        name,
        fields: () => Object.fromEntries([...fields].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.config])),
      });
    };
    const schema = new GraphQLSchema({
      description,
      query: root('Query'),
      mutation: root('Mutation'),
      subscription: root('Subscription'),
      types: [...this.types.values()].map((t) => t.type),
    });
    assertValidSchema(schema);
    return schema;
  }
}

function clash(what: string, first: string, second: string): DomainError {
  return new DomainError(ErrorCode.NAME_CLASH, `${what} is generated twice: by ${first} and by ${second}; rename one of them`, { first, second });
}
