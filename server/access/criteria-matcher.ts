import { evaluateCondition, matchCriteria, type Model } from '../../schema/index.js';
import { accessScope } from './access-scope.js';
import type { Actor } from './actor.js';

/**
 * Whether a signed-in user matches any of the named user criteria under a model, evaluated in memory from its
 * access profile (no statement): the same facts and dynamic values its access rules are matched with. Unknown
 * criteria match nobody; an actor without a profile (the development admin) matches none — callers that let
 * administrators through check `actor.admin` themselves.
 */
export function matchesAnyCriteria(actor: Actor, model: Model, names: readonly string[]): boolean {
  const p = actor.profile;
  if (!p || !names.length) return false;
  const scope = accessScope(actor, model);
  // The scope caches which criteria its actor matched while choosing its rules: reuse and extend that cache.
  const cache = scope.criteriaMatched;
  return names.some((name) => {
    let m = cache.get(name);
    if (m === undefined) {
      const doc = model.snapshot.userCriteria[name];
      m = !!doc && matchCriteria(doc, p.facts, (d) => evaluateCondition(model, 'person', d.condition!, p.user, scope.dyn));
      cache.set(name, m);
    }
    return m;
  });
}
