import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/** Every case type's record type descends from this one: it carries state, priority, assignment… */
export const CASE_BASE_TYPE = 'task';

/**
 * What is wrong with the case types of a snapshot beyond the basics (name, key, record type exists): the record
 * type is concrete and extends `task` (directly or not), the unit exists, submitters and fulfillers are existing
 * user criteria, and the default form is a form of that record type. Routing rules, SLAs and approval flows are
 * run by engines still to come: their names are checked when those kinds exist, not here. Pure: the studio
 * runs it too.
 */
export function caseTypeProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const { userCriteria, businessUnits, forms } = model.snapshot;
  for (const [key, ct] of Object.entries(model.snapshot.caseTypes)) {
    const path = `caseTypes.${key}`;
    const add = (where: string, code: MetadataProblem['code'], message: string) => problems.push({ path: `${path}.${where}`, code, message });
    const type = model.types.get(ct.name);
    // A missing or archived record type is reported by the basic checks already.
    if (type && !type.archived) {
      if (type.abstract) add('name', 'INVALID_EXTENDS', `case type "${ct.name}" is about abstract record type "${ct.name}"; a case type needs a concrete record type (its cases are its records)`);
      if (!type.ancestors.includes(CASE_BASE_TYPE))
        add('name', 'INVALID_EXTENDS', `case type "${ct.name}": record type "${ct.name}" must extend "${CASE_BASE_TYPE}" (directly or through another type) to be a case type`);
    }
    if (!businessUnits[ct.businessUnit])
      add('businessUnit', 'INVALID_DOCUMENT', `case type "${ct.name}" belongs to business unit "${ct.businessUnit}", which does not exist; create it or name an existing unit`);
    for (const list of ['submitters', 'fulfillers'] as const)
      for (const [i, name] of ct[list].entries())
        if (!userCriteria[name]) add(`${list}.${i}`, 'UNKNOWN_CRITERIA', `case type "${ct.name}" names user criteria "${name}" among its ${list}, which do not exist`);
    if (ct.defaultForm !== undefined) {
      const form = forms[ct.defaultForm];
      if (!form) add('defaultForm', 'INVALID_DOCUMENT', `the default form "${ct.defaultForm}" of case type "${ct.name}" does not exist`);
      else if (form.recordType !== ct.name)
        add('defaultForm', 'INVALID_DOCUMENT', `the default form "${ct.defaultForm}" of case type "${ct.name}" is a form of "${form.recordType}", not of "${ct.name}"`);
    }
  }
  return problems;
}
