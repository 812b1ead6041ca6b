import { checkCondition } from '../condition/check-condition.js';
import type { Condition } from '../condition/condition.js';
import type { Model } from '../metadata/model.js';
import { nameProblem } from '../metadata/names.js';
import type { MetadataProblem, MetadataProblemCode } from '../metadata/validate.js';
import type { AclDoc, AclOperation } from './acl.js';
import { IDENTITY_TYPES } from './identity-types.js';

const RECORD_OPERATIONS: readonly AclOperation[] = ['read', 'create', 'update', 'delete'];
const FIELD_OPERATIONS: readonly AclOperation[] = ['read', 'write'];

/**
 * Check the user criteria and ACLs of a snapshot against its record types. Takes the model of a snapshot whose
 * record types are valid. Named users, groups, roles, accounts, departments and locations are data, not
 * metadata: they are resolved when a rule is applied, so they are not checked here.
 */
export function validateAccess(model: Model): MetadataProblem[] {
  const { userCriteria, acls } = model.snapshot;
  const problems: MetadataProblem[] = [];
  const add = (path: string, code: MetadataProblemCode, message: string) => problems.push({ path, code, message });
  const conditionProblems = (typeName: string, condition: Condition, path: string) => {
    for (const p of checkCondition(model, typeName, condition, path)) add(p.path, 'INVALID_CONDITION', p.message);
  };

  for (const [key, doc] of Object.entries(userCriteria)) {
    const path = `userCriteria.${key}`;
    if (key !== doc.name) add(path, 'INVALID_DOCUMENT', `user criteria stored as "${key}" are named "${doc.name}"`);
    const np = nameProblem(doc.name);
    if (np) add(path, 'INVALID_NAME', `user criteria name ${np}`);
    if (!doc.condition) continue;
    const user = model.types.get(IDENTITY_TYPES.user);
    if (!user || user.archived)
      add(`${path}.condition`, 'UNKNOWN_TYPE', `user criteria "${doc.name}" have a condition on the user's record, but record type "${IDENTITY_TYPES.user}" ${user ? 'is archived' : 'does not exist'}`);
    else conditionProblems(IDENTITY_TYPES.user, doc.condition, `${path}.condition`);
  }

  for (const [key, doc] of Object.entries(acls)) {
    const path = `acls.${key}`;
    if (key !== doc.name) add(path, 'INVALID_DOCUMENT', `ACL stored as "${key}" is named "${doc.name}"`);
    const np = nameProblem(doc.name);
    if (np) add(path, 'INVALID_NAME', `ACL name ${np}`);

    const allowed = doc.field === undefined ? RECORD_OPERATIONS : FIELD_OPERATIONS;
    if (!allowed.includes(doc.operation))
      add(
        `${path}.operation`,
        'INVALID_OPERATION',
        doc.field === undefined
          ? `ACL "${doc.name}" is a record rule, which governs ${RECORD_OPERATIONS.join(', ')}; "${doc.operation}" is for field rules`
          : `ACL "${doc.name}" is a field rule (on "${doc.field}"), which governs ${FIELD_OPERATIONS.join(' or ')}; "${doc.operation}" is for record rules`,
      );

    doc.criteria.forEach((name, i) => {
      if (!userCriteria[name]) add(`${path}.criteria.${i}`, 'UNKNOWN_CRITERIA', `ACL "${doc.name}" names user criteria "${name}", which do not exist`);
    });

    const type = model.types.get(doc.recordType);
    if (!type || type.archived) {
      add(`${path}.recordType`, 'UNKNOWN_TYPE', `ACL "${doc.name}" is on record type "${doc.recordType}", which ${type ? 'is archived' : 'does not exist'}`);
      continue;
    }
    if (doc.field !== undefined && !type.activeFields.some((f) => f.name === doc.field)) {
      const archived = type.fields.some((f) => f.name === doc.field);
      add(`${path}.field`, 'INVALID_FIELD', `ACL "${doc.name}" is on field "${doc.field}" of "${doc.recordType}", which ${archived ? 'is archived' : 'does not exist'}`);
    }
    if (doc.condition) conditionProblems(doc.recordType, doc.condition, `${path}.condition`);
    if (doc.through !== undefined) throughProblems(model, doc).forEach((message) => add(`${path}.through`, 'INVALID_FIELD', message));
  }
  return problems;
}

/** `through` must name an active reference field of the rule's type on a record rule, whose target exists. */
function throughProblems(model: Model, doc: AclDoc): string[] {
  if (doc.field !== undefined) return [`ACL "${doc.name}" is a field rule; \`through\` is for record rules (it ties whole records to the record a reference points at)`];
  const field = model.types.get(doc.recordType)!.activeFields.find((f) => f.name === doc.through);
  if (!field) return [`ACL "${doc.name}" goes through field "${doc.through}" of "${doc.recordType}", which does not exist`];
  if (field.type !== 'reference') return [`ACL "${doc.name}" goes through field "${doc.through}" of "${doc.recordType}", which is a ${field.type} field; \`through\` needs a reference`];
  const target = field.reference ? model.types.get(field.reference) : undefined;
  if (!target || target.archived) return [`ACL "${doc.name}" goes through "${doc.through}", whose target "${field.reference}" does not exist`];
  return [];
}
