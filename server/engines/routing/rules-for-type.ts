import type { Model, RoutingRuleDoc } from '../../../schema/index.js';

/**
 * The active rules that route records of `typeName`: rules of the type itself and of its ancestors, in `order`
 * (lower first; equal orders by name, so the outcome never depends on storage order).
 */
export function rulesForType(model: Model, typeName: string, rules: Iterable<RoutingRuleDoc> = Object.values(model.snapshot.routingRules)): RoutingRuleDoc[] {
  const type = model.types.get(typeName);
  if (!type) return [];
  const applies = new Set([typeName, ...type.ancestors]);
  return [...rules].filter((r) => r.active !== false && applies.has(r.recordType)).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
