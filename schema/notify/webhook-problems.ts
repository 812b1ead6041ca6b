import { checkCondition } from '../condition/check-condition.js';
import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/**
 * What is wrong with the webhooks of a snapshot beyond the basics: the condition is valid on the record type,
 * and `transitioned` is asked for only where records have states: the type or one of its kinds has a state
 * model (else no write could ever match it).
 */
export function webhookProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, doc] of Object.entries(model.snapshot.webhooks)) {
    const type = model.types.get(doc.recordType);
    if (!type || type.archived) continue;
    const path = `webhooks.${key}`;
    if (doc.condition) for (const p of checkCondition(model, doc.recordType, doc.condition, `${path}.condition`)) problems.push({ path: p.path, code: 'INVALID_CONDITION', message: p.message });
    const at = doc.events.indexOf('transitioned');
    const hasStates = !!type.stateModel || type.concreteTypes.some((name) => !!model.types.get(name)?.stateModel);
    if (at >= 0 && !hasStates) {
      problems.push({ path: `${path}.events.${at}`, code: 'INVALID_DOCUMENT', message: `webhook "${doc.name}" listens for transitions, but record type "${doc.recordType}" (and every kind of it) has no state model` });
    }
  }
  return problems;
}
