import { IDENTITY_TYPES } from '../access/identity-types.js';
import { checkCondition } from '../condition/check-condition.js';
import { UnreachableCaseError } from '../metadata/field-types.js';
import type { Model, ModelType } from '../metadata/model.js';
import type { MetadataProblem, MetadataProblemCode } from '../metadata/validate.js';
import { durationMs } from './business-time.js';
import type { SlaActionDoc } from './sla-definition.js';

const CONDITIONS = ['appliesTo', 'start', 'pause', 'stop', 'cancel'] as const;
/** What a `{ field }` recipient may point at: a person, or a group (its members are told). */
const RECIPIENT_TYPES: readonly string[] = [IDENTITY_TYPES.user, IDENTITY_TYPES.group];

/**
 * Problems of the SLA definitions in a snapshot beyond the checks every document gets: each condition is one the
 * condition language accepts for the record type, the target is longer than nothing, the schedule exists, a
 * retroactive start is a datetime field of the type, warning percents rise strictly, a notification sent to a
 * field goes to a reference to a person or a group, a reassignment names a group, and every SLA a case type
 * lists exists. Pure: the studio runs it too.
 */
export function slaDefinitionProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const add = (path: string, code: MetadataProblemCode, message: string) => problems.push({ path, code, message });
  const { slaDefinitions, schedules, caseTypes } = model.snapshot;
  for (const [key, doc] of Object.entries(slaDefinitions)) {
    const path = `slaDefinitions.${key}`;
    const sla = `SLA "${doc.name}"`;
    const type = model.types.get(doc.recordType);
    // documentProblems reports a missing or archived record type; nothing else can be checked against it.
    if (type && !type.archived) {
      for (const which of CONDITIONS) {
        const condition = doc[which];
        if (condition) for (const p of checkCondition(model, doc.recordType, condition, `${path}.${which}`)) add(p.path, 'INVALID_CONDITION', p.message);
      }
      if (doc.retroactiveStart !== undefined) {
        const field = type.fields.find((f) => f.name === doc.retroactiveStart && !f.archived);
        if (!field || field.type !== 'datetime')
          add(
            `${path}.retroactiveStart`,
            'INVALID_FIELD',
            `${sla} starts retroactively from "${doc.retroactiveStart}", which ${field ? `is ${article(field.type)} field` : `is not a field of "${doc.recordType}"`}; name a datetime field of the record type`,
          );
      }
      const actionsAt: [string, SlaActionDoc[]][] = [...doc.warnings.map((w, i) => [`${path}.warnings.${i}.actions`, w.actions] as [string, SlaActionDoc[]]), [`${path}.breachActions`, doc.breachActions]];
      for (const [at, actions] of actionsAt) actions.forEach((action, i) => actionProblems(model, type, sla, action, `${at}.${i}`, add));
    }
    if (durationMs(doc.target) <= 0) add(`${path}.target`, 'INVALID_DOCUMENT', `${sla} has target ${doc.target}, which is no time at all; give a duration longer than zero, e.g. PT4H`);
    if (doc.schedule !== undefined && !schedules[doc.schedule])
      add(`${path}.schedule`, 'INVALID_DOCUMENT', `${sla} counts business time on schedule "${doc.schedule}", which does not exist; create it, or leave the schedule out to count every hour`);
    doc.warnings.forEach((w, i) => {
      const before = doc.warnings[i - 1];
      if (before && w.percent <= before.percent)
        add(
          `${path}.warnings.${i}.percent`,
          'INVALID_DOCUMENT',
          `${sla} warns at ${w.percent} % after a warning at ${before.percent} %; list each percent once, in ascending order`,
        );
    });
  }
  for (const [key, ct] of Object.entries(caseTypes))
    ct.slas.forEach((name, i) => {
      if (!slaDefinitions[name]) add(`caseTypes.${key}.slas.${i}`, 'INVALID_DOCUMENT', `case type "${ct.name}" lists SLA "${name}", which does not exist; create it or remove it from the list`);
    });
  return problems;
}

function actionProblems(model: Model, type: ModelType, sla: string, action: SlaActionDoc, at: string, add: (path: string, code: MetadataProblemCode, message: string) => void): void {
  switch (action.kind) {
    case 'reassign':
      if (!action.group.trim()) add(`${at}.group`, 'INVALID_DOCUMENT', `${sla} reassigns to a group without a name; name the group to assign to`);
      return;
    case 'notify':
      action.to.forEach((to, j) => {
        if (!('field' in to)) return;
        const field = type.fields.find((f) => f.name === to.field && !f.archived);
        if (!field || field.type !== 'reference' || !isRecipientType(model, field.reference))
          add(
            `${at}.to.${j}.field`,
            'INVALID_FIELD',
            `${sla} notifies field "${to.field}", which ${field ? (field.type === 'reference' ? `points at "${field.reference}"` : `is ${article(field.type)} field`) : `is not a field of "${type.name}"`}; name a reference field to a ${RECIPIENT_TYPES.join(' or ')}`,
          );
      });
      return;
    case 'raise_priority':
    case 'work_note':
      return;
    default:
      throw new UnreachableCaseError(action);
  }
}

/** A person or a group, or a type extending one. */
function isRecipientType(model: Model, name: string | undefined): boolean {
  const target = name === undefined ? undefined : model.types.get(name);
  return !!target && [target.name, ...target.ancestors].some((t) => RECIPIENT_TYPES.includes(t));
}

const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
