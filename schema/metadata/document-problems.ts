import type { AnyDoc, MetadataKind } from './kinds.js';
import type { Model } from './model.js';
import { nameProblem } from './names.js';
import type { MetadataProblem } from './validate.js';

/**
 * What every document of a kind must satisfy: stored under its own name, a valid name, and — for kinds about a
 * record type — a record type that exists and is not archived. Kinds add their own checks after these.
 */
export function documentProblems(kind: MetadataKind, model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, doc] of Object.entries(model.snapshot[kind.key] as Record<string, AnyDoc>)) {
    const path = `${kind.key}.${key}`;
    if (key !== doc.name) problems.push({ path, code: 'INVALID_DOCUMENT', message: `${kind.label} stored as "${key}" is named "${doc.name}"` });
    const np = nameProblem(doc.name);
    if (np) problems.push({ path, code: 'INVALID_NAME', message: `${kind.label} name ${np}` });
    const typeName = kind.recordTypeOf(doc);
    if (typeName === null) continue;
    const type = model.types.get(typeName);
    if (!type || type.archived)
      problems.push({ path: `${path}.recordType`, code: 'UNKNOWN_TYPE', message: `${kind.label} "${doc.name}" is about record type "${typeName}", which ${type ? 'is archived' : 'does not exist'}` });
  }
  return problems;
}
