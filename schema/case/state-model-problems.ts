import { checkCondition } from '../condition/check-condition.js';
import type { Model } from '../metadata/model.js';
import { NAME_PATTERN } from '../metadata/names.js';
import type { MetadataProblem, MetadataProblemCode } from '../metadata/validate.js';

/**
 * What a state model must satisfy beyond a valid name and an existing record type (checked first, by
 * `documentProblems`): its field is an active choice field of the type, its states are distinct choice values,
 * it starts in one of them, its moves join known states once each, with criteria that exist, required fields
 * of the type and conditions that mean something; retired states are gone and go somewhere that is not; and a
 * record type has at most one model. Pure: the studio's state-model designer runs the same checks.
 */
export function stateModelProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const add = (path: string, code: MetadataProblemCode, message: string) => problems.push({ path, code, message });
  const byType = new Map<string, string>();
  for (const [key, doc] of Object.entries(model.snapshot.stateModels ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const path = `stateModels.${key}`;
    const type = model.types.get(doc.recordType);
    // An unknown or archived record type is reported by documentProblems; nothing else can be checked without one.
    if (!type || type.archived) continue;
    const other = byType.get(doc.recordType);
    if (other) add(`${path}.recordType`, 'DUPLICATE_NAME', `record type "${doc.recordType}" already has state model "${other}"; a record type has at most one`);
    byType.set(doc.recordType, doc.name);

    const field = type.activeFields.find((f) => f.name === doc.field);
    if (!field) add(`${path}.field`, 'INVALID_FIELD', `state field "${doc.field}" is not a field of "${doc.recordType}"; add a choice field of that name or name another`);
    else if (field.type !== 'choice') add(`${path}.field`, 'INVALID_FIELD', `state field "${doc.field}" of "${doc.recordType}" is ${field.type}; a state field must be a choice field`);

    const states = new Set<string>();
    doc.states.forEach((s, i) => {
      if (!NAME_PATTERN.test(s.name))
        add(`${path}.states.${i}.name`, 'INVALID_NAME', `state "${s.name}" must be lower-case letters, digits and underscores, starting with a letter (it is stored as a choice value)`);
      if (states.has(s.name)) add(`${path}.states.${i}.name`, 'DUPLICATE_NAME', `state "${s.name}" appears twice`);
      states.add(s.name);
    });
    const known = [...states].join(', ');
    if (!states.has(doc.initial)) add(`${path}.initial`, 'INVALID_DOCUMENT', `initial state "${doc.initial}" is not one of the states (${known})`);

    const moves = new Set<string>();
    doc.transitions.forEach((t, i) => {
      const at = `${path}.transitions.${i}`;
      if (!states.has(t.from)) add(`${at}.from`, 'INVALID_DOCUMENT', `transition from "${t.from}": there is no such state (${known})`);
      if (!states.has(t.to)) add(`${at}.to`, 'INVALID_DOCUMENT', `transition to "${t.to}": there is no such state (${known})`);
      if (t.from === t.to) add(`${at}.to`, 'INVALID_DOCUMENT', `transition from "${t.from}" to itself changes nothing; remove it`);
      const move = `${t.from}→${t.to}`;
      if (moves.has(move)) add(at, 'DUPLICATE_NAME', `there are two transitions from "${t.from}" to "${t.to}"; merge them (criteria and conditions)`);
      moves.add(move);
      t.criteria.forEach((c, j) => {
        if (!model.snapshot.userCriteria?.[c]) add(`${at}.criteria.${j}`, 'UNKNOWN_CRITERIA', `transition ${move} names user criteria "${c}", which does not exist`);
      });
      t.requires.forEach((r, j) => {
        const f = type.activeFields.find((x) => x.name === r);
        if (!f) add(`${at}.requires.${j}`, 'INVALID_FIELD', `transition ${move} requires "${r}", which is not a field of "${doc.recordType}"`);
        else if (f.auto) add(`${at}.requires.${j}`, 'INVALID_FIELD', `transition ${move} requires "${r}", which the server sets; require a field people fill in`);
      });
      if (t.condition) for (const p of checkCondition(model, doc.recordType, t.condition, `${at}.condition`)) add(p.path, 'INVALID_CONDITION', p.message);
    });

    const retired = new Set<string>();
    doc.retired.forEach((r, i) => {
      const at = `${path}.retired.${i}`;
      if (states.has(r.state)) add(`${at}.state`, 'INVALID_DOCUMENT', `"${r.state}" is still a state of the model; only removed states are retired`);
      if (retired.has(r.state)) add(`${at}.state`, 'DUPLICATE_NAME', `retired state "${r.state}" appears twice`);
      retired.add(r.state);
      if (!states.has(r.to)) add(`${at}.to`, 'INVALID_DOCUMENT', `retired state "${r.state}" moves to "${r.to}", which is not a state of the model (${known})`);
    });
  }
  return problems;
}
