import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { DomainError, ErrorCode } from '../../../domain-error.js';

export type { ResolveTree };

/** Selected fields keyed by response key (alias or name). */
export type Selection = Map<string, ResolveTree>;

/** The resolve tree of the field being resolved, with fragments and variables already applied. */
export function rootTree(info: GraphQLResolveInfo): ResolveTree {
  const tree = parseResolveInfo(info, { keepRoot: false }) as ResolveTree | null;
  if (!tree) throw new DomainError(ErrorCode.BAD_REQUEST, 'could not read the selection of this field');
  return tree;
}

/**
 * The fields a tree selects on an object of one of `typeNames` (the concrete type and its interfaces), merged
 * deeply so fragments on an interface and on the type combine.
 */
export function selectionFor(tree: ResolveTree | undefined, typeNames: readonly string[]): Selection {
  const out: Selection = new Map();
  if (!tree) return out;
  for (const name of typeNames) {
    const fields = tree.fieldsByTypeName[name];
    if (!fields) continue;
    for (const [key, sub] of Object.entries(fields)) {
      const prev = out.get(key);
      out.set(key, prev ? mergeTrees(prev, sub) : sub);
    }
  }
  return out;
}

function mergeTrees(a: ResolveTree, b: ResolveTree): ResolveTree {
  const fieldsByTypeName: ResolveTree['fieldsByTypeName'] = { ...a.fieldsByTypeName };
  for (const [type, fields] of Object.entries(b.fieldsByTypeName)) {
    const merged = { ...(fieldsByTypeName[type] ?? {}) };
    for (const [k, v] of Object.entries(fields)) merged[k] = merged[k] ? mergeTrees(merged[k], v) : v;
    fieldsByTypeName[type] = merged;
  }
  return { ...a, fieldsByTypeName };
}

/** The first subtree selected under `fieldName` on `typeName`, whatever its alias. */
export function childrenNamed(tree: ResolveTree, typeName: string, fieldName: string): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName[typeName] ?? {}).filter((t) => t.name === fieldName);
}
