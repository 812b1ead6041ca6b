import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/**
 * What is wrong with the business units of a snapshot beyond the basics (name, key): every admin is existing
 * user criteria, or nobody could tell who administers the unit. Pure: the studio runs it too.
 */
export function businessUnitProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const criteria = model.snapshot.userCriteria;
  for (const [key, unit] of Object.entries(model.snapshot.businessUnits)) {
    for (const [i, name] of unit.admins.entries())
      if (!criteria[name])
        problems.push({
          path: `businessUnits.${key}.admins.${i}`,
          code: 'UNKNOWN_CRITERIA',
          message: `business unit "${unit.name}" names user criteria "${name}" as its admins, which do not exist; create them or name existing criteria`,
        });
  }
  return problems;
}
