import { evaluateCondition } from '../condition/evaluate-condition.js';
import type { DynamicContext } from '../condition/condition.js';
import type { Model, ModelField } from '../metadata/model.js';
import type { UiPolicyDoc } from './ui-policy.js';

/** How a form shows one field, and what the server enforces of it: mandatory and read-only (visibility is presentation). */
export interface FieldUiState {
  mandatory: boolean;
  visible: boolean;
  readOnly: boolean;
}

const ASPECTS = ['mandatory', 'visible', 'readOnly'] as const;

/**
 * The active policies that apply to records of `typeName`: its own and its ancestors', in the order they apply —
 * by `order`, then the more general type first (so a type's own policy wins a tie over its ancestor's), then
 * by name, so the answer never depends on how the documents were listed.
 */
export function applicablePolicies(model: Model, typeName: string, policies: Iterable<UiPolicyDoc>): UiPolicyDoc[] {
  const type = model.types.get(typeName);
  if (!type) return [];
  // Depth in the ancestry: the root ancestor is 0, the type itself the deepest.
  const family = [...type.ancestors].reverse().concat(type.name);
  const depth = new Map(family.map((t, i) => [t, i]));
  return [...policies]
    .filter((p) => p.active !== false && depth.has(p.recordType))
    .sort((a, b) => a.order - b.order || depth.get(a.recordType)! - depth.get(b.recordType)! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether a stored value counts as no value for a mandatory field: null, empty text, an empty multi-choice. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The state of every active field of a record of `typeName`, by field name: the field's own `required` flag is
 * the base of `mandatory` (and a floor: a policy cannot make a required field optional, the database would
 * refuse the empty value anyway); then the applicable policies, in order, each setting the aspects its actions
 * name — while its condition holds, as written; while it does not, reversed when `reverseIfFalse`, else not at
 * all. A later policy wins on the same aspect of a field. A mandatory field without a value is shown and
 * editable whatever the policies say, so a person is never asked for a value they cannot give.
 *
 * `row` is the record by column name in stored form (see `evaluateCondition`): the server passes the record as a
 * write would leave it, a form the record as it is being edited (its defaults for a new one). Same code, same
 * answer, on both sides.
 */
export function evaluateUiPolicies(
  model: Model,
  typeName: string,
  policies: Iterable<UiPolicyDoc>,
  row: Record<string, unknown>,
  dyn: DynamicContext,
): Map<string, FieldUiState> {
  const type = model.types.get(typeName);
  const out = new Map<string, FieldUiState>();
  if (!type) return out;
  const fields = new Map<string, ModelField>(type.activeFields.map((f) => [f.name, f]));
  for (const f of fields.values()) out.set(f.name, { mandatory: f.required, visible: true, readOnly: false });
  for (const policy of applicablePolicies(model, typeName, policies)) {
    const holds = !policy.condition || evaluateCondition(model, typeName, policy.condition, row, dyn);
    if (!holds && !policy.reverseIfFalse) continue;
    for (const action of policy.actions) {
      const state = out.get(action.field);
      // A field archived since the policy was published: nothing to show or enforce.
      if (!state) continue;
      for (const aspect of ASPECTS) {
        const set = action[aspect];
        if (set !== undefined) state[aspect] = holds ? set : !set;
      }
    }
  }
  for (const [name, state] of out) {
    if (fields.get(name)!.required) state.mandatory = true;
    if (state.mandatory && isEmptyValue(row[name])) {
      state.visible = true;
      state.readOnly = false;
    }
  }
  return out;
}
