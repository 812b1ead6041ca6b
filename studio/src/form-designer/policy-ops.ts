import type { UiPolicyActionDoc, UiPolicyDoc } from '../../../schema/form/index.js';
import type { MetadataSnapshot } from '../../../schema/metadata/index.js';

/** The aspects a policy action sets, in the order the editor shows them. */
export const ASPECTS = ['mandatory', 'visible', 'readOnly'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const ASPECT_LABELS: Record<Aspect, string> = { mandatory: 'Mandatory', visible: 'Visible', readOnly: 'Read-only' };

/** The UI policies written for exactly this record type (an ancestor's are listed on the ancestor's forms), by order. */
export function policiesOfType(snapshot: MetadataSnapshot, recordType: string): UiPolicyDoc[] {
  return Object.values(snapshot.uiPolicies ?? {})
    .filter((p) => p.recordType === recordType)
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** A new policy: no condition yet, one action so it is a valid document once a field is chosen. */
export function newPolicy(name: string, recordType: string, field: string): UiPolicyDoc {
  return { name, recordType, description: '', actions: [{ field, mandatory: true }], order: 100, reverseIfFalse: true };
}

/** Sets (true/false) or clears (undefined) one aspect of the action at `index`. */
export function setAspect(policy: UiPolicyDoc, index: number, aspect: Aspect, value: boolean | undefined): UiPolicyDoc {
  return {
    ...policy,
    actions: policy.actions.map((a, i) => {
      if (i !== index) return a;
      const next: UiPolicyActionDoc = { ...a };
      if (value === undefined) delete next[aspect];
      else next[aspect] = value;
      return next;
    }),
  };
}

export function setActionField(policy: UiPolicyDoc, index: number, field: string): UiPolicyDoc {
  return { ...policy, actions: policy.actions.map((a, i) => (i === index ? { ...a, field } : a)) };
}

export function addAction(policy: UiPolicyDoc, field: string): UiPolicyDoc {
  return { ...policy, actions: [...policy.actions, { field, visible: true }] };
}

export function removeAction(policy: UiPolicyDoc, index: number): UiPolicyDoc {
  return { ...policy, actions: policy.actions.filter((_, i) => i !== index) };
}

/** The policies the preview applies: the working ones, with the one being edited as it is on screen (unsaved). */
export function policiesWithEdit(snapshot: MetadataSnapshot, editing: UiPolicyDoc | null): UiPolicyDoc[] {
  const all = { ...(snapshot.uiPolicies ?? {}) };
  if (editing) all[editing.name] = editing;
  return Object.values(all);
}

/** One line for the list: what the actions do, e.g. "caller mandatory · resolution_notes hidden". */
export function describeActions(policy: UiPolicyDoc): string {
  return policy.actions
    .map((a) => {
      const parts: string[] = [];
      if (a.mandatory !== undefined) parts.push(a.mandatory ? 'mandatory' : 'optional');
      if (a.visible !== undefined) parts.push(a.visible ? 'visible' : 'hidden');
      if (a.readOnly !== undefined) parts.push(a.readOnly ? 'read-only' : 'editable');
      return `${a.field} ${parts.join(', ') || '(no change)'}`;
    })
    .join(' · ');
}
