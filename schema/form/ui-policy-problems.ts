import { checkCondition } from '../condition/check-condition.js';
import { referencePaths } from '../condition/reference-paths.js';
import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/**
 * Problems of the UI policies in a snapshot beyond the checks every document gets: the condition is one the
 * condition language accepts for the record type and tests the record's own fields (a form evaluates it live on
 * the record being edited, which holds no referenced records); every action names a field of the record type
 * (inherited ones included; an archived one is ignored until it is restored), sets at least one aspect, and does not make a field both mandatory and
 * read-only (no one could give the value). Pure: the studio runs it too.
 */
export function uiPolicyProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, policy] of Object.entries(model.snapshot.uiPolicies)) {
    const path = `uiPolicies.${key}`;
    const type = model.types.get(policy.recordType);
    // documentProblems reports a missing or archived record type.
    if (!type || type.archived) continue;
    if (policy.condition) {
      for (const p of checkCondition(model, policy.recordType, policy.condition, `${path}.condition`)) problems.push({ path: p.path, code: 'INVALID_CONDITION', message: p.message });
      for (const at of referencePaths(policy.condition, `${path}.condition`))
        problems.push({
          path: at.path,
          code: 'INVALID_CONDITION',
          message: `UI policy "${policy.name}" tests "${at.field}", a path through a reference; a UI policy tests the record's own fields (a form evaluates it on the record being edited)`,
        });
    }
    const fields = new Map(type.fields.map((f) => [f.name, f]));
    policy.actions.forEach((action, i) => {
      const at = `${path}.actions.${i}`;
      const field = fields.get(action.field);
      // An archived field is allowed (the action is ignored until it is restored), as on forms.
      if (!field) problems.push({ path: `${at}.field`, code: 'INVALID_FIELD', message: `UI policy "${policy.name}" acts on field "${action.field}", which is not a field of "${policy.recordType}"` });
      if (action.mandatory === undefined && action.visible === undefined && action.readOnly === undefined)
        problems.push({ path: at, code: 'INVALID_DOCUMENT', message: `UI policy "${policy.name}" has an action on "${action.field}" that sets nothing; set mandatory, visible or readOnly` });
      if (action.mandatory === true && action.readOnly === true)
        problems.push({
          path: at,
          code: 'INVALID_DOCUMENT',
          message: `UI policy "${policy.name}" makes "${action.field}" both mandatory and read-only; no one could give it a value: choose one`,
        });
    });
  }
  return problems;
}
