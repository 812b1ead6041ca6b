import { evaluateUiPolicies, isEmptyValue } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { defaultRow, sameStoredValue, storedValues } from './stored-values.js';
import { policyDynamics, uiPoliciesOf } from './ui-policies-of.js';
import type { WriteStage } from './write-stage.js';

/**
 * Enforces the UI policies of the record type (and its ancestors) on every create, update and transition, so an
 * API call cannot skip what a form would ask: they are evaluated — with the code a form uses — on the record as
 * this write would leave it (the record as it is, or the defaults of a new one, with the values sent laid over).
 * A mandatory field left without a value is REQUIRED_FIELD; a value sent for a read-only field that differs from
 * the one the record has (a new record: its default) is READ_ONLY_FIELD. Fields a stage set on the client's behalf
 * (`vouched`, the state of a transition) are the platform's, not refused as read-only. Visibility is not
 * enforced: it is presentation, and ACLs guard data. A type without active policies costs nothing, not even a read.
 */
export const uiPolicyStage: WriteStage = {
  name: 'ui-policies',
  async run(ws) {
    if (ws.op === 'delete') return;
    const { graph } = ws.wc;
    const type = ws.info.type;
    const policies = uiPoliciesOf(graph.model, type.name);
    if (!policies.length) return;
    const before = ws.op === 'create' ? defaultRow(graph, ws.info) : ((await ws.current()) ?? {});
    const sent = storedValues(graph, ws.info, ws.values);
    const after = { ...before, ...sent };
    const states = evaluateUiPolicies(graph.model, type.name, policies, after, policyDynamics(ws.scope));

    const missing: string[] = [];
    for (const field of ws.info.fields.values()) {
      // Server-set fields are filled as the row is written.
      if (field.auto) continue;
      if (states.get(field.name)?.mandatory && isEmptyValue(after[field.name])) missing.push(field.gqlName);
    }
    if (missing.length)
      throw new DomainError(ErrorCode.REQUIRED_FIELD, `${type.doc.label} needs a value for ${missing.join(', ')} (mandatory on this record)`, { fields: missing });

    const locked: string[] = [];
    for (const key of Object.keys(ws.values)) {
      const field = ws.info.fields.get(key);
      if (!field || ws.vouched.has(key)) continue;
      const state = states.get(field.name);
      // A mandatory field still empty is editable whatever else applies: otherwise no one could ever fill it.
      if (!state?.readOnly || (state.mandatory && isEmptyValue(before[field.name]))) continue;
      if (!sameStoredValue(field, sent[field.name], before[field.name])) locked.push(key);
    }
    if (locked.length)
      throw new DomainError(
        ErrorCode.READ_ONLY_FIELD,
        `${locked.join(', ')} ${locked.length > 1 ? 'are' : 'is'} read-only on this ${type.doc.label} record; leave ${locked.length > 1 ? 'them' : 'it'} out or send the value it has`,
        { fields: locked },
      );
  },
};
