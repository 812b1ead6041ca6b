import type { Condition } from '../condition/condition.js';

/** Flags that default to false: written only when true, so files stay short. */
const FLAGS = new Set(['abstract', 'archived', 'required', 'unique', 'includeChildren']);

/** The keys of `obj` in the given order, without unset values and false flags: files diff well in git. */
export function ordered<T extends object>(obj: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (obj as Record<string, unknown>)[k];
    if (v !== undefined && !(FLAGS.has(k) && v === false)) out[k] = v;
  }
  return out;
}

const CONDITION_KEYS = ['and', 'or', 'not', 'field', 'op', 'value'] as const;

/** The stored (jsonb) key order is not the written one: conditions get a fixed order too. */
export function orderedCondition(c: Condition): Record<string, unknown> {
  const out = ordered(c, CONDITION_KEYS);
  if ('and' in c) out.and = c.and.map(orderedCondition);
  if ('or' in c) out.or = c.or.map(orderedCondition);
  if ('not' in c) out.not = orderedCondition(c.not);
  return out;
}

/** Stored documents come back from jsonb with their keys reordered: compare them by content, not key order. */
export function canonical<T>(v: T): T {
  if (Array.isArray(v)) return v.map(canonical) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) as T;
  return v;
}

/** Drops lists that are empty (an empty list and a missing one mean the same) and keys left undefined. */
export function withoutEmpty(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  for (const k of keys) if (Array.isArray(body[k]) && (body[k] as unknown[]).length === 0) delete body[k];
  return body;
}
