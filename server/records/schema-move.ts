import type { ModelField } from '../../schema/index.js';
import { orderTermFor, type OrderTerm, type RecordValues, type ResolveTree } from './compile/index.js';
import type { GraphInfo, TypeInfo } from './record-info.js';

/**
 * A request built against one metadata version, re-expressed against a newer one. Fields keep their stable id
 * across renames, so every name the request used is looked up by id in the newer graph; response keys (aliases)
 * stay as the client sent them, so the answer has the shape the client asked for.
 */
export class SchemaMove {
  constructor(
    readonly from: GraphInfo,
    readonly to: GraphInfo,
  ) {}

  /** The newer graph's view of a type (type names do not change across versions). */
  typeInfo(typeName: string): TypeInfo | undefined {
    return this.to.byName.get(typeName);
  }

  /** Create or patch values keyed by GraphQL field name, renamed by field id. */
  values(typeName: string, values: RecordValues): RecordValues {
    const from = this.from.byName.get(typeName);
    if (!from) return values;
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [this.fieldName(from, k), v]));
  }

  /** A root field's selection tree, its arguments read as those of the type it lists. */
  rootTree(tree: ResolveTree): ResolveTree {
    const wrapper = Object.keys(tree.fieldsByTypeName).map((t) => connectionType(this.from, t)).find(Boolean);
    return this.tree(tree, wrapper);
  }

  /** A selection tree with every record field, reverse connection, filter key and order term renamed. */
  tree(tree: ResolveTree, argsType?: TypeInfo): ResolveTree {
    const args = argsType ? this.args(argsType, tree.args) : tree.args;
    const fieldsByTypeName: ResolveTree['fieldsByTypeName'] = {};
    for (const [typeName, fields] of Object.entries(tree.fieldsByTypeName)) {
      const info = this.from.byGqlName.get(typeName);
      const out: Record<string, ResolveTree> = {};
      for (const [key, child] of Object.entries(fields)) {
        if (!info) {
          out[key] = this.tree(child, connectionType(this.from, typeName) ?? argsType);
          continue;
        }
        const reverse = info.reverse.get(child.name);
        const name = reverse ? this.reverseName(info, child.name) : this.fieldName(info, child.name);
        out[key] = this.tree({ ...child, name }, reverse ? this.from.byName.get(reverse.source.name) : undefined);
      }
      fieldsByTypeName[typeName] = out;
    }
    return { ...tree, args, fieldsByTypeName };
  }

  private fieldName(from: TypeInfo, gqlName: string): string {
    const field = from.fields.get(gqlName);
    const moved = field ? this.sameField(from, field) : undefined;
    return moved?.gqlName ?? gqlName;
  }

  private sameField(from: TypeInfo, field: ModelField): ModelField | undefined {
    return this.to.byName.get(from.type.name)?.type.activeFields.find((f) => f.id === field.id);
  }

  private reverseName(from: TypeInfo, gqlName: string): string {
    const reverse = from.reverse.get(gqlName)!;
    const target = this.to.byName.get(from.type.name);
    for (const [name, r] of target?.reverse ?? []) if (r.source.name === reverse.source.name && r.field.id === reverse.field.id) return name;
    return gqlName;
  }

  private args(info: TypeInfo, args: Record<string, unknown>): Record<string, unknown> {
    const out = { ...args };
    if (args.filter) out.filter = this.filter(info, args.filter as Record<string, unknown>);
    if (Array.isArray(args.orderBy)) out.orderBy = (args.orderBy as OrderTerm[]).map((t) => this.orderTerm(info, t));
    return out;
  }

  private filter(info: TypeInfo, filter: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(filter)) {
      if ((key === 'and' || key === 'or') && Array.isArray(value)) out[key] = value.map((f) => this.filter(info, f as Record<string, unknown>));
      else if (key === 'not' && value) out[key] = this.filter(info, value as Record<string, unknown>);
      else {
        const field = info.fields.get(key) ?? (key.endsWith('Id') ? info.fields.get(key.slice(0, -2)) : undefined);
        const moved = field ? this.sameField(info, field) : undefined;
        const name = !moved ? key : field!.gqlName === key ? moved.gqlName : `${moved.gqlName}Id`;
        const target = field?.type === 'reference' && field.gqlName === key ? this.from.byName.get(field.reference!) : undefined;
        out[name] = target && value ? this.filter(target, value as Record<string, unknown>) : value;
      }
    }
    return out;
  }

  private orderTerm(info: TypeInfo, term: OrderTerm): OrderTerm {
    const field = info.type.activeFields.find((f) => f.name === term.column);
    const moved = field ? this.sameField(info, field) : undefined;
    return moved ? orderTermFor(moved, term.desc) : term;
  }
}

/** The record type of a `…Connection` or `…Aggregate` wrapper type, whose arguments filter and order it. */
function connectionType(graph: GraphInfo, wrapper: string): TypeInfo | undefined {
  const m = /^(.+?)(Connection|Aggregate)$/.exec(wrapper);
  return m ? graph.byGqlName.get(m[1]) : undefined;
}
