import { checkCondition } from '../condition/check-condition.js';
import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/**
 * What is wrong with the webhooks of a snapshot beyond the basics: the condition is valid on the record type,
 * and `transitioned` is asked for only on a type with a state model (else no write could ever match it).
 */
export function webhookProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, doc] of Object.entries(model.snapshot.webhooks)) {
    const type = model.types.get(doc.recordType);
    if (!type || type.archived) continue;
    const path = `webhooks.${key}`;
    if (doc.condition) for (const p of checkCondition(model, doc.recordType, doc.condition, `${path}.condition`)) problems.push({ path: p.path, code: 'INVALID_CONDITION', message: p.message });
    const at = doc.events.indexOf('transitioned');
    if (at >= 0 && !type.stateModel) {
      problems.push({ path: `${path}.events.${at}`, code: 'INVALID_DOCUMENT', message: `webhook "${doc.name}" listens for transitions, but record type "${doc.recordType}" has no state model` });
    }
  }
  return problems;
}
