import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { ResolveTree } from '../../records/index.js';

type TreeInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'parentType' | 'fragments' | 'variableValues' | 'schema'>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The tree of the field being resolved. */
export function rootTree(info: TreeInfo): ResolveTree {
  const nodes = info.fieldNodes as FieldNode[];
  const def = info.parentType.getFields()[nodes[0].name.value];
  if (!def) throw new DomainError(ErrorCode.BAD_REQUEST, `unknown field ${nodes[0].name.value}`);
  return fieldTree({ schema: info.schema, fragments: info.fragments, variables: info.variableValues }, nodes, def);
}

function fieldTree(walk: Walk, nodes: readonly FieldNode[], def: GraphQLField<unknown, unknown>): ResolveTree {
  const first = nodes[0];
  const tree: ResolveTree = {
    name: first.name.value,
    alias: first.alias?.value ?? first.name.value,
    args: getArgumentValues(def, first, walk.variables),
    fieldsByTypeName: {},
  };
  const named = getNamedType(def.type);
  if (!isCompositeType(named)) return tree;
  const types: readonly GraphQLObjectType[] = isAbstractType(named) ? walk.schema.getPossibleTypes(named) : [named as GraphQLObjectType];
  for (const type of types) {
    const collected = new Map<string, FieldNode[]>();
    for (const node of nodes) if (node.selectionSet) collect(walk, type, node.selectionSet, collected, new Set());
    const fields: Record<string, ResolveTree> = {};
    for (const [key, fieldNodes] of collected) {
      const fieldName = fieldNodes[0].name.value;
      if (fieldName === '__typename') {
        fields[key] = { name: fieldName, alias: key, args: {}, fieldsByTypeName: {} };
        continue;
      }
      const fieldDef = type.getFields()[fieldName];
      if (fieldDef) fields[key] = fieldTree(walk, fieldNodes, fieldDef);
    }
    tree.fieldsByTypeName[type.name] = fields;
  }
  return tree;
}

function included(walk: Walk, node: { directives?: readonly unknown[] }): boolean {
  if (!node.directives?.length) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node as never, walk.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as never, walk.variables);
  return include?.if !== false;
}

function applies(walk: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const cond = walk.schema.getType(condition);
  return !!cond && isAbstractType(cond) && walk.schema.isSubType(cond, type);
}

function collect(walk: Walk, type: GraphQLObjectType, set: SelectionSetNode, out: Map<string, FieldNode[]>, seen: Set<string>): void {
  for (const sel of set.selections) {
    if (!included(walk, sel)) continue;
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      const list = out.get(key);
      if (list) list.push(sel);
      else out.set(key, [sel]);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (applies(walk, sel.typeCondition?.name.value, type)) collect(walk, type, sel.selectionSet, out, seen);
    } else {
      const name = sel.name.value;
      const fragment = walk.fragments[name];
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      if (applies(walk, fragment.typeCondition.name.value, type)) collect(walk, type, fragment.selectionSet, out, seen);
    }
  }
}
